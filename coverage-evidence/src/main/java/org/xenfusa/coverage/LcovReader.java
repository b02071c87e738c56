package org.xenfusa.coverage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An lcov tracefile ({@code .info}), line by line: {@code TN}, {@code SF}, {@code VER}, {@code FN:line,name} (lcov 2:
 * {@code FN:line,end,name}), {@code FNDA:count,name}, lcov 2's {@code FNL:index,line[,end]} and
 * {@code FNA:index,count,name}, {@code DA:line,count[,checksum]}, {@code BRDA:line,block,branch,taken} ({@code -}: not
 * taken, 0), lcov 2's {@code MCDC:line,group,sense,taken,index,expression}, the totals {@code FNF}, {@code FNH},
 * {@code BRF}, {@code BRH}, {@code LF}, {@code LH} (not needed: the figures are counted from the records, as
 * {@code lcov --summary} does) and {@code end_of_record}. A record that is not well formed refuses the file with its
 * line; so does a last file without {@code end_of_record} (a truncated file). Records lcov does not know are skipped, as
 * lcov does.
 */
final class LcovReader {
    private LcovReader() {
    }

    private static final class Current {
        final RawFile file;
        /** (block, branch) of each line to its index in the line's branches (shared by the records of one path). */
        final Map<Integer, Map<String, Integer>> branchIndex;
        final Map<Integer, RawFile.Line> branchLines = new LinkedHashMap<>();
        final Map<String, int[]> fnLines = new LinkedHashMap<>();
        final Map<String, Long> fnCalls = new HashMap<>();
        final Map<String, String> aliasIndex = new HashMap<>();
        final Map<String, int[]> indexLines = new HashMap<>();

        Current(RawFile file, Map<Integer, Map<String, Integer>> branchIndex) {
            this.file = file;
            this.branchIndex = branchIndex;
        }
    }

    static CoverageImporter.Parsed read(InputStream in) throws CoverageImporter.Refused, IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        List<RawFile> files = new ArrayList<>();
        Map<String, Map<Integer, Map<String, Integer>>> branchIndices = new HashMap<>();
        Current cur = null;
        long n = 0;
        boolean any = false;
        String s;
        {
            while ((s = r.readLine()) != null) {
                n++;
                String line = (n == 1 && s.startsWith("\uFEFF") ? s.substring(1) : s).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String tag = colon < 0 ? line : line.substring(0, colon);
                String v = colon < 0 ? "" : line.substring(colon + 1);
                if (!isTag(tag)) {
                    throw notLcov(n, any, line);
                }
                if (tag.equals("end_of_record")) {
                    if (cur == null) {
                        throw new CoverageImporter.Refused(n, "end_of_record without SF");
                    }
                    files.add(finish(cur));
                    cur = null;
                    continue;
                }
                if (colon < 0) {
                    throw notLcov(n, any, line);
                }
                any = true;
                switch (tag) {
                    case "TN", "VER" -> {
                    }
                    case "SF" -> {
                        if (cur != null) {
                            throw new CoverageImporter.Refused(n, "SF:" + v + " before the end_of_record of "
                                    + cur.file.path());
                        }
                        if (v.isBlank()) {
                            throw new CoverageImporter.Refused(n, "SF without a file name");
                        }
                        cur = new Current(new RawFile(v, n, RawFile.Rules.AS_GIVEN), branchIndices.computeIfAbsent(
                                v, k -> new HashMap<>()));
                    }
                    default -> {
                        if (cur == null) {
                            if (RECORDS.contains(tag)) {
                                throw new CoverageImporter.Refused(n, tag + " record outside a file (no SF before it)");
                            }
                            throw notLcov(n, any, line);
                        }
                        record(cur, tag, v, n);
                    }
                }
            }
        }
        if (cur != null) {
            throw new CoverageImporter.Refused(n, "truncated lcov tracefile: the record of " + cur.file.path()
                    + " has no end_of_record");
        }
        if (!any) {
            throw new CoverageImporter.Refused(0, "not coverage data: no lcov records in the file");
        }
        return new CoverageImporter.Parsed("lcov", "lcov", "", files);
    }

    private static final java.util.Set<String> RECORDS = java.util.Set.of("FN", "FNDA", "FNL", "FNA", "DA", "BRDA",
            "MCDC", "FNF", "FNH", "BRF", "BRH", "LF", "LH");

    private static boolean isTag(String tag) {
        if (tag.isEmpty()) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static CoverageImporter.Refused notLcov(long n, boolean any, String line) {
        if (n == 1 && (line.startsWith("adcg") || line.startsWith("oncg") || line.startsWith("gcda")
                || line.startsWith("gcno"))) {
            return new CoverageImporter.Refused(0, "not coverage data but gcc's binary counters (.gcda/.gcno): run"
                    + " gcov --json-format (or gcovr --json) on them and give its output");
        }
        if (n == 1 && (line.contains("rforpl") || line.contains("lprofi"))) {
            return new CoverageImporter.Refused(0, "not coverage data but llvm's raw profile: run llvm-profdata merge"
                    + " and llvm-cov export on it and give its output");
        }
        String shown = line.length() > 60 ? line.substring(0, 60) + "..." : line;
        return new CoverageImporter.Refused(n, any ? "not an lcov record: '" + shown + "'"
                : "not coverage data: neither JSON, XML nor an lcov tracefile (first line: '" + shown + "')");
    }

    private static void record(Current cur, String tag, String v, long n) throws CoverageImporter.Refused {
        if (tag.equals("DA")) {
            // the most frequent record: parsed without splitting
            int c1 = v.indexOf(',');
            if (c1 < 0) {
                throw new CoverageImporter.Refused(n, "DA:" + v + " has 1 fields where 2 are needed");
            }
            int c2 = v.indexOf(',', c1 + 1);
            RawFile.Line l = cur.file.line(lineNo(v.substring(0, c1), tag, n), count(c2 < 0 ? v.substring(c1 + 1)
                    : v.substring(c1 + 1, c2), tag, n), n);
            if (c2 >= 0 && !v.substring(c2 + 1).isBlank()) {
                l.checksum = v.substring(c2 + 1).strip();
            }
            return;
        }
        String[] f = v.split(",", -1);
        switch (tag) {
            case "BRDA" -> {
                need(f, 4, tag, v, n);
                int line = lineNo(f[0], tag, n);
                String key = f[1] + "," + f[2];
                String taken = f[f.length - 1];
                long c = taken.equals("-") ? 0 : count(taken, tag, n);
                Map<String, Integer> idx = cur.branchIndex.computeIfAbsent(line, k -> new LinkedHashMap<>());
                int i = idx.computeIfAbsent(key, k -> idx.size());
                RawFile.Line l = cur.branchLines.computeIfAbsent(line, k -> new RawFile.Line(k, 0, n));
                if (l.branches == null || l.branches.length <= i) {
                    l.branches = java.util.Arrays.copyOf(l.branches == null ? new long[0] : l.branches, i + 1);
                }
                l.branches[i] += c;
            }
            case "FN" -> {
                need(f, 2, tag, v, n);
                int line = lineNo(f[0], tag, n);
                int end = 0;
                String name;
                if (f.length >= 3 && f[1].strip().matches("\\d+")) {
                    end = Integer.parseInt(f[1].strip());
                    name = v.substring(v.indexOf(',', v.indexOf(',') + 1) + 1);
                } else {
                    name = v.substring(v.indexOf(',') + 1);
                }
                cur.fnLines.putIfAbsent(name, new int[] {line, end});
            }
            case "FNDA" -> {
                need(f, 2, tag, v, n);
                String name = v.substring(v.indexOf(',') + 1);
                cur.fnCalls.merge(name, count(f[0], tag, n), Long::sum);
            }
            case "FNL" -> {
                need(f, 2, tag, v, n);
                cur.indexLines.put(f[0].strip(), new int[] {lineNo(f[1], tag, n), f.length > 2 && f[2].strip()
                        .matches("\\d+") ? Integer.parseInt(f[2].strip()) : 0});
            }
            case "FNA" -> {
                need(f, 3, tag, v, n);
                String name = v.substring(v.indexOf(',', v.indexOf(',') + 1) + 1);
                int[] at = cur.indexLines.get(f[0].strip());
                if (at == null) {
                    throw new CoverageImporter.Refused(n, "FNA of function index " + f[0].strip() + " without FNL");
                }
                cur.fnLines.putIfAbsent(name, at);
                cur.fnCalls.merge(name, count(f[1], tag, n), Long::sum);
            }
            case "MCDC" -> {
                need(f, 5, tag, v, n);
                int line = lineNo(f[0], tag, n);
                String sense = f[2].strip();
                long taken = f[3].strip().equals("-") ? 0 : count(f[3], tag, n);
                long index = count(f[4], tag, n);
                if (index > 100_000) {
                    throw new CoverageImporter.Refused(n, "MCDC condition index " + index + " is not plausible");
                }
                int outcome = (int) (2 * index + (sense.equals("t") ? 0 : 1));
                java.util.BitSet b = new java.util.BitSet();
                if (taken > 0) {
                    b.set(outcome);
                }
                RawFile.Line l = cur.branchLines.computeIfAbsent(line, k -> new RawFile.Line(k, 0, n));
                ConditionOutcomes c = new ConditionOutcomes(outcome + 1, b);
                l.conditions = l.conditions == null ? c : l.conditions.merge(c);
            }
            default -> {
                // FNF, FNH, BRF, BRH, LF, LH: totals, recounted from the records; unknown records: skipped as lcov does
            }
        }
    }

    private static RawFile finish(Current cur) {
        cur.file.lines.addAll(cur.branchLines.values());
        // lcov counts every name of an FN or an FNDA record (get_func_found_and_hit); an FNDA without FN has no line
        for (String name : cur.fnCalls.keySet()) {
            cur.fnLines.putIfAbsent(name, new int[] {1, 0});
        }
        for (Map.Entry<String, int[]> e : cur.fnLines.entrySet()) {
            int[] at = e.getValue();
            cur.file.functions.add(new FunctionRecord(e.getKey(), Math.max(1, at[0]), Math.max(0, at[1]),
                    cur.fnCalls.getOrDefault(e.getKey(), 0L)));
        }
        return cur.file;
    }

    private static void need(String[] f, int n, String tag, String v, long line) throws CoverageImporter.Refused {
        if (f.length < n) {
            throw new CoverageImporter.Refused(line, tag + ":" + v + " has " + f.length + " fields where " + n
                    + " are needed");
        }
    }

    private static int lineNo(String s, String tag, long n) throws CoverageImporter.Refused {
        try {
            int v;
            try {
                v = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                v = Integer.parseInt(s.strip());
            }
            if (v < 1) {
                throw new CoverageImporter.Refused(n, tag + ": line number " + v + " is below 1");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CoverageImporter.Refused(n, tag + ": '" + s + "' is not a line number");
        }
    }

    private static long count(String s, String tag, long n) throws CoverageImporter.Refused {
        try {
            String t = s;
            long v;
            try {
                v = Long.parseLong(t);
            } catch (NumberFormatException e) {
                t = s.strip();
                v = t.matches("[0-9.eE+-]+") ? (long) Double.parseDouble(t) : Long.parseLong(t);
            }
            // gcov can report negative counts for racy counters; lcov shows them as 0
            return Math.max(0, v);
        } catch (NumberFormatException e) {
            throw new CoverageImporter.Refused(n, tag + ": '" + s + "' is not a count");
        }
    }
}
