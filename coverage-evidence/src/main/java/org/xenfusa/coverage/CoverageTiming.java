package org.xenfusa.coverage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark of {@code fusa bench coverage}: synthetic coverage of a synthetic tree of 2,000 files (300 instrumented
 * lines each, two branches on every line, one function per file), written in each format the importer reads, then
 * imported. Figures are medians of warm runs; this is a program, not a timed test.
 */
public final class CoverageTiming {
    public static final int FILES = 2_000;
    public static final int LINES = 300;
    /** The formats {@link #inputs()} writes, in order. */
    public static final List<String> FORMATS = List.of("gcov-json", "gcovr-json", "lcov", "cobertura",
            "llvm-cov-json");
    private static final String BUILD = "/build/xen";

    /** Median seconds of an import, its size and what it gave. */
    public record Figures(String format, long bytes, int files, long lines, long branches, double seconds) {
    }

    private CoverageTiming() {
    }

    static String file(int i) {
        return "xen/" + (i % 2 == 0 ? "common" : "arch/x86") + "/d" + (i % 40) + "/f" + i + ".c";
    }

    /** File {@code i}: {@code int fn_i(int x)}, {@code {}, 300 statements, {@code }}. */
    static String text(int i) {
        StringBuilder s = new StringBuilder(LINES * 16);
        s.append("int fn_").append(i).append("(int x)\n{\n");
        for (int l = 0; l < LINES; l++) {
            s.append("    x = x ? ").append(l).append(" : 1;\n");
        }
        return s.append("}\n").toString();
    }

    /** The synthetic tree. */
    public static SnapshotFiles snapshot() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < FILES; i++) {
            files.put(file(i), text(i).getBytes(StandardCharsets.UTF_8));
        }
        Set<String> paths = new LinkedHashSet<>(files.keySet());
        return new SnapshotFiles() {
            @Override
            public Set<String> paths() {
                return paths;
            }

            @Override
            public byte[] read(String path) throws IOException {
                byte[] b = files.get(path);
                if (b == null) {
                    throw new IOException("no " + path);
                }
                return b;
            }
        };
    }

    /** The path map the inputs need: their build paths are under {@code /build/xen}. */
    public static PathMap pathMap() {
        return PathMap.parse(List.of(BUILD + "=xen"));
    }

    private static long count(int file, int line) {
        return (file + line) % 3;
    }

    /** The same coverage of all {@link #FILES} files in each format (format name to bytes). */
    public static Map<String, byte[]> inputs() {
        return inputs(FILES);
    }

    /** The same coverage of the first {@code files} files in each format. */
    public static Map<String, byte[]> inputs(int files) {
        int n = Math.min(files, FILES);
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("gcov-json", gcovJson(n));
        m.put("gcovr-json", gcovrJson(n));
        m.put("lcov", lcov(n));
        m.put("cobertura", cobertura(n));
        m.put("llvm-cov-json", llvmJson(n));
        return m;
    }

    private static String rel(int i) {
        return file(i).substring("xen/".length());
    }

    static byte[] gcovJson(int files) {
        StringBuilder s = new StringBuilder(files * LINES * 160);
        s.append("{\"format_version\": \"1\", \"gcc_version\": \"12.2.0\", \"current_working_directory\": \"")
                .append(BUILD).append("\", \"data_file\": \"all.gcda\", \"files\": [");
        for (int i = 0; i < files; i++) {
            s.append(i == 0 ? "" : ",").append("{\"file\": \"").append(rel(i)).append("\", \"functions\": [{\"name\": ")
                    .append("\"fn_").append(i).append("\", \"demangled_name\": \"fn_").append(i)
                    .append("\", \"start_line\": 1, \"end_line\": ").append(LINES + 3)
                    .append(", \"execution_count\": ").append(i % 2).append(", \"blocks\": 2, \"blocks_executed\": 1}")
                    .append("], \"lines\": [");
            for (int l = 0; l < LINES; l++) {
                long c = count(i, l);
                s.append(l == 0 ? "" : ",").append("{\"line_number\": ").append(l + 3).append(", \"count\": ")
                        .append(c).append(", \"unexecuted_block\": false, \"function_name\": \"fn_").append(i)
                        .append("\", \"branches\": [{\"count\": ").append(c).append(", \"throw\": false, ")
                        .append("\"fallthrough\": true}, {\"count\": 0, \"throw\": false, \"fallthrough\": false}]}");
            }
            s.append("]}");
        }
        return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gcovrJson(int files) {
        StringBuilder s = new StringBuilder(files * LINES * 160);
        s.append("{\"files\": [");
        for (int i = 0; i < files; i++) {
            s.append(i == 0 ? "" : ",").append("{\"file\": \"").append(file(i)).append("\", \"functions\": [{")
                    .append("\"execution_count\": ").append(i % 2).append(", \"lineno\": 1, \"name\": \"fn_")
                    .append(i).append("\"}], \"lines\": [");
            for (int l = 0; l < LINES; l++) {
                long c = count(i, l);
                s.append(l == 0 ? "" : ",").append("{\"branches\": [{\"count\": ").append(c)
                        .append(", \"fallthrough\": true, \"throw\": false}, {\"count\": 0, \"fallthrough\": false, ")
                        .append("\"throw\": false}], \"count\": ").append(c).append(", \"gcovr/excluded\": false, ")
                        .append("\"gcovr/noncode\": false, \"line_number\": ").append(l + 3).append("}");
            }
            s.append("]}");
        }
        return s.append("], \"gcovr/format_version\": \"0.3\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] lcov(int files) {
        StringBuilder s = new StringBuilder(files * LINES * 40);
        for (int i = 0; i < files; i++) {
            s.append("TN:\nSF:").append(BUILD).append('/').append(rel(i)).append("\nFN:1,fn_").append(i)
                    .append("\nFNDA:").append(i % 2).append(",fn_").append(i).append("\nFNF:1\nFNH:").append(i % 2)
                    .append('\n');
            for (int l = 0; l < LINES; l++) {
                long c = count(i, l);
                s.append("DA:").append(l + 3).append(',').append(c).append('\n');
                s.append("BRDA:").append(l + 3).append(",0,0,").append(c == 0 ? "-" : Long.toString(c)).append('\n');
                s.append("BRDA:").append(l + 3).append(",0,1,").append(c == 0 ? "-" : "0").append('\n');
            }
            s.append("end_of_record\n");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] cobertura(int files) {
        StringBuilder s = new StringBuilder(files * LINES * 120);
        s.append("<?xml version='1.0' encoding='UTF-8'?>\n<coverage version=\"gcovr 8.3\">\n<sources><source>")
                .append(BUILD).append("</source></sources>\n<packages><package name=\"\"><classes>\n");
        for (int i = 0; i < files; i++) {
            s.append("<class name=\"f").append(i).append("\" filename=\"").append(rel(i)).append("\"><methods>")
                    .append("<method name=\"fn_").append(i).append("\" signature=\"\"><lines><line number=\"1\" hits=\"")
                    .append(i % 2).append("\"/></lines></method></methods><lines>\n");
            for (int l = 0; l < LINES; l++) {
                long c = count(i, l);
                s.append("<line number=\"").append(l + 3).append("\" hits=\"").append(c).append("\" branch=\"true\" ")
                        .append("condition-coverage=\"").append(c > 0 ? "50% (1/2)" : "0% (0/2)").append("\"/>\n");
            }
            s.append("</lines></class>\n");
        }
        return s.append("</classes></package></packages>\n</coverage>\n").toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] llvmJson(int files) {
        StringBuilder s = new StringBuilder(files * LINES * 120);
        s.append("{\"version\": \"2.0.1\", \"type\": \"llvm.coverage.json.export\", \"data\": [{\"files\": [");
        for (int i = 0; i < files; i++) {
            s.append(i == 0 ? "" : ",").append("{\"filename\": \"").append(BUILD).append('/').append(rel(i))
                    .append("\", \"branches\": ").append(llvmBranches(i)).append(", \"expansions\": [], \"segments\": [");
            for (int l = 0; l < LINES; l++) {
                long c = count(i, l);
                s.append(l == 0 ? "" : ",").append('[').append(l + 3).append(", 5, ").append(c)
                        .append(", true, true, false]");
            }
            s.append(",[").append(LINES + 3).append(", 2, 0, false, false, false]], \"summary\": {}}");
        }
        s.append("], \"functions\": [");
        for (int i = 0; i < files; i++) {
            s.append(i == 0 ? "" : ",").append("{\"name\": \"fn_").append(i).append("\", \"count\": ").append(i % 2)
                    .append(", \"filenames\": [\"").append(BUILD).append('/').append(rel(i))
                    .append("\"], \"regions\": [[2, 1, ").append(LINES + 3).append(", 2, ").append(i % 2)
                    .append(", 0, 0, 0]], \"branches\": ").append(llvmBranches(i)).append('}');
        }
        return s.append("], \"totals\": {}}]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The branches of file {@code i}, as its file and its function list them (none constant-folded). */
    private static String llvmBranches(int i) {
        StringBuilder s = new StringBuilder("[");
        for (int l = 0; l < LINES; l++) {
            s.append(l == 0 ? "" : ",").append('[').append(l + 3).append(", 9, ").append(l + 3).append(", 10, ")
                    .append(count(i, l)).append(", 0, 0, 0, 4]");
        }
        return s.append(']').toString();
    }

    /** Imports {@code input}, {@code warmups} times unmeasured then {@code runs} times; the median run. */
    public static Figures measure(String format, byte[] input, int warmups, int runs) {
        SnapshotFiles snapshot = snapshot();
        PathMap map = pathMap();
        double[] seconds = new double[Math.max(runs, 1)];
        CoverageImport last = null;
        for (int r = -warmups; r < Math.max(runs, 1); r++) {
            long t0 = System.nanoTime();
            try {
                last = new CoverageImporter(snapshot, map).read(format, new ByteArrayInputStream(input));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long t1 = System.nanoTime();
            if (r >= 0) {
                seconds[r] = (t1 - t0) / 1e9;
            }
        }
        if (last.isRefused()) {
            throw new IllegalStateException("the synthetic " + format + " input was refused: " + last.problems());
        }
        long lines = 0;
        long branches = 0;
        for (FileCoverage f : last.data().files().values()) {
            lines += f.lines().total();
            branches += f.branches().total();
        }
        double[] s = seconds.clone();
        Arrays.sort(s);
        return new Figures(format, input.length, last.data().files().size(), lines, branches, s[s.length / 2]);
    }
}
