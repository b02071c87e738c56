package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.ingest.IngestJob;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.ingest.IngestState;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;

/**
 * The export and readiness tests' repository: the synthetic Kconfig/Kbuild tree with two design requirements, one
 * implemented in fa.c (compiled with FEATURE_A); tags RELEASE-1.0 and RELEASE-2.0 (fa.c grows, a requirement is
 * added), ingested; and one user per role.
 */
final class ExportFixture {
    static final String DESIGN_1 = """
            # Design

            `dsn~feature-a~1`

            Feature A works.

            Needs: impl
            """;
    static final String DESIGN_2 = DESIGN_1 + """

            `dsn~limit~1`

            The limit is honoured.

            Needs: impl
            """;

    private ExportFixture() {
    }

    /** Creates the repository, registers it under {@code name} and ingests its tags. */
    static SourceRepository create(String name, RepositoryRegistrar registrar, IngestService ingest,
            IngestJobRepository jobs) throws Exception {
        SyntheticRepository repo = SyntheticRepository.create(Files.createTempDirectory("fusa-" + name));
        Map<String, String> files = new HashMap<>(SyntheticKconfig.FILES);
        files.putAll(SyntheticKconfig.BUILD);
        files.put("docs/fusa/reqs/design.md", DESIGN_1);
        files.put("xen/common/fa.c", "/* feature A [impl->dsn~feature-a~1] */\nint fa;\nint fa2;\n");
        repo.commit("one", "RELEASE-1.0", files);
        repo.commit("two", "RELEASE-2.0", Map.of("docs/fusa/reqs/design.md", DESIGN_2, "xen/common/fa.c",
                "/* feature A [impl->dsn~feature-a~1] */\nint fa;\nint fa2;\nint fa3;\nint fa4;\n"));
        repo.close();
        SourceRepository r = registrar.register(name, repo.dir().toString(), "tester");
        IngestJob job = ingest.request(r.getId(), IngestMode.TAGS, "RELEASE-*", "tester");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && jobs.findById(job.getId()).orElseThrow().getState().isActive()) {
            Thread.sleep(100);
        }
        assertThat(jobs.findById(job.getId()).orElseThrow().getState()).isEqualTo(IngestState.SUCCEEDED);
        return r;
    }

    static void users(AppUserRepository users, PasswordEncoder encoder) {
        for (Role role : Role.values()) {
            String user = "export-" + role.name().toLowerCase();
            if (users.findByUsername(user).isEmpty()) {
                users.save(new AppUser(user, encoder.encode(user + "-password"), role));
            }
        }
    }

    static ExportSession login(int port, Role role) throws Exception {
        String user = "export-" + role.name().toLowerCase();
        return ExportSession.login(port, user, user + "-password");
    }
}
