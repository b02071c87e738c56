package org.xenfusa.coverage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import static org.xenfusa.coverage.JsonCoverageReader.expect;
import static org.xenfusa.coverage.JsonCoverageReader.line;
import static org.xenfusa.coverage.JsonCoverageReader.number;
import static org.xenfusa.coverage.JsonCoverageReader.scalar;
import static org.xenfusa.coverage.JsonCoverageReader.where;

/**
 * {@code llvm-cov export} JSON (format 2.0.x), streamed: {@code data[].files[]} ({@code filename}, {@code segments},
 * {@code branches}, {@code expansions[].source_region}/{@code branches}, {@code mcdc_records}) and
 * {@code data[].functions[]} ({@code name}, {@code count}, {@code filenames}, {@code regions}). The figures are those
 * {@code llvm-cov export -format=lcov} writes from the same data (LLVM's {@code CoverageExporterLcov.cpp}):
 * <ul>
 * <li>lines: {@code LineCoverageIterator} from line 1 to the line of the last segment; a line is mapped when no skipped
 * region starts it ({@code !HasCount && IsRegionEntry} first) and either the segment wrapping into it (the last of an
 * earlier line) has a count or a region starts on it ({@code HasCount && IsRegionEntry && !IsGapRegion}); its count is
 * the wrapping segment's, raised to the largest count of the regions starting on it;</li>
 * <li>branches: each branch of the file, and of its macro expansions on the line the expansion starts
 * ({@code collectNestedBranches}), is two branches: taken true ({@code count}) and false ({@code false count}), except
 * the constant-folded ones ({@code renderBranchExecutionCounts}: {@code if (!NextBranch->Folded)}). The JSON has no
 * folded flag, but it writes a file's {@code branches} with the folded ones ({@code CoverageExporterJson.cpp}
 * {@code renderFileBranches}) and the {@code branches} of {@code functions[]} and of {@code expansions[]} without them
 * ({@code renderBranchRegions}: {@code if (!Region.Folded)}); a folded branch region has both counters the constant 0
 * ({@code FunctionRecord::pushRegion}), so a file's branch with both counts 0 that no function lists (same file name and
 * nine values; each function's branch stands for one of the file's) is a folded one and is left out. Exported with
 * {@code -skip-functions} (no {@code functions}), nothing tells a folded branch and every branch counts;</li>
 * <li>functions: a function belongs to its first file name, at the first line of its first region, called
 * {@code count} times; the name as llvm-cov gives it ({@code file.c:name} for static functions);</li>
 * <li>MC/DC ({@code mcdc_records}, LLVM 18 and later): each condition of a record gives two outcomes, both covered
 * when llvm-cov shows the condition independence-covered, except the constant-folded conditions, which llvm-cov's
 * summary does not count ({@code CoverageSummaryInfo.cpp} {@code sumMCDCPairs}: {@code !Record.isCondFolded(C)};
 * {@code MCDCRecordProcessor::processMCDCRecord} sets {@code Folded[I]} when the condition's branch region has both
 * counters the constant 0). The record's list ({@code gatherConditions}) still has them, as {@code false}; their
 * branch regions (kind 6, {@code MCDCBranchRegion}) are folded branches of the file as above, and each one, within the
 * smallest decision region of the file holding its start, takes one {@code false} out of that record.</li>
 * </ul>
 */
final class LlvmCovJsonReader {
    private LlvmCovJsonReader() {
    }

    /** Reads the {@code data} array the parser is at the start of. */
    static List<RawFile> read(JsonParser p) throws CoverageImporter.Refused {
        List<RawFile> all = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(p, t, JsonToken.START_OBJECT, "data[]");
            Map<String, Pending> files = new LinkedHashMap<>();
            List<Object[]> functions = new ArrayList<>();
            Folded folded = new Folded();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                t = p.nextToken();
                if (key.equals("files")) {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        expect(p, t, JsonToken.START_OBJECT, "files[]");
                        Pending f = file(p);
                        files.merge(f.file.path(), f, (a, b) -> {
                            a.file.lines.addAll(b.file.lines);
                            a.branches.addAll(b.branches);
                            a.records.addAll(b.records);
                            return a;
                        });
                    }
                } else if (key.equals("functions")) {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        expect(p, t, JsonToken.START_OBJECT, "functions[]");
                        folded.functions = true;
                        Object[] f = function(p, folded);
                        if (f != null) {
                            functions.add(f);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            // llvm-cov's lcov lists a file's functions (getCoveredFunctions) only for the files it exports
            for (Object[] f : functions) {
                Pending file = files.get((String) f[0]);
                if (file != null) {
                    file.file.functions.add((FunctionRecord) f[1]);
                }
            }
            for (Pending f : files.values()) {
                all.add(f.finish(folded));
            }
        }
        return all;
    }

    private record Segment(int line, long count, boolean hasCount, boolean entry, boolean gap) {
    }

    /**
     * A branch as the lcov export lists it: on {@code line} (an expansion's: the line of the expansion), two branches;
     * {@code own} is the file's own branch as written (it may be a folded one, see {@link Folded}), null for an
     * expansion's (written without the folded ones).
     */
    private record Branch(int line, int column, long trueCount, long falseCount, long[] own) {
    }

    /** An MC/DC record of a file: its decision region, its conditions (independence pair shown or not). */
    private record Mcdc(long[] region, List<Boolean> conditions) {
    }

    /** A file's data, its branches and MC/DC records kept until the functions of its data object are read. */
    private static final class Pending {
        final RawFile file;
        final List<Branch> branches = new ArrayList<>();
        final List<Mcdc> records = new ArrayList<>();

        Pending(RawFile file) {
            this.file = file;
        }

        /** The file with the lines of its branches and MC/DC records, less the constant-folded ones. */
        RawFile finish(Folded folded) {
            RawFile f = file;
            List<Branch> kept = new ArrayList<>();
            Map<Mcdc, Integer> foldedConditions = new java.util.IdentityHashMap<>();
            for (Branch b : branches) {
                if (b.own == null || !folded.isFolded(f.path(), b.own)) {
                    kept.add(b);
                } else if (b.own[8] == MCDC_BRANCH) {
                    Mcdc r = innermost(b.own);
                    if (r != null) {
                        foldedConditions.merge(r, 1, Integer::sum);
                    }
                }
            }
            kept.sort((a, b) -> a.line != b.line ? Integer.compare(a.line, b.line)
                    : Integer.compare(a.column, b.column));
            int i = 0;
            while (i < kept.size()) {
                int line = kept.get(i).line;
                List<Long> counts = new ArrayList<>();
                while (i < kept.size() && kept.get(i).line == line) {
                    counts.add(kept.get(i).trueCount);
                    counts.add(kept.get(i).falseCount);
                    i++;
                }
                RawFile.Line l = new RawFile.Line(line, 0, f.at);
                l.branches = counts.stream().mapToLong(Long::longValue).toArray();
                f.lines.add(l);
            }
            Map<Integer, ConditionOutcomes> mcdc = new LinkedHashMap<>();
            for (Mcdc r : records) {
                List<Boolean> conditions = new ArrayList<>(r.conditions);
                // a folded condition is never independence-covered: it is one of the record's false entries
                int n = foldedConditions.getOrDefault(r, 0);
                while (n > 0 && conditions.remove(Boolean.FALSE)) {
                    n--;
                }
                BitSet b = new BitSet();
                for (int j = 0; j < conditions.size(); j++) {
                    if (conditions.get(j)) {
                        b.set(2 * j, 2 * j + 2);
                    }
                }
                mcdc.merge((int) r.region[0], new ConditionOutcomes(2 * conditions.size(), b),
                        GcovFilesReader::concat);
            }
            for (Map.Entry<Integer, ConditionOutcomes> e : mcdc.entrySet()) {
                RawFile.Line l = new RawFile.Line(e.getKey(), 0, f.at);
                l.conditions = e.getValue();
                f.lines.add(l);
            }
            return f;
        }

        /** The record whose decision region is the smallest that holds the branch's start. */
        private Mcdc innermost(long[] branch) {
            Mcdc best = null;
            for (Mcdc r : records) {
                long[] d = r.region;
                if (compare(d[0], d[1], branch[0], branch[1]) <= 0 && compare(branch[0], branch[1], d[2], d[3]) <= 0
                        && (best == null || compare(d[0], d[1], best.region[0], best.region[1]) > 0
                                || compare(d[0], d[1], best.region[0], best.region[1]) == 0 && compare(d[2], d[3],
                                        best.region[2], best.region[3]) < 0)) {
                    best = r;
                }
            }
            return best;
        }
    }

    /** {@code CounterMappingRegion::MCDCBranchRegion}, the kind of a branch region that is an MC/DC condition. */
    private static final long MCDC_BRANCH = 6;

    private static int compare(long l1, long c1, long l2, long c2) {
        return l1 != l2 ? Long.compare(l1, l2) : Long.compare(c1, c2);
    }

    private static Pending file(JsonParser p) throws CoverageImporter.Refused {
        long at = line(p);
        String name = null;
        List<RawFile.Line> lines = new ArrayList<>();
        List<Branch> branches = new ArrayList<>();
        List<Mcdc> mcdc = new ArrayList<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case "filename" -> name = scalar(p, t, key);
                case "segments" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    segments(p, lines);
                }
                case "branches" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        long[] b = numbers(p, t, "branches[]", 6);
                        branches.add(new Branch(lineOf(p, b[0]), (int) b[1], Math.max(0, b[4]), Math.max(0, b[5]),
                                b.length >= 9 && b[4] == 0 && b[5] == 0 ? b : null));
                    }
                }
                case "expansions" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        expect(p, t, JsonToken.START_OBJECT, "expansions[]");
                        expansion(p, branches);
                    }
                }
                case "mcdc_records" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        Mcdc r = mcdc(p, t);
                        if (r != null) {
                            mcdc.add(r);
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (name == null || name.isBlank()) {
            throw new CoverageImporter.Refused(at, "an llvm-cov files[] entry without \"filename\" (at line " + at
                    + ")");
        }
        Pending f = new Pending(new RawFile(name, at, RawFile.Rules.AS_GIVEN));
        f.file.lines.addAll(lines);
        f.branches.addAll(branches);
        f.records.addAll(mcdc);
        return f;
    }

    /**
     * {@code LineCoverageIterator} and {@code LineCoverageStats} over the segments (sorted by line and column), one
     * line at a time, keeping only the segments of the current line.
     */
    private static void segments(JsonParser p, List<RawFile.Line> out) throws CoverageImporter.Refused {
        long at = line(p);
        List<Segment> current = new ArrayList<>();
        Segment wrapped = null;
        int line = 1;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            long[] s = numbers(p, t, "segments[]", 5);
            Segment seg = new Segment((int) s[0], s[2], s[3] != 0, s[4] != 0, s.length > 5 && s[5] != 0);
            if (seg.line < line || seg.line < 1) {
                throw new CoverageImporter.Refused(line(p), "llvm-cov segments out of order at " + where(p));
            }
            while (seg.line > line) {
                emit(line, current, wrapped, out, at);
                if (!current.isEmpty()) {
                    wrapped = current.get(current.size() - 1);
                    current.clear();
                }
                line++;
            }
            current.add(seg);
        }
        if (!current.isEmpty()) {
            emit(line, current, wrapped, out, at);
        }
    }

    private static void emit(int line, List<Segment> segs, Segment wrapped, List<RawFile.Line> out, long at) {
        int starts = 0;
        long count = wrapped == null ? 0 : wrapped.count;
        for (Segment s : segs) {
            if (!s.gap && s.hasCount && s.entry) {
                starts++;
                count = Math.max(count, s.count);
            }
        }
        boolean skipped = !segs.isEmpty() && !segs.get(0).hasCount && segs.get(0).entry;
        boolean mapped = !skipped && (wrapped != null && wrapped.hasCount || starts > 0);
        if (mapped) {
            out.add(new RawFile.Line(line, Math.max(0, count), at));
        }
    }

    private static void expansion(JsonParser p, List<Branch> branches) throws CoverageImporter.Refused {
        long[] source = null;
        List<long[]> own = new ArrayList<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (key.equals("source_region")) {
                source = numbers(p, t, key, 4);
                lineOf(p, source[0]);
            } else if (key.equals("branches")) {
                expect(p, t, JsonToken.START_ARRAY, key);
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    own.add(numbers(p, t, "branches[]", 6));
                }
            } else {
                p.skipChildren();
            }
        }
        if (source == null) {
            if (!own.isEmpty()) {
                throw new CoverageImporter.Refused(line(p), "an llvm-cov expansion with branches but no source_region"
                        + " (at " + where(p) + ")");
            }
            return;
        }
        for (long[] b : own) {
            branches.add(new Branch((int) source[0], (int) b[1], Math.max(0, b[4]), Math.max(0, b[5]), null));
        }
    }

    /** An MC/DC record: its region, and the array of booleans (each condition independence-covered or not). */
    private static Mcdc mcdc(JsonParser p, JsonToken t) throws CoverageImporter.Refused {
        expect(p, t, JsonToken.START_ARRAY, "mcdc_records[]");
        long[] region = new long[4];
        int index = 0;
        List<Boolean> conditions = null;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_ARRAY) {
                List<Boolean> c = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                        c.add(t == JsonToken.VALUE_TRUE);
                    } else {
                        p.skipChildren();
                    }
                }
                conditions = c;
            } else if (t == JsonToken.START_OBJECT) {
                p.skipChildren();
            } else if (index < 4) {
                region[index] = number(p, t, "mcdc_records[]");
            }
            index++;
        }
        if (region[0] < 1 || region[0] > Integer.MAX_VALUE || conditions == null) {
            return null;
        }
        return new Mcdc(region, conditions);
    }

    /**
     * The branches of the functions with both counts 0, by file name and the nine values of the branch: those that are
     * not constant-folded. LLVM marks a branch region folded when both its counters are the constant zero
     * ({@code FunctionRecord::pushRegion}, {@code CountedRegion::Folded}); {@code llvm-cov export} writes a file's
     * {@code branches} with the folded ones ({@code renderFileBranches}) but a function's, and an expansion's, without
     * them ({@code renderBranchRegions}: {@code if (!Region.Folded)}). A file's branch with both counts 0 that no
     * function lists is therefore a folded one.
     */
    private static final class Folded {
        final Map<Key, Integer> notFolded = new HashMap<>();
        /** Whether the data object has a {@code functions} array (not so with {@code -skip-functions}). */
        boolean functions;

        /** A branch region where a file lists it: the file's name and its line, column, end, file ids and kind. */
        private record Key(String file, long line, long column, long endLine, long endColumn, long fileId,
                long expandedFileId, long kind) {
            Key(String file, long[] b) {
                this(file, b[0], b[1], b[2], b[3], b[6], b[7], b[8]);
            }
        }

        void add(String file, long[] branch) {
            notFolded.merge(new Key(file, branch), 1, Integer::sum);
        }

        /** Whether the file's {@code branch} is a folded one; a branch that is not uses up one function's branch. */
        boolean isFolded(String file, long[] branch) {
            if (!functions || branch.length < 9 || branch[4] != 0 || branch[5] != 0) {
                return false;
            }
            Key k = new Key(file, branch);
            Integer have = notFolded.get(k);
            if (have == null) {
                return true;
            }
            if (have == 1) {
                notFolded.remove(k);
            } else {
                notFolded.put(k, have - 1);
            }
            return false;
        }
    }

    /**
     * {file, FunctionRecord, at}; null for a function without regions. Its branches with both counts 0 (none of them
     * folded) go to {@code folded}.
     */
    private static Object[] function(JsonParser p, Folded folded) throws CoverageImporter.Refused {
        long at = line(p);
        String name = null;
        long count = -1;
        List<String> files = new ArrayList<>();
        long[] first = null;
        List<long[]> unrun = new ArrayList<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case "name" -> name = scalar(p, t, key);
                case "count" -> count = Math.max(0, number(p, t, key));
                case "filenames" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        files.add(scalar(p, t, key));
                    }
                }
                case "regions" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        long[] r = numbers(p, t, "regions[]", 4);
                        if (first == null && r[0] != 0) {
                            first = r;
                        }
                    }
                }
                case "branches" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        long[] b = numbers(p, t, "branches[]", 6);
                        if (b.length >= 9 && b[4] == 0 && b[5] == 0) {
                            unrun.add(b);
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (name == null || count < 0 || files.isEmpty()) {
            throw new CoverageImporter.Refused(at, "an llvm-cov functions[] entry without a name, count or file name"
                    + " (at line " + at + ")");
        }
        for (long[] b : unrun) {
            if (b[6] >= 0 && b[6] < files.size()) {
                folded.add(files.get((int) b[6]), b);
            }
        }
        if (first == null || first[0] < 1 || first[0] > Integer.MAX_VALUE) {
            return null;
        }
        return new Object[] {files.get(0), new FunctionRecord(name, (int) first[0], (int) Math.max(Math.min(first[2],
                Integer.MAX_VALUE), 0), count), at};
    }

    private static int lineOf(JsonParser p, long v) throws CoverageImporter.Refused {
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new CoverageImporter.Refused(line(p), "line " + v + " is not a line number (at " + where(p) + ")");
        }
        return (int) v;
    }

    /** An array of at least {@code min} numbers (booleans as 0/1); nested values are skipped. */
    private static long[] numbers(JsonParser p, JsonToken t, String key, int min) throws CoverageImporter.Refused {
        expect(p, t, JsonToken.START_ARRAY, key);
        long[] v = new long[12];
        int n = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            long x;
            if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                x = t == JsonToken.VALUE_TRUE ? 1 : 0;
            } else if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                p.skipChildren();
                x = 0;
            } else {
                x = number(p, t, key);
            }
            if (n < v.length) {
                v[n] = x;
            }
            n++;
        }
        if (n < min) {
            throw new CoverageImporter.Refused(line(p), key + " with " + n + " values where " + min + " are needed (at "
                    + where(p) + ")");
        }
        return java.util.Arrays.copyOf(v, Math.min(n, v.length));
    }
}
