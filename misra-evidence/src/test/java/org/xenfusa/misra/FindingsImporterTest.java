package org.xenfusa.misra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FindingsImporterTest {
    private static final Set<String> FILES = Set.of("xen/common/a.c", "xen/common/b.c", "xen/include/xen/h.h");
    private final FindingsImporter importer = new FindingsImporter(FILES);

    private FindingsImport read(String name, String text) {
        return importer.read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static final String SARIF = """
            {
              "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": { "driver": { "name": "ECLAIR", "version": "3.14.0",
                    "rules": [ { "id": "MC3A2.R20.7" } ] } },
                  "results": [
                    {
                      "ruleId": "MC3A2.R15.6",
                      "message": { "text": "the body is not a compound statement" },
                      "locations": [ { "physicalLocation": {
                        "artifactLocation": { "uri": "xen/common/a.c" }, "region": { "startLine": 8 } } } ]
                    },
                    {
                      "ruleIndex": 0,
                      "message": { "text": "macro parameter" },
                      "locations": [ { "physicalLocation": {
                        "artifactLocation": { "uri": "file:///builds/xen/xen/include/xen/h.h" },
                        "region": { "startLine": 1 } } } ],
                      "suppressions": [ { "kind": "external", "justification": "deviations.ecl" } ]
                    },
                    {
                      "ruleId": "MC3A2.R99.1",
                      "message": { "text": "no such rule" },
                      "locations": [ { "physicalLocation": {
                        "artifactLocation": { "uri": "xen/common/a.c" }, "region": { "startLine": 2 } } } ]
                    },
                    {
                      "ruleId": "MC3A2.R8.4",
                      "message": { "text": "not in the snapshot" },
                      "locations": [ { "physicalLocation": {
                        "artifactLocation": { "uri": "xen/common/gone.c" }, "region": { "startLine": 3 } } } ]
                    },
                    {
                      "ruleId": "B.PROGRAM",
                      "message": { "text": "not a MISRA service" }
                    }
                  ]
                }
              ]
            }
            """;

    @Test
    void importsSarif() {
        FindingsImport i = read("eclair.sarif", SARIF);
        assertThat(i.findings()).containsExactly(
                new MisraFinding(GuidelineId.parse("Rule 15.6").orElseThrow(), "xen/common/a.c", 8,
                        "the body is not a compound statement", "eclair", "3.14.0", false),
                new MisraFinding(GuidelineId.parse("Rule 20.7").orElseThrow(), "xen/include/xen/h.h", 1,
                        "macro parameter", "eclair", "3.14.0", true));
        assertThat(i.problems()).extracting(Object::toString).containsExactly(
                "eclair.sarif:23: xen/common/a.c:2: unknown guideline id 'MC3A2.R99.1'",
                "eclair.sarif:29: xen/common/gone.c:3: file not in the snapshot (finding of Rule 8.4)");
        assertThat(i.notMisra()).isEqualTo(1);
        assertThat(i.sources()).singleElement().satisfies(s -> {
            assertThat(s.format()).isEqualTo("sarif");
            assertThat(s.findings()).isEqualTo(2);
            assertThat(s.sha256()).hasSize(64);
            assertThat(s.toolVersion()).isEqualTo("3.14.0");
        });
    }

    @Test
    void malformedSarifIsRefusedWholeNamingTheLine() {
        FindingsImport i = read("broken.sarif", SARIF.replace("\"region\": { \"startLine\": 8 }", "\"region\": {"));
        assertThat(i.findings()).isEmpty();
        assertThat(i.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("broken.sarif");
            assertThat(p.line()).isEqualTo(13);
            assertThat(p.message()).startsWith("malformed SARIF (not valid JSON)");
        });
        assertThat(read("old.sarif", "{\"version\": \"2.0.0\", \"runs\": []}").problems()).extracting(Object::toString)
                .containsExactly("old.sarif:1: SARIF version 2.0.0 is not supported (2.1.0 is)");
    }

    static final String CPPCHECK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <results version="2">
                <cppcheck version="2.13.0"/>
                <errors>
                    <error id="misra-c2012-15.6" severity="style" msg="body shall be a compound statement" verbose="v">
                        <location file="common/a.c" line="8" column="5"/>
                        <location file="common/b.c" line="1" column="1"/>
                    </error>
                    <error id="misra-c2012-dir-4.1" severity="style" msg="run-time failure">
                        <location file="xen/common/b.c" line="2" column="1"/>
                    </error>
                    <error id="missingIncludeSystem" severity="information" msg="not MISRA"/>
                    <error id="misra-c2012-21.99" severity="style" msg="no such rule">
                        <location file="common/a.c" line="4" column="1"/>
                    </error>
                </errors>
            </results>
            """;

    @Test
    void importsCppcheckXmlVersion2() {
        FindingsImport i = read("cppcheck.xml", CPPCHECK);
        assertThat(i.findings()).containsExactly(
                new MisraFinding(GuidelineId.parse("Rule 15.6").orElseThrow(), "xen/common/a.c", 8,
                        "body shall be a compound statement", "cppcheck", "2.13.0", false),
                new MisraFinding(GuidelineId.parse("Dir 4.1").orElseThrow(), "xen/common/b.c", 2, "run-time failure",
                        "cppcheck", "2.13.0", false));
        assertThat(i.notMisra()).isEqualTo(1);
        assertThat(i.problems()).extracting(Object::toString)
                .containsExactly("cppcheck.xml:13: common/a.c:4: unknown guideline id 'misra-c2012-21.99'");
    }

    @Test
    void xmlWithADoctypeIsRefusedSoNoEntityIsEverRead() {
        FindingsImport i = read("xxe.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE results [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
                <results version="2"><errors>
                <error id="misra-c2012-15.6" msg="&x;"><location file="common/a.c" line="1"/></error>
                </errors></results>
                """);
        assertThat(i.findings()).isEmpty();
        assertThat(i.problems()).extracting(Object::toString).containsExactly("xxe.xml:2: DOCTYPE declarations (and so"
                + " external entities) are not accepted in analyser reports");
    }

    @Test
    void malformedXmlAndOtherXmlAreRefusedWhole() {
        FindingsImport broken = read("broken.xml", CPPCHECK.replace("</errors>", "</error>"));
        assertThat(broken.findings()).isEmpty();
        assertThat(broken.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(16);
            assertThat(p.message()).startsWith("malformed XML");
        });
        assertThat(read("v1.xml", "<results><error id=\"x\"/></results>").problems()).extracting(Object::toString)
                .containsExactly("v1.xml:1: not a cppcheck XML report version 2 (root <results version=\"null\">)");
    }

    @Test
    void importsXenAnalysisTextReport() {
        FindingsImport i = read("xen-cppcheck.txt", """
                xen/common/a.c(8,5):misra-c2012-15.6:style:The body of an iteration-statement shall be compound
                common/b.c(2,1):misra-c2012-dir-4.1:style:message: with a colon
                this is not a finding
                xen/common/nope.c(3,1):misra-c2012-8.4:style:gone
                """);
        assertThat(i.findings()).containsExactly(
                new MisraFinding(GuidelineId.parse("Rule 15.6").orElseThrow(), "xen/common/a.c", 8,
                        "The body of an iteration-statement shall be compound", "cppcheck", "", false),
                new MisraFinding(GuidelineId.parse("Dir 4.1").orElseThrow(), "xen/common/b.c", 2,
                        "message: with a colon", "cppcheck", "", false));
        assertThat(i.problems()).extracting(Object::toString).containsExactly(
                "xen-cppcheck.txt:3: not a finding line of the form file(line,column):id:severity:message",
                "xen-cppcheck.txt:4: xen/common/nope.c:3: file not in the snapshot (finding of Rule 8.4)");
        assertThat(i.sources()).singleElement().extracting(FindingsImport.Source::format)
                .isEqualTo("xen-analysis-text");
    }
}
