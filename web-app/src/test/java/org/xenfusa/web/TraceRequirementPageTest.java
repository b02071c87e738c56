package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.cli.FusaCommandLine;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.trace.LinkService;
import org.xenfusa.web.trace.RequirementService;

/**
 * A requirement page with 200 code links shows every one of them, and {@code fusa bench page} (the
 * program that times such a page) and {@code fusa bench load} (many users at once) log in and read it, or say why
 * they cannot. No time is asserted.
 */
@IntegrationTest
class TraceRequirementPageTest {
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired ConfigurationService configurations;
    @Autowired RequirementService requirements;
    @Autowired LinkService links;
    @LocalServerPort int port;

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
    void requirementPageWithTwoHundredLinksShowsThemAll() throws Exception {
        TraceFixture fixture = new TraceFixture(registrar, ingest, jobs, snapshots, users, encoder);
        StringBuilder many = new StringBuilder("/* many small functions */\n");
        for (int i = 0; i < 200; i++) {
            many.append("int many_").append(i).append("(int x)\n{\n    x += ").append(i).append(";\n    return x * 2;\n}\n\n");
        }
        Map<String, String> files = TraceFixture.tree(1, TraceFixture.FA_C.replace("int fa;\n", "int fa;\n" + many));
        Snapshot s;
        try (SyntheticRepository repo = TraceFixture.newRepository()) {
            repo.commit("one", "RELEASE-1", files);
            s = fixture.snapshot(fixture.registerAndIngest("trace-many-links", repo), "RELEASE-1");
        }
        configurations.create(new ConfigurationForm("trace-many-links-cfg", s.getRepository().getId(), "RELEASE-1", "x86_64",
                StartKind.DEFCONFIG, "", "", "", ""), "tester");
        requirements.importSnapshot(s.getId(), "admin");
        for (int i = 0; i < 200; i++) {
            links.linkFunction(s.getId(), "XenSwdgn~fa_start~1", "xen/common/fa.c", "many_" + i, Optional.empty(),
                    TraceFixture.ENGINEER);
        }
        String path = "/trace/" + s.getId() + "/items/XenSwdgn~fa_start~1";

        String page = WebSession.login(port, "admin", "test-admin-password").get(path).body();
        assertThat(page.split("class=\"card anchor\"", -1).length - 1).isEqualTo(200);

        String server = "http://localhost:" + port;
        Run bench = fusa("bench", "page", "--server", server, "--user", "admin", "--password", "test-admin-password",
                "--path", path, "--warmups", "0", "--runs", "1");
        assertThat(bench.code()).as(bench.err()).isZero();
        assertThat(bench.out()).startsWith(path + ": ").contains("first request").contains("1 requests after 0 warm-ups");

        Run missing = fusa("bench", "page", "--server", server, "--user", "admin", "--password", "test-admin-password",
                "--path", "/trace/" + s.getId() + "/items/XenSwdgn~no_such~1", "--runs", "1");
        assertThat(missing.code()).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(missing.err()).contains("HTTP 404");

        Run badLogin = fusa("bench", "page", "--server", server, "--user", "admin", "--password", "wrong",
                "--path", path);
        assertThat(badLogin.code()).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(badLogin.err()).contains("login as admin on " + server + " refused");

        // fusa bench load: users of their own sessions on the pages in turn; the figures are printed, not asserted
        Run load = fusa("bench", "load", "--server", server, "--user", "admin", "--password", "test-admin-password",
                "--path", path, "--path", "/jobs", "--users", "2", "--seconds", "1", "--warmup-seconds", "0");
        assertThat(load.code()).as(load.err()).isZero();
        assertThat(load.out()).startsWith("2 users for 1 s (after 0 s of warm-up)").contains("  " + path + " ")
                .contains("  /jobs ").contains("  all pages ").contains("p95").contains("errors: 0 of ");
        Run loadMissing = fusa("bench", "load", "--server", server, "--user", "admin", "--password",
                "test-admin-password", "--path", "/no/such/page", "--users", "1", "--seconds", "1");
        assertThat(loadMissing.code()).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(loadMissing.err()).contains(server + "/no/such/page: HTTP 404");
        Run noUsers = fusa("bench", "load", "--server", server, "--user", "admin", "--password", "test-admin-password",
                "--path", "/", "--users", "0");
        assertThat(noUsers.code()).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(noUsers.err()).contains("--users and --seconds must be at least 1");
    }
}
