package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.trace.RequirementService;

/** A requirement page shows Xen's "Comments:" apart from the rationale, both labelled. */
@IntegrationTest
class RequirementCommentsIntegrationTest {
    static final String RST = """
            Product requirements
            ====================

            Timer node
            ----------

            `XenProd~timer_node~1`

            Description:
            Xen shall describe the timer to domains.

            Rationale:
            Domains need a clock.

            Comments:
            Domains can detect the timer node.
            """;

    @LocalServerPort int port;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired RequirementService requirements;

    @Test
    void rationaleAndCommentsAreShownApart() throws Exception {
        TraceFixture fixture = new TraceFixture(registrar, ingest, jobs, snapshots, users, encoder);
        SyntheticRepository repo = TraceFixture.newRepository();
        Map<String, String> files = new HashMap<>(SyntheticKconfig.FILES);
        files.put("docs/fusa/reqs/product.rst", RST);
        repo.commit("one", "RELEASE-1.0", files);
        repo.close();
        SourceRepository r = fixture.registerAndIngest("comments-repo", repo);
        long sid = fixture.snapshot(r, "RELEASE-1.0").getId();
        requirements.importSnapshot(sid, TraceFixture.ENGINEER);

        String html = WebSession.login(port, "admin", "test-admin-password")
                .get("/trace/" + sid + "/items/XenProd~timer_node~1").body();
        assertThat(html).contains("<h2>Rationale</h2><p class=\"pre\" id=\"rationale\">Domains need a clock.</p>");
        assertThat(html).contains("<h2>Comments</h2><p class=\"pre\" id=\"comments\">Domains can detect the timer node.</p>");
    }
}
