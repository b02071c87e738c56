package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.web.SyntheticRepository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code fusa sloc} contract: figures, JSON shape, exit codes and error messages. */
class FusaCommandLineTest {
    @TempDir Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

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

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void slocJsonIsShapedLikeClocJsonWithTheCommit() throws Exception {
        RevCommit c;
        try (SyntheticRepository repo = SyntheticRepository.create(tmp)) {
            c = repo.commit("one", "RELEASE-1", Map.of(
                    "xen/common/a.c", SyntheticRepository.cFile("a", 4),
                    "xen/include/a.h", "/* h */\nint a(void);\n",
                    "docs/readme.txt", "text\n"));
            repo.commit("two", null, Map.of("xen/common/b.c", SyntheticRepository.cFile("b", 9)));
            int code = FusaCommandLine.run(new String[] {"sloc", "--repo", repo.dir().toString(), "--ref", "RELEASE-1",
                    "--path", "xen/", "--json"});
            assertThat(code).as(err()).isZero();
        }
        JsonNode json = JsonMapper.builder().build().readTree(out());
        assertThat(json.get("commit").asString()).isEqualTo(c.name());
        assertThat(json.get("C").get("nFiles").asInt()).isEqualTo(1);
        assertThat(json.get("C").get("code").asInt()).isEqualTo(4);
        assertThat(json.get("C/C++ Header").get("code").asInt()).isEqualTo(1);
        assertThat(json.get("SUM").get("nFiles").asInt()).isEqualTo(2);
        assertThat(json.get("SUM").get("comment").asInt()).isEqualTo(2);
        assertThat(json.get("SUM").get("blank").asInt()).isEqualTo(1);
    }

    @Test
    void slocReadsAPlainFolderAndPrintsClocsTable() throws Exception {
        Files.createDirectories(tmp.resolve("src"));
        Files.writeString(tmp.resolve("src/x.c"), "int x;\n// c\n\nint y;\n");
        int code = FusaCommandLine.run(new String[] {"sloc", "--repo", tmp.toString()});
        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("(folder)").containsPattern("C\\s+1\\s+1\\s+1\\s+2");
        assertThat(out()).containsPattern("SUM:\\s+1\\s+1\\s+1\\s+2");
    }

    @Test
    void aMissingRepositoryIsBadInput() {
        int code = FusaCommandLine.run(new String[] {"sloc", "--repo", tmp.resolve("nope").toString()});
        assertThat(code).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err()).contains("repository (--repo) not found: " + tmp.resolve("nope"));
    }

    @Test
    void anUnknownRefIsBadInputNamingTheRef() throws Exception {
        try (SyntheticRepository repo = SyntheticRepository.create(tmp)) {
            repo.commit("one", null, Map.of("a.c", "int a;\n"));
            int code = FusaCommandLine.run(new String[] {"sloc", "--repo", repo.dir().toString(), "--ref", "v9"});
            assertThat(code).isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(err()).contains("unknown ref 'v9'");
        }
    }

    @Test
    void aRefOnAPlainFolderIsBadInput() {
        int code = FusaCommandLine.run(new String[] {"sloc", "--repo", tmp.toString(), "--ref", "main"});
        assertThat(code).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err()).contains("is not a git repository");
    }

    @Test
    void aUrlWithCredentialsIsBadInputAndItsPasswordIsNeverPrinted() {
        int code = FusaCommandLine.run(new String[] {"sloc", "--repo", "https://user:s3cret-pw@127.0.0.1:9/xen.git"});
        assertThat(code).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err()).contains("carries credentials").contains("https://***@127.0.0.1:9/xen.git")
                .doesNotContain("s3cret-pw");
        assertThat(out()).doesNotContain("s3cret-pw");
    }

    @Test
    void anSshUrlIsBadInputWithWhatToDoInstead() {
        // JGit without its SSH module failed with a NullPointerException (no SshSessionFactory)
        int code = FusaCommandLine.run(new String[] {"sloc", "--repo", "ssh://git@127.0.0.1:9/xen.git"});
        assertThat(code).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err()).contains("ssh URLs are not supported").contains("git clone --mirror")
                .doesNotContain("NullPointerException");
    }

    @Test
    void anUnknownOptionIsBadInput() {
        assertThat(FusaCommandLine.run(new String[] {"sloc", "--repo", ".", "--frobnicate"}))
                .isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err()).contains("Unknown option");
    }

    @Test
    void onlyKnownCommandsBypassTheWebApp() {
        assertThat(FusaCommandLine.isCommand(new String[] {"sloc"})).isTrue();
        assertThat(FusaCommandLine.isCommand(new String[] {})).isFalse();
        assertThat(FusaCommandLine.isCommand(new String[] {"--server.port=9090"})).isFalse();
    }

    @Test
    void theWebAppStartsOnlyWithNoCommandServeOrSpringOptions() {
        assertThat(FusaCommandLine.serverArguments(new String[] {})).hasValueSatisfying(a -> assertThat(a).isEmpty());
        assertThat(FusaCommandLine.serverArguments(new String[] {"--server.port=9090"}))
                .hasValueSatisfying(a -> assertThat(a).containsExactly("--server.port=9090"));
        assertThat(FusaCommandLine.serverArguments(new String[] {"serve", "--server.port=9090"}))
                .hasValueSatisfying(a -> assertThat(a).containsExactly("--server.port=9090"));
        assertThat(FusaCommandLine.serverArguments(new String[] {"slco", "--repo", "."})).isEmpty();
        assertThat(FusaCommandLine.serverArguments(new String[] {"sloc", "--repo", "."})).isEmpty();
        assertThat(FusaCommandLine.serverArguments(new String[] {"--server.port=9090", "slco"})).isEmpty();
        assertThat(FusaCommandLine.serverArguments(new String[] {"--help"})).isEmpty();
    }

    @Test
    void anUnknownCommandIsBadInputNamingItAndTheValidOnes() {
        assertThat(FusaCommandLine.run(new String[] {"slco", "--repo", "."})).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err()).contains("unknown command 'slco'")
                .contains("sloc, ingest, kconfig, config-sloc, trace, suggest-links, export, readiness, impact, misra, coverage, verify-evidence, qualify, bench, help")
                .contains("serve");
        assertThat(FusaCommandLine.run(new String[] {"--server.port=9090", "slco"})).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err()).contains("unknown command 'slco'");
    }

    @Test
    void helpListsTheCommandsAndServe() {
        assertThat(FusaCommandLine.run(new String[] {"help"})).isZero();
        assertThat(out()).contains("config-sloc").contains("serve");
    }
}
