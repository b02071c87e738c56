package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fusa coverage} on a folder with a requirement, its implementation tag and its test's tag, and lcov data of
 * that test: the JSON's files, functions, directories, requirements and configuration; the criteria of a level and
 * their exit codes; and bad input (exit 2, naming the option or file).
 */
// [utest->dsn~structural-coverage~1]
class CoverageCommandTest {
    @TempDir Path tmp;
    private CliCapture cli;
    private Path repo;

    static final String LCOV = """
            TN:
            SF:/build/xen/common/fa.c
            FN:5,fa_start
            FN:11,fa_helper
            FNDA:3,fa_start
            FNDA:0,fa_helper
            DA:5,3
            DA:7,3
            DA:8,3
            DA:13,0
            BRDA:7,0,0,3
            BRDA:7,0,1,0
            end_of_record
            SF:/build/tools/tests/fa/gone.c
            DA:1,1
            end_of_record
            """;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliCapture();
        repo = Files.createDirectories(tmp.resolve("repo"));
        write("docs/design.md", """
                # Design

                ### Start feature A
                `dsn~fa-start~1`

                Needs: impl, utest
                """);
        write("xen/common/fa.c", """
                /* feature A */
                int fa;

                /* [impl->dsn~fa-start~1] */
                int fa_start(void)
                {
                    fa = 1;
                    return fa;
                }

                static int fa_helper(int x)
                {
                    return x + fa;
                }
                """);
        write("xen/common/other.c", "int other(void)\n{\n    return 2;\n}\n");
        write("tools/tests/fa/test-fa.c", "/* [utest->dsn~fa-start~1] */\nint main(void)\n{\n    return 0;\n}\n");
        Files.writeString(tmp.resolve("compiled.txt"), "xen/common/fa.c\nxen/common/other.c\n");
        Files.writeString(tmp.resolve("fa.info"), LCOV);
    }

    private void write(String path, String text) throws Exception {
        Path p = repo.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @AfterEach
    void restore() {
        cli.close();
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("coverage", "--repo", repo.toString()));
        all.addAll(List.of(args));
        return FusaCommandLine.run(all.toArray(String[]::new));
    }

    private String[] data(String... more) {
        List<String> a = new ArrayList<>(List.of("--config-files", tmp.resolve("compiled.txt").toString(), "--data",
                tmp.resolve("fa.info").toString(), "--path-map", "/build/=", "--test", "tools/tests/fa"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void filesFunctionsDirectoriesRequirementsAndConfigurationInJson() throws Exception {
        int exit = run(data("--json", "--level", "DAL_B"));
        assertThat(exit).as(cli.err()).isEqualTo(FusaCommandLine.OK);
        JsonNode j = JsonMapper.builder().build().readTree(cli.out());
        List<String> keys = new ArrayList<>();
        j.propertyNames().forEach(keys::add);
        assertThat(keys).startsWith("files", "functions", "directories", "requirements", "configuration");
        assertThat(j.get("files").toString()).isEqualTo("[{\"path\":\"xen/common/fa.c\",\"compiled\":true,\"sloc\":10,"
                + "\"lines\":{\"total\":4,\"covered\":3},\"branches\":{\"total\":2,\"covered\":1},"
                + "\"conditions\":{\"total\":0,\"covered\":0},\"functions\":{\"total\":2,\"covered\":1}}]");
        assertThat(j.get("functions").toString()).contains("\"name\":\"fa_start\",\"startLine\":5,\"endLine\":9,"
                + "\"compiled\":true,\"sloc\":5,\"called\":true,\"lines\":{\"total\":3,\"covered\":3}");
        assertThat(j.get("directories").get(0).get("directory").asString()).isEqualTo("xen/common/");
        JsonNode req = j.get("requirements").get(0);
        assertThat(req.get("id").asString()).isEqualTo("dsn~fa-start~1");
        assertThat(req.get("dataSets").get(0).asString()).startsWith("tools/tests/fa (");
        assertThat(req.get("byItsTests").get("lines").toString()).isEqualTo("{\"total\":3,\"covered\":3}");
        JsonNode c = j.get("configuration");
        assertThat(c.get("level").asString()).isEqualTo("DAL B");
        assertThat(c.get("criteria").toString()).contains("\"criterion\":\"statement\"", "\"criterion\":\"decision\"")
                .doesNotContain("MC/DC");
        assertThat(c.get("files").asInt()).isEqualTo(2);
        assertThat(c.get("filesWithData").asInt()).isEqualTo(1);
        assertThat(c.get("sloc").asInt()).isEqualTo(14);
        assertThat(c.get("slocWithData").asInt()).isEqualTo(10);
        assertThat(c.get("neverExecuted").toString()).contains("\"name\":\"other\"", "\"name\":\"fa_helper\"");
        assertThat(j.get("notInSnapshot").toString()).contains("tools/tests/fa/gone.c");
        assertThat(j.get("dataSets").get(0).get("format").asString()).isEqualTo("lcov");
        assertThat(j.get("dataSets").get(0).get("sha256").asString()).hasSize(64);
    }

    @Test
    void theLevelsCriteriaDecideTheExitCode() {
        // statement 3/4 = 75 %: DAL C passes at 70, fails at 80; DAL A fails at any bound, MC/DC is not measured
        assertThat(run(data("--level", "DAL_C", "--min-percent", "70"))).as(cli.err()).isEqualTo(FusaCommandLine.OK);
        assertThat(cli.out()).contains("DAL C statement coverage (lines) of compiled code: 3/4 75.0%");
        assertThat(run(data("--level", "dal-c", "--min-percent", "80"))).isEqualTo(FusaCommandLine.CHECK_FAILED);
        assertThat(run(data("--level", "ASIL_D", "--min-percent", "0"))).isEqualTo(FusaCommandLine.CHECK_FAILED);
        assertThat(cli.out()).contains("MC/DC coverage (conditions) of compiled code: not measured");
        assertThat(run(data("--level", "DAL_E", "--min-percent", "100"))).isEqualTo(FusaCommandLine.OK);
    }

    @Test
    void badInputIsRefusedNamingIt() throws Exception {
        assertThat(run("--data", tmp.resolve("none.info").toString())).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(cli.err()).contains("coverage data (--data) not found: " + tmp.resolve("none.info"));
        assertThat(run(data("--path-map", "nothing"))).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(cli.err()).contains("--path-map: path map 'nothing' is not FROM=TO");
        assertThat(run(data("--level", "SIL_4"))).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(cli.err()).contains("--level: unknown level 'SIL_4': give DAL_A to DAL_E or ASIL_A to ASIL_D");
        assertThat(run(data("--min-percent", "101"))).isEqualTo(FusaCommandLine.BAD_INPUT);
        // line 30 of fa.c does not exist: data of another version of the file, refused by name
        Files.writeString(tmp.resolve("stale.info"), "SF:xen/common/fa.c\nDA:30,1\nend_of_record\n");
        cli.resetErr();
        assertThat(run("--data", tmp.resolve("stale.info").toString())).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(cli.err()).contains("stale.info").contains("xen/common/fa.c");
        Files.writeString(tmp.resolve("cut.info"), "SF:xen/common/fa.c\nDA:5,");
        cli.resetErr();
        assertThat(run("--data", tmp.resolve("cut.info").toString())).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(cli.err()).contains("cut.info:2");
    }
}
