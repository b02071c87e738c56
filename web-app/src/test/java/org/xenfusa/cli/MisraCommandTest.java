package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.web.SyntheticRepository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fusa misra} on a synthetic Xen-like repository with MISRA records: the guideline matrix of a configuration
 * (arm64 with BAR=n does not compile bar.c), the release diff, the gates and their exit codes, and bad input (exit 2).
 */
class MisraCommandTest {
    @TempDir Path tmp;
    private CliCapture cli;
    private SyntheticRepository repo;

    static final String RULES = """
            .. list-table::
               :header-rows: 1

               * - Rule number
                 - Severity
                 - Summary
                 - Notes

               * - `Rule 8.4 <https://example.org/R_08_04.c>`_
                 - Required
                 - A compatible declaration shall be visible
                 -
            """;

    static final String SAFE = """
            {
                "version": "1.0",
                "content": [
                    {
                        "id": "SAF-0-safe",
                        "analyser": { "cppcheck": "misra-c2012-8.4" },
                        "name": "Rule 8.4: asm-only",
                        "text": "Used only by asm."
                    }
                ]
            }
            """;

    /** core.c:2 is a violation, foo.c:2 is justified by SAF-0-safe, bar.c:1 is outside arm64 with BAR=n. */
    static final String REPORT = """
            xen/common/core.c(2,1):misra-c2012-8.4:style:core has no declaration
            xen/common/foo.c(2,1):misra-c2012-8.4:style:foo has no declaration
            xen/common/bar.c(1,1):misra-c2012-8.4:style:bar has no declaration
            """;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliCapture();
        Map<String, String> tree = new LinkedHashMap<>(ConfigurationCommandsTest.TREE);
        tree.put("xen/common/foo.c", "/* SAF-0-safe asm only */\nint foo;\n");
        tree.put("docs/misra/rules.rst", RULES);
        tree.put("docs/misra/safe.json", SAFE);
        tree.put("automation/eclair_analysis/ECLAIR/tagging.ecl",
                "-service_selector={clean_guidelines_common,\n\"MC3A2.R8.4\"\n}\n");
        repo = SyntheticRepository.create(Files.createDirectories(tmp.resolve("repo")));
        repo.commit("one", "RELEASE-9.9.0", tree);
        repo.commit("two", "RELEASE-9.9.1", Map.of("xen/common/core.c", "#include <xen/lib.h>\nint core;\n"
                + "#ifdef CONFIG_BAR\nint bar_hook;\n#endif\nint end;\n/* comment */\n"));
        Files.writeString(tmp.resolve("cppcheck.txt"), REPORT);
    }

    @AfterEach
    void restore() {
        cli.close();
        repo.close();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("misra", "--repo", repo.dir().toString()));
        all.addAll(List.of(args));
        return FusaCommandLine.run(all.toArray(String[]::new));
    }

    private String stderr() {
        return cli.err();
    }

    @Test
    void guidelineMatrixOfAConfigurationAndItsGates() throws Exception {
        int exit = run("--ref", "RELEASE-9.9.1", "--arch", "arm64", "--set", "BAR=n", "--findings",
                tmp.resolve("cppcheck.txt").toString(), "--json");
        assertThat(exit).as(stderr()).isEqualTo(FusaCommandLine.CHECK_FAILED);
        JsonNode j = JsonMapper.builder().build().readTree(cli.out());
        List<String> keys = new ArrayList<>();
        j.propertyNames().forEach(keys::add);
        assertThat(keys).startsWith("guidelines", "files", "records", "gates");
        JsonNode g = j.get("guidelines").get(0);
        assertThat(g.get("id").asString()).isEqualTo("Rule 8.4");
        assertThat(g.get("accepted").asBoolean()).isTrue();
        assertThat(g.get("clean").asBoolean()).isTrue();
        assertThat(g.get("violations").asInt()).isEqualTo(1);
        assertThat(g.get("justified").asInt()).isEqualTo(1);
        assertThat(g.get("outside").asInt()).isEqualTo(1);
        assertThat(g.get("share").asDouble()).isEqualTo(1.0);
        assertThat(j.get("configuration").asString()).isEqualTo("arm64-defconfig + BAR=n");
        assertThat(j.get("files").toString()).contains("\"path\":\"xen/common/bar.c\",\"violations\":0,"
                + "\"justified\":0,\"outside\":1");
        JsonNode records = j.get("records");
        assertThat(records.get("guidelines").asInt()).isEqualTo(1);
        assertThat(records.get("safIds").asInt()).isEqualTo(1);
        assertThat(records.get("safComments").asInt()).isEqualTo(1);
        assertThat(records.get("clean").asInt()).isEqualTo(1);
        assertThat(j.get("gates").get(0).get("passed").asBoolean()).isFalse();
        assertThat(j.get("gates").get(0).get("detail").asString()).startsWith("Rule 8.4: 1");
        assertThat(j.get("violations").toString()).contains("\"file\":\"xen/common/core.c\",\"line\":2");
        assertThat(j.get("sources").get(0).get("sha256").asString()).hasSize(64);
    }

    @Test
    void againstTheEarlierReleaseTheViolationIsNotNewSoTheGatesPass() throws Exception {
        String findings = tmp.resolve("cppcheck.txt").toString();
        int exit = run("--ref", "RELEASE-9.9.1", "--arch", "arm64", "--set", "BAR=n", "--findings", findings,
                "--base-ref", "RELEASE-9.9.0", "--base-findings", findings, "--max-violations", "1");
        String text = cli.out();
        assertThat(exit).as(stderr() + text).isEqualTo(FusaCommandLine.OK);
        assertThat(text).contains("configuration arm64-defconfig + BAR=n: 1 violations, 1 justified, 1 outside",
                "Rule 8.4   yes      yes            1         1       1 100.0%",
                "ok      no new violation of a clean guideline: none (against ");

        // the whole tree: bar.c counts too
        cli.resetOut();
        assertThat(run("--ref", "RELEASE-9.9.1", "--findings", findings, "--json", "--max-violations", "5"))
                .as(stderr()).isEqualTo(FusaCommandLine.CHECK_FAILED);
        JsonNode j = JsonMapper.builder().build().readTree(cli.out());
        assertThat(j.get("guidelines").get(0).get("violations").asInt()).isEqualTo(2);
        assertThat(j.get("guidelines").get(0).get("outside").asInt()).isZero();
    }

    @Test
    void aDanglingSafIdFailsItsGate() throws Exception {
        repo.commit("three", "RELEASE-9.9.2", Map.of("xen/common/foo.c", "/* SAF-7-safe no such id */\nint foo;\n"));
        assertThat(run("--ref", "RELEASE-9.9.2", "--max-violations", "9")).isEqualTo(FusaCommandLine.CHECK_FAILED);
        assertThat(cli.out()).contains("not ok  every SAF comment names a known id: "
                + "dangling: SAF-7-safe at xen/common/foo.c:1");
        assertThat(stderr()).contains("fusa: xen/common/foo.c:1: SAF-7-safe names no entry of docs/misra/safe.json or"
                + " false-positive-*.json");
    }

    @Test
    void badInputIsExit2WithAMessageNamingFileAndLine() throws Exception {
        assertThat(run("--findings", tmp.resolve("nope.sarif").toString())).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(stderr()).contains("findings file (--findings) not found: " + tmp.resolve("nope.sarif"));

        cli.resetErr();
        Path xml = tmp.resolve("broken.xml");
        Files.writeString(xml, "<?xml version=\"1.0\"?>\n<results version=\"2\">\n<errors>\n<error id=\"misra-c2012-8.4\">"
                + "\n</errors>\n</results>\n");
        assertThat(run("--findings", xml.toString(), "--findings", tmp.resolve("cppcheck.txt").toString()))
                .isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(stderr()).contains("fusa: " + xml + ":5: malformed XML");
        // the other file is still imported and shown
        assertThat(cli.out()).contains("2 violations, 1 justified");

        cli.resetErr();
        Path txt = tmp.resolve("odd.txt");
        Files.writeString(txt, "xen/common/gone.c(3,1):misra-c2012-8.4:style:x\n"
                + "xen/common/core.c(2,1):misra-c2012-99.1:style:y\n");
        assertThat(run("--findings", txt.toString())).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(stderr()).contains(txt + ":1: xen/common/gone.c:3: file not in the snapshot (finding of Rule 8.4)",
                txt + ":2: xen/common/core.c:2: unknown guideline id 'misra-c2012-99.1'");

        cli.resetErr();
        assertThat(run("--base-findings", txt.toString())).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(stderr()).contains("--base-findings needs --base-ref");
        cli.resetErr();
        assertThat(run("--base-ref", "RELEASE-0.0")).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(stderr()).contains("unknown ref 'RELEASE-0.0' (--base-ref)");
        cli.resetErr();
        assertThat(run("--arch", "arm64", "--set", "NOPE=y")).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(stderr()).contains("NOPE");
        cli.resetErr();
        assertThat(run("--max-violations", "-1")).isEqualTo(FusaCommandLine.BAD_INPUT);
    }

    @Test
    void theBenchmarkImportsAndMatchesTheSameSetInEveryFormat() {
        // 2,000 findings, one per file: odd files are outside; of the 1,000 inside, 50 on an excluded path, 50 under
        // SAF-0-safe, 250 of the project-wide deviation (Rule 20.7): 350 justified, 650 violations
        assertThat(FusaCommandLine.run(new String[] {"bench", "misra", "--findings", "2000", "--runs", "1",
            "--warmups", "0"})).as(stderr()).isZero();
        String text = cli.out();
        for (String format : new String[] {"sarif", "cppcheck-xml", "xen-analysis-text"}) {
            assertThat(text).containsPattern(java.util.regex.Pattern.quote(format)
                    + " .* median \\(2000 findings: 650 violations, 350 justified, 1000 outside\\)");
        }
    }
}
