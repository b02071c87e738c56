package org.xenfusa.coverage;

import java.util.ArrayList;
import java.util.BitSet;
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
 * ({@code collectNestedBranches}), is two branches: taken true ({@code count}) and false ({@code false count});</li>
 * <li>functions: a function belongs to its first file name, at the first line of its first region, called
 * {@code count} times; the name as llvm-cov gives it ({@code file.c:name} for static functions);</li>
 * <li>MC/DC ({@code mcdc_records}, LLVM 18 and later): each condition of a record gives two outcomes, both covered
 * when llvm-cov shows the condition independence-covered.</li>
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
            Map<String, RawFile> files = new LinkedHashMap<>();
            List<Object[]> functions = new ArrayList<>();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                t = p.nextToken();
                if (key.equals("files")) {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        expect(p, t, JsonToken.START_OBJECT, "files[]");
                        RawFile f = file(p);
                        files.merge(f.path(), f, (a, b) -> {
                            a.lines.addAll(b.lines);
                            return a;
                        });
                    }
                } else if (key.equals("functions")) {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        expect(p, t, JsonToken.START_OBJECT, "functions[]");
                        Object[] f = function(p);
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
                RawFile file = files.get((String) f[0]);
                if (file != null) {
                    file.functions.add((FunctionRecord) f[1]);
                }
            }
            all.addAll(files.values());
        }
        return all;
    }

    private record Segment(int line, long count, boolean hasCount, boolean entry, boolean gap) {
    }

    private record Branch(int line, int column, long trueCount, long falseCount) {
    }

    private static RawFile file(JsonParser p) throws CoverageImporter.Refused {
        long at = line(p);
        String name = null;
        List<RawFile.Line> lines = new ArrayList<>();
        List<Branch> branches = new ArrayList<>();
        Map<Integer, ConditionOutcomes> mcdc = new LinkedHashMap<>();
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
                        branches.add(new Branch(lineOf(p, b[0]), (int) b[1], Math.max(0, b[4]), Math.max(0, b[5])));
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
                        mcdc(p, t, mcdc);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (name == null || name.isBlank()) {
            throw new CoverageImporter.Refused(at, "an llvm-cov files[] entry without \"filename\" (at line " + at
                    + ")");
        }
        RawFile f = new RawFile(name, at, RawFile.Rules.AS_GIVEN);
        f.lines.addAll(lines);
        branches.sort((a, b) -> a.line != b.line ? Integer.compare(a.line, b.line)
                : Integer.compare(a.column, b.column));
        int i = 0;
        while (i < branches.size()) {
            int line = branches.get(i).line;
            List<Long> counts = new ArrayList<>();
            while (i < branches.size() && branches.get(i).line == line) {
                counts.add(branches.get(i).trueCount);
                counts.add(branches.get(i).falseCount);
                i++;
            }
            RawFile.Line l = new RawFile.Line(line, 0, at);
            l.branches = counts.stream().mapToLong(Long::longValue).toArray();
            f.lines.add(l);
        }
        for (Map.Entry<Integer, ConditionOutcomes> e : mcdc.entrySet()) {
            RawFile.Line l = new RawFile.Line(e.getKey(), 0, at);
            l.conditions = e.getValue();
            f.lines.add(l);
        }
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
        int sourceLine = 0;
        List<long[]> own = new ArrayList<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (key.equals("source_region")) {
                sourceLine = lineOf(p, numbers(p, t, key, 4)[0]);
            } else if (key.equals("branches")) {
                expect(p, t, JsonToken.START_ARRAY, key);
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    own.add(numbers(p, t, "branches[]", 6));
                }
            } else {
                p.skipChildren();
            }
        }
        if (sourceLine == 0 && !own.isEmpty()) {
            throw new CoverageImporter.Refused(line(p), "an llvm-cov expansion with branches but no source_region (at "
                    + where(p) + ")");
        }
        for (long[] b : own) {
            branches.add(new Branch(sourceLine, (int) b[1], Math.max(0, b[4]), Math.max(0, b[5])));
        }
    }

    /** An MC/DC record: its first line, and the array of booleans (each condition independence-covered or not). */
    private static void mcdc(JsonParser p, JsonToken t, Map<Integer, ConditionOutcomes> out)
            throws CoverageImporter.Refused {
        expect(p, t, JsonToken.START_ARRAY, "mcdc_records[]");
        int line = 0;
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
            } else if (index == 0) {
                line = (int) number(p, t, "mcdc_records[]");
            }
            index++;
        }
        if (line < 1 || conditions == null) {
            return;
        }
        BitSet b = new BitSet();
        for (int i = 0; i < conditions.size(); i++) {
            if (conditions.get(i)) {
                b.set(2 * i, 2 * i + 2);
            }
        }
        ConditionOutcomes c = new ConditionOutcomes(2 * conditions.size(), b);
        out.merge(line, c, GcovFilesReader::concat);
    }

    /** {file, FunctionRecord, at}; null for a function without regions. */
    private static Object[] function(JsonParser p) throws CoverageImporter.Refused {
        long at = line(p);
        String name = null;
        long count = -1;
        String file = null;
        int start = 0;
        int end = 0;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case "name" -> name = scalar(p, t, key);
                case "count" -> count = Math.max(0, number(p, t, key));
                case "filenames" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        String f = scalar(p, t, key);
                        if (file == null) {
                            file = f;
                        }
                    }
                }
                case "regions" -> {
                    expect(p, t, JsonToken.START_ARRAY, key);
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        long[] r = numbers(p, t, "regions[]", 4);
                        if (start == 0) {
                            start = (int) r[0];
                            end = (int) r[2];
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (name == null || count < 0 || file == null) {
            throw new CoverageImporter.Refused(at, "an llvm-cov functions[] entry without a name, count or file name"
                    + " (at line " + at + ")");
        }
        if (start < 1) {
            return null;
        }
        return new Object[] {file, new FunctionRecord(name, start, Math.max(end, 0), count), at};
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
