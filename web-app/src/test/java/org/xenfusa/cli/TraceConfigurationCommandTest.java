package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code fusa trace --arch --defconfig --set}: coverage of the configuration the Kconfig library computes. */
class TraceConfigurationCommandTest {
    @TempDir Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    private static final String REQS = """
            # Foo

            `dsn~foo~1`

            Foo shall be done.

            Needs: impl
            """;

    private static final String LINKS = """
            version: 1
            links:
              - requirement: dsn~foo~1
                code:
                  - file: xen/common/foo.c
                    function: foo
                    state: reviewed
            """;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private JsonNode trace(Path repo, String... extra) throws Exception {
        out.reset();
        List<String> args = new java.util.ArrayList<>(List.of("trace", "--repo", repo.toString(), "--ref", "RELEASE-9.9.0",
                "--links", tmp.resolve("links.yaml").toString(), "--arch", "arm64", "--json"));
        args.addAll(List.of(extra));
        int code = FusaCommandLine.run(args.toArray(String[]::new));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8)).get("configurations").get(0);
    }

    @Test
    void defconfigAndSetDecideWhetherTheLinkedCodeIsCompiled() throws Exception {
        Map<String, String> tree = new LinkedHashMap<>(ConfigurationCommandsTest.TREE);
        tree.put("xen/common/foo.c", "int foo(void)\n{\n    return 1;\n}\n");
        tree.put("docs/fusa/reqs/foo.md", REQS);
        Files.writeString(tmp.resolve("links.yaml"), LINKS);
        try (SyntheticRepository repo = SyntheticRepository.create(Files.createDirectories(tmp.resolve("repo")))) {
            repo.commit("synthetic", "RELEASE-9.9.0", tree);

            JsonNode on = trace(repo.dir(), "--defconfig");
            assertThat(on.get("applicable").toString()).contains("dsn~foo~1");
            assertThat(on.get("dotConfigSha256").asString()).hasSize(64);
            // setup.c 1 + core.c 6 + foo.c 4 + bar.c 2 code lines; foo's 4 are traced
            assertThat(on.get("compiledCode").asInt()).isEqualTo(13);
            assertThat(on.get("tracedCode").asInt()).isEqualTo(4);

            JsonNode off = trace(repo.dir(), "--set", "FOO=n");
            assertThat(off.get("applicable").toString()).doesNotContain("dsn~foo~1");
            assertThat(off.get("compiledCode").asInt()).isEqualTo(7);
            assertThat(off.get("tracedCode").asInt()).isZero();
            assertThat(off.get("name").asString()).isEqualTo("arm64-defconfig + FOO=n");
            // foo is not compiled: its requirement does not apply, which does not fail the trace
            assertThat(JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8)).get("items").get(0)
                    .get("configurations").get("arm64-defconfig + FOO=n").get("verdict").asString())
                    .isEqualTo("not applicable");

            out.reset();
            assertThat(FusaCommandLine.run(new String[] {"trace", "--repo", repo.dir().toString(), "--ref",
                "RELEASE-9.9.0", "--arch", "arm64", "--set", "NO_SUCH=y"})).isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("CONFIG_NO_SUCH");
            assertThat(FusaCommandLine.run(new String[] {"trace", "--repo", repo.dir().toString(), "--defconfig"}))
                    .isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("need --arch");
        }
    }
}
