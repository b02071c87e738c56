package org.xenfusa.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outputs the real tools wrote for two tiny C programs of ours (see {@code recorded/README.md}): the figures of each
 * import equal gcovr's own summary ({@code --json-summary}) for gcov JSON, gcovr JSON and gcovr's Cobertura, and lcov's
 * own summary for lcov tracefiles (from geninfo and from {@code llvm-cov export -format=lcov}), and llvm-cov's JSON
 * gives the figures of the lcov llvm-cov writes from the same data.
 */
class RecordedToolOutputTest {
    private static final String BASE = "/org/xenfusa/coverage/recorded/";

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = RecordedToolOutputTest.class.getResourceAsStream(BASE + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    private static MemorySnapshot snapshot(String dir, String... files) throws IOException {
        MemorySnapshot s = new MemorySnapshot();
        for (String f : files) {
            s.with(f, resource(dir + "/" + f));
        }
        return s;
    }

    private record Fig(long lines, long linesCovered, long branches, long branchesCovered, long functions,
            long functionsCovered) {
    }

    private static Fig figures(CoverageImport ci) {
        assertThat(ci.isRefused()).as(ci.problems().toString()).isFalse();
        Counter l = Counter.ZERO;
        Counter b = Counter.ZERO;
        Counter f = Counter.ZERO;
        for (FileCoverage fc : ci.data().files().values()) {
            l = l.plus(fc.lines());
            b = b.plus(fc.branches());
            f = f.plus(fc.functionCounter());
        }
        return new Fig(l.total(), l.covered(), b.total(), b.covered(), f.total(), f.covered());
    }

    private static Map<String, Fig> perFile(CoverageImport ci) {
        Map<String, Fig> m = new TreeMap<>();
        ci.data().files().forEach((p, fc) -> m.put(p, new Fig(fc.lines().total(), fc.lines().covered(), fc.branches()
                .total(), fc.branches().covered(), fc.functionCounter().total(), fc.functionCounter().covered())));
        return m;
    }

    /** gcovr's summary per file (by its path, under {@code prefix}) and in total. */
    private static Map<String, Fig> gcovrSummary(String dir, String prefix) throws IOException {
        JsonNode s = JsonMapper.builder().build().readTree(resource(dir + "/gcovr-summary.json"));
        Map<String, Fig> m = new TreeMap<>();
        for (JsonNode f : s.get("files")) {
            m.put(prefix + f.get("filename").asString(), fig(f));
        }
        m.put("TOTAL", fig(s));
        return m;
    }

    private static Fig fig(JsonNode n) {
        return new Fig(n.get("line_total").asLong(), n.get("line_covered").asLong(), n.get("branch_total").asLong(),
                n.get("branch_covered").asLong(), n.get("function_total").asLong(), n.get("function_covered")
                        .asLong());
    }

    /** lcov --summary's lines: {@code lines......: 68.8% (22 of 32 lines)}. */
    private static Fig lcovSummary(String path) throws IOException {
        String s = new String(resource(path), StandardCharsets.UTF_8);
        long[] v = new long[6];
        String[] kinds = {"lines", "branches", "functions"};
        for (int i = 0; i < 3; i++) {
            Matcher m = Pattern.compile(kinds[i] + "\\.*: [\\d.]+% \\((\\d+) of (\\d+) ").matcher(s);
            assertThat(m.find()).as(kinds[i] + " in " + path).isTrue();
            v[2 * i] = Long.parseLong(m.group(2));
            v[2 * i + 1] = Long.parseLong(m.group(1));
        }
        return new Fig(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    private static Fig total(Map<String, Fig> m) {
        return m.get("TOTAL");
    }

    private static Map<String, Fig> withoutFunctions(Map<String, Fig> m) {
        Map<String, Fig> out = new TreeMap<>();
        m.forEach((k, f) -> out.put(k, new Fig(f.lines, f.linesCovered, f.branches, f.branchesCovered, 0, 0)));
        return out;
    }

    @Test
    void c1EveryFormatEqualsItsToolsSummary() throws IOException {
        MemorySnapshot snap = snapshot("c1", "prog.c", "helper.h");
        CoverageImporter imp = new CoverageImporter(snap, PathMap.parse(List.of("/work/scratch/covimport/c1=")));
        Map<String, Fig> gcovr = gcovrSummary("c1", "");
        Fig gcovrTotal = total(gcovr);
        gcovr.remove("TOTAL");

        CoverageImport gcov = imp.read("prog.gcov.json", resource("c1/prog.gcov.json"));
        assertThat(gcov.source().orElseThrow().format()).isEqualTo("gcov-json");
        assertThat(gcov.source().orElseThrow().toolVersion()).isEqualTo("12.2.0");
        assertThat(perFile(gcov)).isEqualTo(gcovr);
        assertThat(figures(gcov)).isEqualTo(gcovrTotal).isEqualTo(new Fig(31, 22, 17, 10, 5, 4));

        CoverageImport json = imp.read("gcovr.json", resource("c1/gcovr.json"));
        assertThat(json.source().orElseThrow().format()).isEqualTo("gcovr-json");
        assertThat(perFile(json)).isEqualTo(gcovr);

        // gcovr 5.2 writes no <method>: lines and branches as gcovr's summary, no functions
        CoverageImport cob = imp.read("cobertura.xml", resource("c1/cobertura.xml"));
        assertThat(cob.source().orElseThrow().tool()).isEqualTo("gcovr");
        assertThat(cob.source().orElseThrow().toolVersion()).isEqualTo("5.2");
        assertThat(perFile(cob)).isEqualTo(withoutFunctions(gcovr));

        assertThat(figures(imp.read("lcov.info", resource("c1/lcov.info")))).isEqualTo(lcovSummary(
                "c1/lcov-summary.txt"));
        Fig llvmLcov = lcovSummary("c1/llvm-lcov-summary.txt");
        assertThat(figures(imp.read("llvm.info", resource("c1/llvm.info")))).isEqualTo(llvmLcov);
        CoverageImport llvm = imp.read("llvm.json", resource("c1/llvm.json"));
        assertThat(llvm.source().orElseThrow().toolVersion()).isEqualTo("2.0.1");
        assertThat(figures(llvm)).isEqualTo(llvmLcov).isEqualTo(new Fig(43, 29, 22, 13, 5, 4));
        assertThat(perFile(llvm)).isEqualTo(perFile(imp.read("llvm.info", resource("c1/llvm.info"))));
    }

    @Test
    void c2TwoObjectsMergeAsGcovrMergesThem() throws IOException {
        MemorySnapshot snap = snapshot("c2", "src/a.c", "src/b.c", "src/common.h");
        CoverageImporter imp = new CoverageImporter(snap, PathMap.parse(List.of("/work/scratch/covimport/c2=")));
        Map<String, Fig> gcovr = gcovrSummary("c2", "");
        Fig gcovrTotal = total(gcovr);
        gcovr.remove("TOTAL");

        // one gcov JSON per object; the header both include is merged as gcovr merges it
        CoverageImport a = imp.read("a.gcov.json", resource("c2/build/a.gcov.json"));
        CoverageImport b = imp.read("b.gcov.json", resource("c2/build/b.gcov.json"));
        assertThat(a.problems()).isEmpty();
        assertThat(b.problems()).isEmpty();
        CoverageData merged = CoverageData.merge(List.of(a.data(), b.data()));
        CoverageImport both = new CoverageImport(a.source(), merged, List.of(), List.of(), List.of());
        assertThat(perFile(both)).isEqualTo(gcovr);
        assertThat(figures(both)).isEqualTo(gcovrTotal);

        assertThat(perFile(imp.read("gcovr.json", resource("c2/gcovr.json")))).isEqualTo(gcovr);
        assertThat(perFile(imp.read("cobertura.xml", resource("c2/cobertura.xml")))).isEqualTo(withoutFunctions(
                gcovr));
        // lcov with --checksum: every DA checksum is that of the snapshot's line; lcov ignores GCOVR_EXCL_BR_LINE
        CoverageImport lcov = imp.read("lcov-ck.info", resource("c2/lcov-ck.info"));
        assertThat(figures(lcov)).isEqualTo(lcovSummary("c2/lcov-summary.txt"));
        // llvm-cov: branches of a macro expansion (CLAMP) on the line of the expansion
        assertThat(figures(imp.read("llvm.json", resource("c2/llvm.json")))).isEqualTo(lcovSummary(
                "c2/llvm-lcov-summary.txt"));
    }
}
