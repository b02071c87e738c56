package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.trace.policy.TracePolicyException;
import org.xenfusa.trace.report.RequirementTrace;
import org.xenfusa.trace.report.Verdict;
import org.xenfusa.web.analysis.AnalysisComputer;
import org.xenfusa.web.analysis.AnalysisKind;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.exports.EvidenceService;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.trace.TracePolicyService;
import org.xenfusa.web.trace.TraceService;

/**
 * A repository's trace policy in the web app: the default (oft), an ADMIN's edit that changes the verdicts, the pages
 * and the evidence that name it, stored results keyed by it, a bad policy refused with its line and the previous one
 * kept, a VIEWER who can read but not edit, and the history.
 */
@IntegrationTest
class TracePolicyIntegrationTest {
    static SourceRepository repository;
    static SavedConfiguration config;

    /** The fixture's design item needs impl (a tag in fa.c covers it); this policy also asks for a unit test. */
    static final String STRICT = """
            name: strict
            version: "3"
            types:
              dsn:
                needs: [impl, utest]
            """;

    @LocalServerPort int port;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository ingestJobs;
    @Autowired ConfigurationService configurations;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired SnapshotRepository snapshots;
    @Autowired TracePolicyService policies;
    @Autowired TraceService traces;
    @Autowired AnalysisComputer computer;
    @Autowired EvidenceService evidence;

    @BeforeEach
    void fixture() throws Exception {
        ExportFixture.users(users, encoder);
        if (repository == null) {
            repository = ExportFixture.create("policy-repo", registrar, ingest, ingestJobs);
            config = configurations.create(new ConfigurationForm("policy-default", repository.getId(), "RELEASE-2.0",
                    "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");
        }
    }

    private RequirementTrace featureA(Snapshot s) throws Exception {
        return traces.report(traces.trace(s.getId()), List.of(config), new LinkedHashMap<>())
                .requirement("dsn~feature-a~1").orElseThrow();
    }

    @Test
    void anAdminsPolicyChangesVerdictsPagesKeysAndEvidenceABadOneChangesNothing() throws Exception {
        long rid = repository.getId();
        Snapshot s = snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(rid, "RELEASE-2.0").orElseThrow();
        Optional<Snapshot> previous = snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(rid,
                "RELEASE-1.0");
        // the default: OpenFastTrace's rules, nothing stored
        assertThat(policies.policy(rid).name()).isEqualTo("oft");
        assertThat(policies.history(rid)).isEmpty();
        assertThat(featureA(s).verdict("policy-default")).isEqualTo(Verdict.COVERED);
        String keyUnderOft = computer.inputKey(AnalysisKind.TRACE, s, config, previous, computer.inputs());

        ExportSession viewer = ExportFixture.login(port, Role.VIEWER);
        String page = "/trace/repositories/" + rid + "/policy";
        String viewed = viewer.get(page).body();
        assertThat(viewed).contains("id=\"policy-view\"").doesNotContain("id=\"policy-form\"")
                .contains(TracePolicy.oft().label()).contains("policy-default");
        assertThat(viewer.post(page, "text=" + ExportSession.enc(STRICT), "/trace").statusCode()).isEqualTo(403);
        assertThat(viewer.post(page + "/shipped", "name=xen", "/trace").statusCode()).isEqualTo(403);
        assertThat(policies.policy(rid).name()).isEqualTo("oft");

        // a bad policy: every problem with its line, nothing stored
        ExportSession admin = ExportFixture.login(port, Role.ADMIN);
        String bad = "name: broken\ntypes:\n  dsn:\n    covered-by: [req]\n    wants: [x]\n";
        assertThat(admin.post(page, "text=" + ExportSession.enc(bad), page).statusCode()).isEqualTo(302);
        String refused = admin.get(page).body();
        assertThat(refused).contains("Not saved, the previous policy stays").contains("trace-policy.yaml:5: unknown key")
                .contains("wants: [x]");
        assertThatThrownBy(() -> policies.update(rid, "name: x\ntypes:\n  A:\n    covered-by: [B]\n  B:\n"
                + "    covered-by: [A]\n", "test")).isInstanceOf(TracePolicyException.class)
                .hasMessageContaining("trace-policy.yaml:4: cycle in covered-by: A covered-by B covered-by A");
        assertThat(policies.policy(rid).name()).isEqualTo("oft");
        assertThat(policies.history(rid)).isEmpty();

        // a good one: verdicts, the page's policy line, the analysis key and the evidence follow it
        assertThat(admin.post(page, "text=" + ExportSession.enc(STRICT), page).statusCode()).isEqualTo(302);
        TracePolicy strict = policies.policy(rid);
        assertThat(strict.name()).isEqualTo("strict");
        assertThat(strict.text()).isEqualTo(STRICT);
        RequirementTrace a = featureA(s);
        assertThat(a.verdict("policy-default")).isEqualTo(Verdict.UNCOVERED);
        assertThat(a.reason("policy-default")).isEqualTo("not covered by utest");
        assertThat(admin.get("/trace/" + s.getId()).body()).contains("id=\"trace-policy\"").contains(strict.label());
        assertThat(admin.get("/trace/" + s.getId() + "/items/dsn~feature-a~1").body()).contains(strict.label())
                .contains("not covered by utest");
        assertThat(computer.inputKey(AnalysisKind.TRACE, s, config, previous, computer.inputs()))
                .isNotEqualTo(keyUnderOft);
        ReleaseEvidence ev = evidence.evidence(new EvidenceRequest(rid, "RELEASE-2.0", List.of(config.getId()),
                List.of(), "http://localhost", Instant.parse("2026-12-01T00:00:00Z")), Optional.empty(),
                EvidenceService.Progress.NONE);
        assertThat(ev.context().tracePolicy().sha256()).isEqualTo(strict.sha256());
        assertThat(ev.requirements()).filteredOn(r -> r.id().equals("dsn~feature-a~1")).singleElement()
                .satisfies(r -> assertThat(r.reason("policy-default")).isEqualTo("not covered by utest"));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                org.xenfusa.exports.xlsx.AssessorWorkbook.write(ev)))) {
            StringBuilder about = new StringBuilder();
            wb.getSheet("About").forEach(r -> r.forEach(c -> about.append(c).append('\t')));
            assertThat(about).contains("Trace policy SHA-256\t" + strict.sha256());
            StringBuilder reasons = new StringBuilder();
            wb.getSheet("Verdict reasons").forEach(r -> r.forEach(c -> reasons.append(c).append('\t')));
            assertThat(reasons).contains("policy-default\tdsn~feature-a~1\tUNCOVERED\tnot covered by utest");
        }

        // one click for a shipped policy; the history keeps who stored which
        assertThat(admin.post(page + "/shipped", "name=xen", page).statusCode()).isEqualTo(302);
        assertThat(policies.policy(rid).sha256()).isEqualTo(TracePolicy.xen().sha256());
        assertThat(policies.history(rid)).extracting(TracePolicyService.Change::name, TracePolicyService.Change::who)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("xen", "export-admin"),
                        org.assertj.core.groups.Tuple.tuple("strict", "export-admin"));
        assertThat(viewer.get(page).body()).contains(TracePolicy.xen().label()).contains("policy-history");
    }
}
