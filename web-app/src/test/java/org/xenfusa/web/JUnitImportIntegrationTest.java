package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.trace.TestEvidenceService;

/**
 * A JUnit XML upload is imported as a stream: a file of 300,000 cases made on the fly (never one array) is stored
 * case by case in batches, and a file that breaks after thousands of cases leaves nothing stored.
 */
// [utest->dsn~junit-import~1] [utest->err~results-misread~1]
@IntegrationTest
class JUnitImportIntegrationTest {
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired ConfigurationService configurations;
    @Autowired TestEvidenceService evidence;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aLargeFileIsStoredAsAStreamAndABrokenOneLeavesNothing() throws Exception {
        TraceFixture fixture = new TraceFixture(registrar, ingest, jobs, snapshots, users, encoder);
        Snapshot s;
        try (SyntheticRepository repo = TraceFixture.newRepository()) {
            repo.commit("one", "RELEASE-1", TraceFixture.tree(1, TraceFixture.FA_C));
            s = fixture.snapshot(fixture.registerAndIngest("junit-stream", repo), "RELEASE-1");
        }
        SavedConfiguration cfg = configurations.create(new org.xenfusa.web.config.ConfigurationForm("junit-stream-cfg",
                s.getRepository().getId(), "RELEASE-1", "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");

        int n = 300_000;
        TestEvidenceService.Outcome ok = evidence.importJUnit(s.getId(), cfg.getId(), "big.xml", generated(n, true),
                "admin");
        assertThat(ok.problem()).isEmpty();
        assertThat(ok.cases()).isEqualTo(n);
        long fileId = ok.stored().orElseThrow().getId();
        assertThat(ok.stored().get().getSha256()).hasSize(64);
        assertThat(jdbc.queryForObject("select count(*) from test_case_result where result_file_id = ?", Long.class,
                fileId)).isEqualTo(n);
        assertThat(jdbc.queryForObject("select count(*) from test_case_result where result_file_id = ? and outcome ="
                + " 'FAILED'", Long.class, fileId)).isEqualTo(n / 1000);

        long filesBefore = jdbc.queryForObject("select count(*) from test_result_file", Long.class);
        long casesBefore = jdbc.queryForObject("select count(*) from test_case_result", Long.class);
        TestEvidenceService.Outcome broken = evidence.importJUnit(s.getId(), cfg.getId(), "broken.xml",
                generated(5_000, false), "admin");
        assertThat(broken.problem().orElseThrow()).startsWith("broken.xml:").contains("not a well-formed XML");
        assertThat(jdbc.queryForObject("select count(*) from test_result_file", Long.class)).isEqualTo(filesBefore);
        assertThat(jdbc.queryForObject("select count(*) from test_case_result", Long.class)).isEqualTo(casesBefore);
    }

    /** {@code n} cases, one in 1,000 failing; without its end tags when not {@code complete}. */
    private static InputStream generated(int n, boolean complete) {
        Iterator<InputStream> parts = IntStream.rangeClosed(0, n + 1).mapToObj(i -> {
            String text = i == 0 ? "<?xml version=\"1.0\"?>\n<testsuite name=\"big\">\n"
                    : i == n + 1 ? (complete ? "</testsuite>\n" : "<testcase name=\"cut")
                    : "<testcase classname=\"fa\" name=\"c" + i + "\" time=\"0.001\">"
                            + (i % 1000 == 0 ? "<failure/>" : "") + "</testcase>\n";
            return (InputStream) new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }).iterator();
        return new SequenceInputStream(new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return parts.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return parts.next();
            }
        });
    }
}
