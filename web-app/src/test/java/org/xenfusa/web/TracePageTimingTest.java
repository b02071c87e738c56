package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.trace.LinkService;
import org.xenfusa.web.trace.RequirementService;

/**
 * Prints how long a requirement page with 200 code links takes to serve warm (a figure to report,
 * never a pass/fail on time); it checks only that the page shows all 200 anchors.
 */
@IntegrationTest
class TracePageTimingTest {
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired ConfigurationService configurations;
    @Autowired RequirementService requirements;
    @Autowired LinkService links;
    @Autowired org.xenfusa.web.trace.TracePages pages;
    @LocalServerPort int port;

    @Test
    void requirementPageWithTwoHundredLinks() throws Exception {
        TraceFixture fixture = new TraceFixture(registrar, ingest, jobs, snapshots, users, encoder);
        StringBuilder many = new StringBuilder("/* many small functions */\n");
        for (int i = 0; i < 200; i++) {
            many.append("int many_").append(i).append("(int x)\n{\n    x += ").append(i).append(";\n    return x * 2;\n}\n\n");
        }
        Map<String, String> files = TraceFixture.tree(1, TraceFixture.FA_C.replace("int fa;\n", "int fa;\n" + many));
        Snapshot s;
        try (SyntheticRepository repo = TraceFixture.newRepository()) {
            repo.commit("one", "RELEASE-1", files);
            s = fixture.snapshot(fixture.registerAndIngest("trace-timing", repo), "RELEASE-1");
        }
        configurations.create("trace-timing-cfg", s.getRepository().getId(), "RELEASE-1", "x86_64", StartKind.DEFCONFIG,
                "", "", "", "", "tester");
        requirements.importSnapshot(s.getId(), "admin");
        for (int i = 0; i < 200; i++) {
            links.linkFunction(s.getId(), "XenSwdgn~fa_start~1", "xen/common/fa.c", "many_" + i, Optional.empty(),
                    TraceFixture.ENGINEER);
        }
        WebSession web = WebSession.login(port, "admin", "test-admin-password");
        String path = "/trace/" + s.getId() + "/items/XenSwdgn~fa_start~1";
        long t0 = System.nanoTime();
        String first = web.get(path).body();
        long coldMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(first.split("class=\"card anchor\"", -1).length - 1).isEqualTo(200);
        for (int i = 0; i < 30; i++) { // let the JIT compile the page's code paths first
            web.get(path);
        }
        long v0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            pages.requirement(s.getId(), "XenSwdgn~fa_start~1");
        }
        System.out.printf("%nREQUIREMENT PAGE MODEL (no HTML), 200 code links: %.1f ms a call%n",
                (System.nanoTime() - v0) / 20 / 1e6);
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            assertThat(web.get(path).statusCode()).isEqualTo(200);
            warm.add((System.nanoTime() - t) / 1_000);
        }
        long[] sorted = warm.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%nREQUIREMENT PAGE, 200 code links: cold %d ms; warm median %.1f ms, min %.1f ms, max %.1f ms "
                + "(20 requests, %d KB; test profile re-parses templates: spring.thymeleaf.cache=false)%n%n", coldMs,
                sorted[sorted.length / 2] / 1000.0, sorted[0] / 1000.0, sorted[sorted.length - 1] / 1000.0,
                first.length() / 1024);
        System.out.println("warm samples (us): " + Arrays.toString(sorted));
    }
}
