package org.xenfusa.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each format on synthetic data written here, and gcovr's rules for gcov's data. */
// [utest->dsn~coverage-import~1]
class CoverageImporterTest {
    static final String FOO = String.join("\n",
            "/* header comment */", // 1
            "#include \"x.h\"", // 2
            "", // 3
            "int f(int a)", // 4
            "{", // 5
            "    if (a > 0 && a < 10)", // 6
            "        return 1;", // 7
            "    return 0; /* GCOVR_EXCL_LINE */", // 8
            "}", // 9
            "", // 10
            "int g(int b)", // 11
            "{", // 12
            "    /* LCOV_EXCL_START */", // 13
            "    if (b)", // 14
            "        b++;", // 15
            "    /* LCOV_EXCL_STOP */", // 16
            "    while (b--) // GCOVR_EXCL_BR_LINE", // 17
            "        b -= 2;", // 18
            "    return b;", // 19
            "}", // 20
            "") ;

    static MemorySnapshot snapshot() {
        return new MemorySnapshot().with("xen/common/foo.c", FOO).with("xen/common/bar.c", MemorySnapshot.code(50));
    }

    static CoverageImporter importer() {
        return new CoverageImporter(snapshot(), PathMap.parse(List.of("/build/xen=xen")));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static FileCoverage foo(CoverageImport ci) {
        assertThat(ci.problems()).isEmpty();
        return ci.data().file("xen/common/foo.c").orElseThrow();
    }

    static final String GCOV_JSON = """
            {"format_version": "2", "gcc_version": "14.2.0", "current_working_directory": "/build/xen",
             "data_file": "common/foo.gcda",
             "files": [{"file": "common/foo.c",
               "functions": [{"name": "f", "demangled_name": "f", "start_line": 4, "end_line": 9,
                              "execution_count": 3, "blocks": 5, "blocks_executed": 4},
                             {"name": "g", "demangled_name": "g", "start_line": 11, "end_line": 20,
                              "execution_count": 0, "blocks": 5, "blocks_executed": 0}],
               "lines": [
                 {"line_number": 4, "count": 3, "unexecuted_block": false, "branches": []},
                 {"line_number": 6, "count": 3, "unexecuted_block": false,
                  "branches": [{"count": 2, "throw": false, "fallthrough": true},
                               {"count": 1, "throw": false, "fallthrough": false},
                               {"count": 1, "throw": false, "fallthrough": true},
                               {"count": 0, "throw": false, "fallthrough": false}],
                  "conditions": [{"count": 4, "covered": 3, "not_covered_true": [1], "not_covered_false": []}]},
                 {"line_number": 7, "count": 2, "branches": []},
                 {"line_number": 8, "count": 1, "branches": []},
                 {"line_number": 9, "count": 0, "branches": []},
                 {"line_number": 11, "count": 0, "branches": []},
                 {"line_number": 14, "count": 0, "branches": [{"count": 0}, {"count": 0}]},
                 {"line_number": 15, "count": 0, "branches": []},
                 {"line_number": 17, "count": 0, "branches": [{"count": 0}, {"count": 0}]},
                 {"line_number": 18, "count": 0, "branches": []},
                 {"line_number": 19, "count": 0, "branches": []},
                 {"line_number": 20, "count": 0, "branches": []}]}]}
            """;

    @Test
    void gcovJsonCountsAsGcovrDoes() {
        CoverageImport ci = importer().read("foo.gcov.json", utf8(GCOV_JSON));
        DataSource s = ci.source().orElseThrow();
        assertThat(s.format()).isEqualTo("gcov-json");
        assertThat(s.tool()).isEqualTo("gcc");
        assertThat(s.toolVersion()).isEqualTo("14.2.0");
        assertThat(s.files()).isEqualTo(1);
        FileCoverage f = foo(ci);
        // 8 (GCOVR_EXCL_LINE), 14-15 (LCOV_EXCL region) excluded; 9 and 20 ("}" never run) are not code
        assertThat(f.lines()).isEqualTo(new Counter(7, 3));
        assertThat(f.indexOf(8)).isNegative();
        assertThat(f.indexOf(9)).isNegative();
        assertThat(f.indexOf(14)).isNegative();
        assertThat(f.indexOf(17)).isNotNegative();
        // line 6's four branches; 14's are excluded with the line, 17's by GCOVR_EXCL_BR_LINE
        assertThat(f.branches()).isEqualTo(new Counter(4, 3));
        // GCC 14 conditions: term 1 never true -> outcome 2 uncovered
        assertThat(f.conditions()).isEqualTo(new Counter(4, 3));
        assertThat(f.conditions(f.indexOf(6)).isCovered(2)).isFalse();
        assertThat(f.conditions(f.indexOf(6)).isCovered(3)).isTrue();
        assertThat(f.functionCounter()).isEqualTo(new Counter(2, 1));
    }

    @Test
    void gcovStdoutDocumentsOneAfterTheOtherAreOneImport() {
        String one = GCOV_JSON.replace("\n", " ");
        String other = one.replace("\"common/foo.c\"", "\"common/copy.c\"");
        CoverageImporter imp = new CoverageImporter(snapshot().with("xen/common/copy.c", FOO), PathMap.parse(List.of(
                "/build/xen=xen")));
        CoverageImport ci = imp.read("stdout.json", utf8(one + "\n" + other + "\n"));
        assertThat(ci.problems()).isEmpty();
        assertThat(ci.data().files().keySet()).containsExactly("xen/common/copy.c", "xen/common/foo.c");
        assertThat(ci.data().file("xen/common/copy.c").orElseThrow().lines()).isEqualTo(new Counter(7, 3));
    }

    @Test
    void aClosingBraceThatRanIsCode() {
        String json = GCOV_JSON.replace("{\"line_number\": 9, \"count\": 0,", "{\"line_number\": 9, \"count\": 3,");
        FileCoverage f = foo(importer().read("foo.gcov.json", utf8(json)));
        assertThat(f.lines()).isEqualTo(new Counter(8, 4));
    }

    @Test
    void gzipIsToldByItsMagicBytesAndTheHashIsOfTheBytesGiven() throws Exception {
        byte[] gz = gzip(utf8(GCOV_JSON));
        CoverageImport ci = importer().read("foo.gcov.json.gz", gz);
        assertThat(foo(ci).lines()).isEqualTo(new Counter(7, 3));
        DataSource s = ci.source().orElseThrow();
        assertThat(s.bytes()).isEqualTo(gz.length);
        assertThat(s.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(gz)));

        CoverageImport cut = importer().read("cut.gz", java.util.Arrays.copyOf(gz, gz.length / 2));
        assertThat(cut.isRefused()).isTrue();
        assertThat(cut.data().isEmpty()).isTrue();
        assertThat(cut.problems().get(0).message()).containsAnyOf("truncated", "corrupt");
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void gcovrJsonOfVersion5UsesItsNoncodeFlags() {
        String json = """
                {"files": [{"file": "xen/common/foo.c",
                  "functions": [{"execution_count": 3, "lineno": 4, "name": "f"}],
                  "lines": [
                   {"branches": [], "count": 3, "gcovr/excluded": false, "gcovr/noncode": false, "line_number": 4},
                   {"branches": [], "count": 0, "gcovr/excluded": false, "gcovr/noncode": true, "line_number": 5},
                   {"branches": [{"count": 2, "fallthrough": true, "throw": false},
                                 {"count": 0, "fallthrough": false, "throw": false}],
                    "count": 3, "gcovr/excluded": false, "gcovr/noncode": false, "line_number": 6},
                   {"branches": [], "count": 0, "gcovr/excluded": true, "gcovr/noncode": true, "line_number": 8},
                   {"branches": [], "count": 0, "gcovr/excluded": false, "gcovr/noncode": false, "line_number": 11}]}],
                 "gcovr/format_version": "0.3"}
                """;
        CoverageImport ci = importer().read("coverage.json", utf8(json));
        assertThat(ci.source().orElseThrow().format()).isEqualTo("gcovr-json");
        assertThat(ci.source().orElseThrow().toolVersion()).isEqualTo("JSON format 0.3");
        FileCoverage f = foo(ci);
        assertThat(f.lines()).isEqualTo(new Counter(3, 2));
        assertThat(f.branches()).isEqualTo(new Counter(2, 1));
        assertThat(f.functionCounter()).isEqualTo(new Counter(1, 1));
    }

    static String md5Hex(String line) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(utf8(line)));
    }

    static String gcovr8(String md5Of6) {
        return """
                {"gcovr/format_version": "0.11", "files": [{"file": "/build/xen/common/foo.c",
                  "lines": [
                   {"line_number": 4, "function_name": "f", "count": 3, "branches": [], "gcovr/md5": "%s"},
                   {"line_number": 6, "function_name": "f", "count": 3, "gcovr/md5": "%s",
                    "branches": [{"count": 2, "fallthrough": true, "throw": false, "source_block_id": 2},
                                 {"count": 0, "fallthrough": false, "throw": false, "gcovr/excluded": true}],
                    "conditions": [{"count": 2, "covered": 1, "not_covered_true": [], "not_covered_false": [0]}]},
                   {"line_number": 8, "function_name": "f", "count": 1, "branches": [], "gcovr/excluded": true}],
                  "functions": [{"name": "f", "demangled_name": "f", "lineno": 4, "execution_count": 3,
                                 "pos": ["4:5", "9:1"]},
                                {"name": "g", "demangled_name": "g", "lineno": 11, "execution_count": 0,
                                 "gcovr/excluded": true}]}]}
                """.formatted(md5Of6.equals("") ? "" : "%s", md5Of6).formatted(md5OfLine4());
    }

    static String md5OfLine4() {
        try {
            return md5Hex("int f(int a)");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void gcovrJsonOfVersion8UsesItsExcludedFlagsAndLineChecksums() throws Exception {
        CoverageImport ci = importer().read("coverage.json", utf8(gcovr8(md5Hex("    if (a > 0 && a < 10)"))));
        FileCoverage f = foo(ci);
        assertThat(f.lines()).isEqualTo(new Counter(2, 2));
        assertThat(f.branches()).isEqualTo(new Counter(1, 1));
        assertThat(f.conditions()).isEqualTo(new Counter(2, 1));
        assertThat(f.functionCounter()).isEqualTo(new Counter(1, 1));

        CoverageImport other = importer().read("coverage.json", utf8(gcovr8(md5Hex("    if (a > 0)"))));
        assertThat(other.isRefused()).isTrue();
        assertThat(other.problems().get(0).message()).contains("xen/common/foo.c:6").contains("line checksum");
    }

    @Test
    void gcovrSummaryIsRefusedAsASummary() {
        String summary = """
                {"branch_covered": 1, "branch_total": 2, "files": [{"filename": "xen/common/foo.c",
                  "line_covered": 1, "line_total": 2}], "gcovr/summary_format_version": "0.5", "root": "."}
                """;
        CoverageImport ci = importer().read("summary.json", utf8(summary));
        assertThat(ci.isRefused()).isTrue();
        assertThat(ci.problems().get(0).message()).contains("summary").contains("--json-summary").contains("--json");
    }

    static String lcovLine(int n) {
        return FOO.split("\n")[n - 1];
    }

    static String md5Base64(String line) throws Exception {
        return Base64.getEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("MD5").digest(utf8(
                line)));
    }

    @Test
    void lcovCountsAsLcovSummaryDoes() throws Exception {
        String info = """
                TN:unit
                SF:/build/xen/common/foo.c
                FN:4,f
                FN:11,g
                FNDA:3,f
                FNDA:0,g
                FNF:2
                FNH:1
                DA:4,3,%s
                DA:6,3
                BRDA:6,0,0,2
                BRDA:6,0,1,1
                BRDA:6,0,2,-
                BRDA:6,0,3,0
                DA:7,2
                DA:11,0
                LF:4
                LH:3
                end_of_record
                TN:other
                SF:/build/xen/common/foo.c
                FNDA:2,g
                DA:11,4
                BRDA:6,0,2,5
                MCDC:6,2,t,1,0,a > 0
                MCDC:6,2,f,0,0,a > 0
                end_of_record
                """.formatted(md5Base64(lcovLine(4)));
        CoverageImport ci = importer().read("app.info", utf8(info));
        assertThat(ci.source().orElseThrow().format()).isEqualTo("lcov");
        FileCoverage f = foo(ci);
        assertThat(f.lines()).isEqualTo(new Counter(4, 4));
        // (block, branch) pairs of the two records add up: 0,2 is taken 5 times in the second
        assertThat(f.branches()).isEqualTo(new Counter(4, 3));
        assertThat(f.functionCounter()).isEqualTo(new Counter(2, 2));
        assertThat(f.conditions()).isEqualTo(new Counter(2, 1));
    }

    @Test
    void lcov2FunctionIndexRecords() {
        String info = """
                SF:xen/common/foo.c
                FNL:0,4,9
                FNA:0,3,f
                FNL:1,11,20
                FNA:1,0,g
                DA:4,3
                end_of_record
                """;
        FileCoverage f = foo(importer().read("app.info", utf8(info)));
        assertThat(f.functionCounter()).isEqualTo(new Counter(2, 1));
        assertThat(f.functions().get(1).endLine()).isEqualTo(20);
    }

    @Test
    void truncatedAndMalformedLcovAreRefusedWithTheirLine() {
        CoverageImport cut = importer().read("cut.info", utf8("TN:\nSF:/build/xen/common/foo.c\nDA:4,1\nDA:6,"));
        assertThat(cut.isRefused()).isTrue();
        assertThat(cut.problems().get(0).line()).isEqualTo(4);
        assertThat(cut.problems().get(0).message()).contains("'' is not a count");

        CoverageImport noEnd = importer().read("noend.info", utf8("TN:\nSF:/build/xen/common/foo.c\nDA:4,1\n"));
        assertThat(noEnd.isRefused()).isTrue();
        assertThat(noEnd.problems().get(0).toString()).isEqualTo("noend.info:3: truncated lcov tracefile: the record"
                + " of /build/xen/common/foo.c has no end_of_record");

        CoverageImport bad = importer().read("bad.info", utf8("SF:xen/common/foo.c\nDA:x,1\nend_of_record\n"));
        assertThat(bad.problems().get(0).line()).isEqualTo(2);
        assertThat(bad.data().isEmpty()).isTrue();
    }

    static final String COBERTURA = """
            <?xml version='1.0' encoding='UTF-8'?>
            <!DOCTYPE coverage SYSTEM 'http://cobertura.sourceforge.net/xml/coverage-04.dtd'>
            <coverage line-rate="0.5" branch-rate="0.5" version="gcovr 8.3" timestamp="1">
              <sources><source>/build/xen</source></sources>
              <packages><package name="common"><classes>
                <class name="foo_c" filename="common/foo.c" line-rate="0.5">
                  <methods>
                    <method name="f" signature="" line-rate="1.0"><lines><line number="4" hits="3"/></lines></method>
                    <method name="g" signature="" line-rate="0.0"><lines><line number="11" hits="0"/></lines></method>
                  </methods>
                  <lines>
                    <line number="4" hits="3" branch="false"/>
                    <line number="6" hits="3" branch="true" condition-coverage="75% (3/4)">
                      <conditions><condition number="0" type="jump" coverage="75%"/></conditions>
                    </line>
                    <line number="7" hits="2" branch="false"/>
                    <line number="11" hits="0" branch="false"/>
                  </lines>
                </class>
              </classes></package></packages>
            </coverage>
            """;

    @Test
    void coberturaWithSourcesMethodsAndItsOwnDoctype() {
        CoverageImport ci = importer().read("coverage.xml", utf8(COBERTURA));
        DataSource s = ci.source().orElseThrow();
        assertThat(s.format()).isEqualTo("cobertura");
        assertThat(s.tool()).isEqualTo("gcovr");
        assertThat(s.toolVersion()).isEqualTo("8.3");
        FileCoverage f = foo(ci);
        assertThat(f.lines()).isEqualTo(new Counter(4, 3));
        assertThat(f.branches()).isEqualTo(new Counter(4, 3));
        assertThat(f.functionCounter()).isEqualTo(new Counter(2, 1));
    }

    @Test
    void anyOtherDoctypeAndMalformedXmlAreRefused() {
        String evil = COBERTURA.replace("<!DOCTYPE coverage SYSTEM 'http://cobertura.sourceforge.net/xml/coverage-04.dtd'>",
                "<!DOCTYPE coverage [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
        CoverageImport ci = importer().read("evil.xml", utf8(evil));
        assertThat(ci.isRefused()).isTrue();
        assertThat(ci.problems().get(0).message()).contains("DOCTYPE");

        String cut = COBERTURA.substring(0, COBERTURA.indexOf("<line number=\"7\""));
        CoverageImport t = importer().read("cut.xml", utf8(cut));
        assertThat(t.isRefused()).isTrue();
        assertThat(t.problems().get(0).line()).isGreaterThanOrEqualTo(16);
        assertThat(t.problems().get(0).message()).startsWith("malformed or truncated XML");

        CoverageImport other = importer().read("pom.xml", utf8("<project><a/></project>"));
        assertThat(other.problems().get(0).message()).contains("<project>");
    }

    @Test
    void llvmCovExportLinesAsItsLcovExport() {
        // f: a region from 4:14 (count 3) to 9:2; an if at 6 with a branch (2 true, 1 false); 7 runs twice;
        // g: never run; a skipped region (#if 0) at 13-16
        String json = """
                {"version": "2.0.1", "type": "llvm.coverage.json.export", "data": [{
                  "files": [{"filename": "/build/xen/common/foo.c",
                    "branches": [[6, 9, 6, 14, 2, 1, 0, 0, 4]],
                    "expansions": [],
                    "segments": [[4, 14, 3, true, true, false], [6, 9, 3, true, true, false],
                                 [7, 9, 2, true, true, false], [7, 18, 3, true, false, false],
                                 [9, 2, 0, false, false, false],
                                 [11, 14, 0, true, true, false], [13, 1, 0, false, true, false],
                                 [16, 30, 0, true, false, false], [20, 2, 0, false, false, false]],
                    "summary": {}}],
                  "functions": [{"name": "f", "count": 3, "filenames": ["/build/xen/common/foo.c"],
                                 "regions": [[4, 14, 9, 2, 3, 0, 0, 0]], "branches": []},
                                {"name": "foo.c:g", "count": 0, "filenames": ["/build/xen/common/foo.c"],
                                 "regions": [[11, 14, 20, 2, 0, 0, 0, 0]], "branches": []}],
                  "totals": {}}]}
                """;
        CoverageImport ci = importer().read("export.json", utf8(json));
        assertThat(ci.source().orElseThrow().format()).isEqualTo("llvm-cov-json");
        FileCoverage f = foo(ci);
        // mapped: 4-9 (wrapped by f's region), 11-12 and 17-20 (g's); 13 starts a skipped region; 14-16 are wrapped
        // by it (no count; on 16 g's count resumes only after a column, not as a region entry)
        assertThat(f.indexOf(13)).isNegative();
        assertThat(f.indexOf(14)).isNegative();
        assertThat(f.indexOf(16)).isNegative();
        assertThat(f.indexOf(17)).isNotNegative();
        // the larger of the count wrapping into the line (3) and that of the region starting on it (2)
        assertThat(f.count(f.indexOf(7))).isEqualTo(3);
        assertThat(f.count(f.indexOf(8))).isEqualTo(3);
        assertThat(f.lines()).isEqualTo(new Counter(6 + 2 + 4, 6));
        assertThat(f.branches()).isEqualTo(new Counter(2, 2));
        assertThat(f.functionCounter()).isEqualTo(new Counter(2, 1));
    }

    @Test
    void llvmCovMcdcRecordsGiveConditionOutcomes() {
        // LLVM 18: [line, column, end line, end column, expanded file id, kind, [independence pair covered per condition]]
        String json = """
                {"version": "2.0.1", "type": "llvm.coverage.json.export", "data": [{"files": [
                  {"filename": "xen/common/foo.c",
                   "segments": [[4, 14, 3, true, true, false], [9, 2, 0, false, false, false]],
                   "branches": [[6, 9, 6, 14, 2, 1, 0, 0, 4], [6, 18, 6, 24, 2, 0, 0, 0, 4]],
                   "mcdc_records": [[6, 9, 6, 24, 0, 5, [true, false]]]}]}]}
                """;
        FileCoverage f = foo(importer().read("mcdc.json", utf8(json)));
        assertThat(f.branches()).isEqualTo(new Counter(4, 3));
        assertThat(f.conditions()).isEqualTo(new Counter(4, 2));
        ConditionOutcomes c = f.conditions(f.indexOf(6));
        assertThat(c.isCovered(0)).isTrue();
        assertThat(c.isCovered(1)).isTrue();
        assertThat(c.isCovered(2)).isFalse();
    }

    /** f (4-9) ran 3 times, g (11-20, two instances: a static inline of a header, say) never. */
    static String llvmCovWithFoldedBranches(String functions) {
        return """
                {"version": "2.0.1", "type": "llvm.coverage.json.export", "data": [{
                  "files": [{"filename": "/build/xen/common/foo.c",
                    "branches": [[6, 9, 6, 14, 2, 1, 0, 0, 4], [6, 18, 6, 24, 0, 0, 0, 0, 4],
                                 [14, 9, 14, 10, 0, 0, 0, 0, 4], [14, 9, 14, 10, 0, 0, 0, 0, 4],
                                 [17, 12, 17, 15, 0, 0, 0, 0, 4], [17, 12, 17, 15, 0, 0, 0, 0, 4]],
                    "expansions": [{"source_region": [7, 9, 7, 14, 3, 0, 1, 1],
                                    "filenames": ["/build/xen/common/foo.c", "/build/xen/include/x.h"],
                                    "branches": [[3, 5, 3, 9, 0, 0, 1, 0, 4]]}],
                    "segments": [[4, 14, 3, true, true, false], [9, 2, 0, false, false, false],
                                 [11, 14, 0, true, true, false], [20, 2, 0, false, false, false]]}],
                  "functions": %s}]}
                """.formatted(functions);
    }

    @Test
    void llvmCovFoldedBranchesAreLeftOutAsItsLcovExportLeavesThem() {
        // 6:18 and 17:12 are constant-folded (both counters the constant 0): the file's branches list them, the
        // functions' do not (renderFileBranches / renderBranchRegions), and the lcov export leaves them out, whether
        // their code ran (6) or not (17); 14:9 never ran and is listed by both instances of g
        String g = """
                {"name": "g", "count": 0, "filenames": ["/build/xen/common/foo.c"],
                 "regions": [[11, 14, 20, 2, 0, 0, 0, 0]], "branches": [[14, 9, 14, 10, 0, 0, 0, 0, 4]]}""";
        String json = llvmCovWithFoldedBranches("""
                [{"name": "f", "count": 3, "filenames": ["/build/xen/common/foo.c", "/build/xen/include/x.h"],
                  "regions": [[4, 14, 9, 2, 3, 0, 0, 0]],
                  "branches": [[6, 9, 6, 14, 2, 1, 0, 0, 4], [3, 5, 3, 9, 0, 0, 1, 0, 4]]}, %s, %s]
                """.formatted(g, g));
        FileCoverage f = foo(importer().read("export.json", utf8(json)));
        assertThat(f.branches(f.indexOf(6))).containsExactly(2, 1);
        assertThat(f.branches(f.indexOf(7))).containsExactly(0, 0);
        assertThat(f.branches(f.indexOf(14))).containsExactly(0, 0, 0, 0);
        assertThat(f.indexOf(17) < 0 || f.branches(f.indexOf(17)) == null
                || f.branches(f.indexOf(17)).length == 0).isTrue();
        assertThat(f.branches()).isEqualTo(new Counter(8, 2));
        assertThat(f.functionCounter()).isEqualTo(new Counter(2, 1));

        // exported with -skip-functions, nothing tells a folded branch: every branch of the file counts
        FileCoverage all = foo(importer().read("export.json", utf8(llvmCovWithFoldedBranches("[]")
                .replace(",\n  \"functions\": []", ""))));
        assertThat(all.branches()).isEqualTo(new Counter(14, 2));
    }

    @Test
    void llvmCovFoldedMcdcConditionsAreNotCounted() {
        // LLVM 19: a constant-folded condition (6:18, 14:15) is false in its record and left out of llvm-cov's MC/DC
        // summary (isCondFolded); its MC/DC branch region (kind 6) is in the file's branches, not in the function's
        String json = """
                {"version": "2.0.1", "type": "llvm.coverage.json.export", "data": [{"files": [
                  {"filename": "xen/common/foo.c",
                   "segments": [[4, 14, 3, true, true, false], [9, 2, 0, false, false, false],
                                [11, 14, 0, true, true, false], [20, 2, 0, false, false, false]],
                   "branches": [[6, 9, 6, 14, 2, 1, 0, 0, 6], [6, 18, 6, 24, 0, 0, 0, 0, 6],
                                [14, 9, 14, 10, 0, 0, 0, 0, 6], [14, 15, 14, 20, 0, 0, 0, 0, 6]],
                   "mcdc_records": [[6, 9, 6, 24, 0, 5, [true, false]], [14, 9, 14, 20, 0, 5, [false, false]]]}],
                  "functions": [
                   {"name": "f", "count": 3, "filenames": ["xen/common/foo.c"], "regions": [[4, 14, 9, 2, 3, 0, 0, 0]],
                    "branches": [[6, 9, 6, 14, 2, 1, 0, 0, 6]],
                    "mcdc_records": [[6, 9, 6, 24, 0, 5, [true, false]]]},
                   {"name": "g", "count": 0, "filenames": ["xen/common/foo.c"], "regions": [[11, 14, 20, 2, 0, 0, 0, 0]],
                    "branches": [[14, 9, 14, 10, 0, 0, 0, 0, 6]],
                    "mcdc_records": [[14, 9, 14, 20, 0, 5, [false, false]]]}]}]}
                """;
        FileCoverage f = foo(importer().read("mcdc.json", utf8(json)));
        assertThat(f.conditions(f.indexOf(6)).outcomes()).isEqualTo(2);
        assertThat(f.conditions(f.indexOf(6)).isCovered(0)).isTrue();
        assertThat(f.conditions(f.indexOf(14)).outcomes()).isEqualTo(2);
        assertThat(f.conditions()).isEqualTo(new Counter(4, 2));
        assertThat(f.branches()).isEqualTo(new Counter(4, 2));
    }

    @Test
    void filesOutsideTheSnapshotAreListedAndUnmappedBuildPathsNamed() {
        String info = """
                SF:/build/xen/common/foo.c
                DA:4,1
                end_of_record
                SF:/build/xen/common/generated.c
                DA:1,1
                end_of_record
                SF:/usr/include/stdio.h
                DA:1,1
                end_of_record
                SF:/elsewhere/xen/common/bar.c
                DA:1,1
                end_of_record
                """;
        CoverageImport ci = importer().read("app.info", utf8(info));
        assertThat(ci.isRefused()).isFalse();
        assertThat(ci.data().files().keySet()).containsExactly("xen/common/foo.c");
        assertThat(ci.notInSnapshot()).containsExactly("xen/common/generated.c");
        assertThat(ci.unmapped()).containsExactly("/usr/include/stdio.h", "/elsewhere/xen/common/bar.c");
        assertThat(ci.problems()).hasSize(2);
        assertThat(ci.problems().get(0).message()).contains("/usr/include/stdio.h").contains("system header")
                .contains("path map entry /usr/include=<its folder in the snapshot>");
        // the tail xen/common/bar.c is in the snapshot: the hint names the prefix to remove
        assertThat(ci.problems().get(1).message()).contains("/elsewhere/xen/common/bar.c")
                .contains("path map entry /elsewhere=");
    }

    @Test
    void dataOfWhichNoFileCanBePlacedIsRefused() {
        CoverageImporter imp = new CoverageImporter(snapshot(), PathMap.NONE);
        CoverageImport ci = imp.read("app.info", utf8("SF:/build/xen/common/foo.c\nDA:4,1\nend_of_record\n"));
        assertThat(ci.isRefused()).isTrue();
        assertThat(ci.problems().get(0).message()).contains("/build/xen/common/foo.c").contains("path map entry /build=");

        CoverageImport none = imp.read("app.info", utf8("SF:tools/x.c\nDA:4,1\nend_of_record\n"));
        assertThat(none.isRefused()).isTrue();
        assertThat(none.problems().get(0).message()).contains("tools/x.c");

        // gcovr's paths relative to its --root xen/: the hint is the map that places them, and it does
        String relative = "SF:common/foo.c\nDA:4,1\nend_of_record\n";
        assertThat(imp.read("root.info", utf8(relative)).problems().get(0).message()).contains("path map entry .=xen");
        CoverageImport placed = new CoverageImporter(snapshot(), PathMap.parse(List.of(".=xen"))).read("root.info",
                utf8(relative));
        assertThat(placed.data().files().keySet()).containsExactly("xen/common/foo.c");
    }

    @Test
    void dataFromAnotherVersionOfAFileIsRefusedNamingCheckFileAndLine() throws Exception {
        // a line past the end
        CoverageImport past = importer().read("a.info", utf8("SF:xen/common/foo.c\nDA:4,1\nDA:25,1\nend_of_record\n"));
        assertThat(past.isRefused()).isTrue();
        assertThat(past.data().isEmpty()).isTrue();
        assertThat(past.problems().get(0).message()).contains("xen/common/foo.c:25").contains("line past the end");
        assertThat(past.problems().get(0).line()).isEqualTo(3);

        // an lcov checksum of another text
        CoverageImport ck = importer().read("b.info", utf8("SF:xen/common/foo.c\nDA:4,1," + md5Base64("int f(long a)")
                + "\nend_of_record\n"));
        assertThat(ck.problems().get(0).message()).contains("xen/common/foo.c:4").contains("line checksum");

        // gcc's data with a count on a comment line (13 is inside LCOV_EXCL but only a comment) or a blank line
        String onBlank = GCOV_JSON.replace("{\"line_number\": 7, \"count\": 2,", "{\"line_number\": 10, \"count\": 2,");
        CoverageImport blank = importer().read("c.gcov.json", utf8(onBlank));
        assertThat(blank.isRefused()).isTrue();
        assertThat(blank.problems().get(0).message()).contains("xen/common/foo.c:10").contains("blank");

        // a function the file does not have
        String renamed = GCOV_JSON.replace("\"demangled_name\": \"g\"", "\"demangled_name\": \"h_renamed\"");
        CoverageImport fn = importer().read("d.gcov.json", utf8(renamed));
        assertThat(fn.problems().get(0).message()).contains("h_renamed").contains("function name");
    }

    @Test
    void llvmCovCountsOnBlankLinesInsideARegionAreNotAMismatch() {
        String info = "SF:xen/common/foo.c\nFN:4,foo.c:f\nFNDA:1,foo.c:f\nDA:3,1\nDA:4,1\nend_of_record\n";
        assertThat(foo(importer().read("llvm.info", utf8(info))).lines()).isEqualTo(new Counter(2, 2));
    }

    @Test
    void emptyFilesAndOtherFilesAreRefusedClearly() {
        CoverageImporter imp = importer();
        assertThat(imp.read("empty.info", new byte[0]).problems().get(0).message()).contains("empty");
        assertThat(imp.read("blank.info", utf8("  \n\n")).problems().get(0).message()).contains("empty");
        assertThat(imp.read("notes.txt", utf8("hello world\n")).problems().get(0).message()).contains(
                "not coverage data");
        assertThat(imp.read("a.json", utf8("{\"name\": \"x\"}")).problems().get(0).message()).contains(
                "not coverage data");
        assertThat(imp.read("b.json", utf8("[1, 2]")).problems().get(0).message()).contains("not coverage data");
        byte[] gcda = {'a', 'd', 'c', 'g', '*', '2', '2', 'B', (byte) 0xd0, 1, 0, 0};
        assertThat(imp.read("x.gcda", gcda).problems().get(0).message()).contains(".gcda").contains("gcov --json-format");
        byte[] profraw = {(byte) 0x81, 'r', 'f', 'o', 'r', 'p', 'l', (byte) 0xff, 8, 0, 0, 0};
        assertThat(imp.read("default.profraw", profraw).problems().get(0).message()).contains("llvm-profdata");
        CoverageImport cut = imp.read("c.json", utf8(GCOV_JSON.substring(0, GCOV_JSON.indexOf("\"line_number\": 17"))));
        assertThat(cut.isRefused()).isTrue();
        assertThat(cut.problems().get(0).line()).isBetween(22L, 23L);
        assertThat(cut.problems().get(0).message()).startsWith("malformed or truncated JSON at line 2")
                .contains("end-of-input");
        assertThat(cut.source()).isEmpty();
    }

    @Test
    void aTruncatedGzipOfAnyFormatIsRefused() throws IOException {
        byte[] gz = gzip(utf8("SF:xen/common/foo.c\n" + "DA:4,1\n".repeat(5000) + "end_of_record\n"));
        CoverageImport cut = importer().read("cut.info.gz", java.util.Arrays.copyOf(gz, gz.length - 10));
        assertThat(cut.isRefused()).isTrue();
        assertThat(cut.problems().get(0).message()).contains("gzip");
    }

    @Test
    void valuesTheModelDoesNotTakeAreRefusedNotThrown() {
        String json = """
                {"version": "2.0.1", "type": "llvm.coverage.json.export", "data": [{"files": [
                  {"filename": "xen/common/foo.c", "segments": [], "branches": [[0, 1, 0, 2, 1, 1, 0, 0, 4]]}]}]}
                """;
        CoverageImport ci = importer().read("bad.json", utf8(json));
        assertThat(ci.isRefused()).isTrue();
        assertThat(ci.problems().get(0).message()).contains("line 0 is not a line number");
    }

    @Test
    void readAllTakesTheCoverageFilesOfAFolderInSortedOrder(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/b.info"), "SF:xen/common/foo.c\nDA:4,1\nend_of_record\n");
        Files.write(dir.resolve("a.gcov.json.gz"), gzip(utf8(GCOV_JSON)));
        Files.writeString(dir.resolve("notes.txt"), "not read");
        Files.writeString(dir.resolve("c.xml"), COBERTURA);
        List<CoverageImport> all = importer().readAll(List.of(dir));
        assertThat(all).extracting(c -> c.source().orElseThrow().name()).containsExactly(dir.resolve("a.gcov.json.gz")
                .toString(), dir.resolve("c.xml").toString(), dir.resolve("sub/b.info").toString());
        assertThat(all).extracting(c -> c.source().orElseThrow().format()).containsExactly("gcov-json", "cobertura",
                "lcov");
    }
}
