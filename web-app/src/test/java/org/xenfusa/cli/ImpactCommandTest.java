package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.web.SyntheticRepository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code fusa impact}: the change impact between two tags of a synthetic Xen tree, and bad refs as bad input. */
class ImpactCommandTest {
    @TempDir Path tmp;
    private CliCapture cli;

    private static final String REQS = """
            `dsn~foo~1`

            Foo shall be done.

            Covers:
            * `req~top~1`

            `req~top~1`

            The top requirement.
            """;

    private static final String LINKS = """
            version: 1
            links:
              - requirement: dsn~foo~1
                code:
                  - {file: xen/common/foo.c, function: foo, state: reviewed, author: ann, reviewer: bob}
                tests:
                  - {file: tests/foo.c, name: foo.works}
            """;

    @BeforeEach
    void capture() {
        cli = new CliCapture();
    }

    @AfterEach
    void restore() {
        cli.close();
    }

    @Test
    void impactBetweenTwoTagsAndBadRefs() throws Exception {
        Map<String, String> tree = new LinkedHashMap<>(ConfigurationCommandsTest.TREE);
        tree.put("xen/common/foo.c", "int foo(void)\n{\n    return 1;\n}\n");
        tree.put("docs/fusa/reqs/foo.md", REQS);
        Files.writeString(tmp.resolve("links.yaml"), LINKS);
        try (SyntheticRepository repo = SyntheticRepository.create(Files.createDirectories(tmp.resolve("repo")))) {
            repo.commit("one", "RELEASE-9.9.0", tree);
            repo.commit("two", "RELEASE-9.9.1", Map.of("xen/common/foo.c",
                    "int foo(void)\n{\n    int x = 2;\n    return x;\n}\n\nint foo_more(void)\n{\n    return 3;\n}\n"));
            String[] args = {"impact", "--repo", repo.dir().toString(), "--from", "RELEASE-9.9.0", "--to", "RELEASE-9.9.1",
                "--arch", "arm64", "--links", tmp.resolve("links.yaml").toString(), "--json"};
            assertThat(FusaCommandLine.run(args)).as(cli.err()).isZero();
            JsonNode j = JsonMapper.builder().build().readTree(cli.out());
            assertThat(j.get("configuration").asString()).isEqualTo("arm64-defconfig");
            assertThat(j.get("counts").get("changed").asInt()).isEqualTo(1);
            assertThat(j.get("counts").get("added").asInt()).isEqualTo(1);
            assertThat(j.get("functions").toString()).contains("\"name\":\"foo\"", "\"name\":\"foo_more\"");
            assertThat(j.get("requirementsToReview").toString()).contains("dsn~foo~1", "req~top~1");
            assertThat(j.get("testsToRerun").toString()).contains("foo.works");
            assertThat(j.get("suspectLinks").toString()).contains("FUNCTION_CHANGED");
            // foo.c grew by 5 code lines
            assertThat(j.get("slocDelta").get("makeCloc").get("code").asInt()).isEqualTo(5);
            assertThat(j.get("effortDelta").get("DAL_A").get("sloc").asInt()).isEqualTo(5);

            cli.resetErr();
            assertThat(FusaCommandLine.run(new String[] {"impact", "--repo", repo.dir().toString(), "--from", "NOPE",
                "--to", "RELEASE-9.9.1", "--arch", "arm64"})).isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(cli.err()).contains("unknown ref 'NOPE'");
            cli.resetErr();
            assertThat(FusaCommandLine.run(new String[] {"impact", "--repo", repo.dir().toString(), "--from",
                "RELEASE-9.9.0", "--to", "NOPE2", "--arch", "arm64"})).isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(cli.err()).contains("unknown ref 'NOPE2'");
        }
    }
}
