package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xenfusa.cli.FusaCommandLine;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.web.ingest.RepositoryRegistrar;

/** {@code fusa ingest} against the running app: the job is followed on stderr and its end is the exit code. */
@IntegrationTest
class IngestCommandIntegrationTest {
    @LocalServerPort int port;
    @Autowired RepositoryRegistrar registrar;
    @Autowired SnapshotRepository snapshots;

    private record Run(int code, String out, String err) {
    }

    private static Run fusa(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = FusaCommandLine.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void ingestsThroughTheApiAndFollowsTheJob() throws Exception {
        try (SyntheticRepository repo = SyntheticRepository.create(Files.createTempDirectory("fusa-ingest-cli"))) {
            repo.commit("one", "RELEASE-7.0", Map.of("xen/a.c", SyntheticRepository.cFile("a", 3)));
            repo.commit("two", "RELEASE-7.1", Map.of("xen/b.c", SyntheticRepository.cFile("b", 4)));
            SourceRepository r = registrar.register("cli-ingest-repo", repo.dir().toString(), "tester");
            String server = "http://localhost:" + port;

            Run ok = fusa("ingest", "--server", server, "--user", "admin", "--password", "test-admin-password",
                    "--repository", "cli-ingest-repo", "--tags", "RELEASE-7.*", "--json");
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(ok.err()).contains("SUCCEEDED").contains("2 ref(s)");
            assertThat(ok.out()).contains("\"state\":\"SUCCEEDED\"");

            // without --json: readable lines, no JSON
            Run readable = fusa("ingest", "--server", server, "--user", "admin", "--password", "test-admin-password",
                    "--repository", "cli-ingest-repo", "--tags", "RELEASE-7.*");
            assertThat(readable.code()).as(readable.err()).isZero();
            assertThat(readable.out()).startsWith("ingest job ").contains("SUCCEEDED").doesNotContain("{");
            assertThat(readable.err()).doesNotContain("{");
            assertThat(snapshots.countByRepositoryId(r.getId())).isEqualTo(2);

            Run unknownRef = fusa("ingest", "--server", server, "--user", "admin", "--password", "test-admin-password",
                    "--repository", "cli-ingest-repo", "--ref", "no-such-ref");
            assertThat(unknownRef.code()).isEqualTo(FusaCommandLine.CHECK_FAILED);
            assertThat(unknownRef.err()).contains("FAILED").contains("unknown ref 'no-such-ref'");

            Run badLogin = fusa("ingest", "--server", server, "--user", "admin", "--password", "wrong",
                    "--repository", "cli-ingest-repo", "--default-branch");
            assertThat(badLogin.code()).isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(badLogin.err()).contains("refused the login");

            Run noRepo = fusa("ingest", "--server", server, "--user", "admin", "--password", "test-admin-password",
                    "--repository", "nothing-here", "--default-branch");
            assertThat(noRepo.code()).isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(noRepo.err()).contains("no repository named 'nothing-here'");
        }
    }
}
