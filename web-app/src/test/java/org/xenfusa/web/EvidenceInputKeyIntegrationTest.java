package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.web.analysis.AnalysisComputer;
import org.xenfusa.web.analysis.AnalysisKind;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.coverage.CoverageService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.misra.MisraService;

/**
 * A stored readiness result is not current once the evidence its gates read has changed: coverage data imported, a
 * coverage level set, MISRA findings imported each give readiness another input key (so the dashboard computes it
 * again instead of showing the gates from before), while the SLOC and trace keys, which read none of them, stay.
 */
@IntegrationTest
class EvidenceInputKeyIntegrationTest {
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository ingestJobs;
    @Autowired ConfigurationService configurations;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired SnapshotRepository snapshots;
    @Autowired AnalysisComputer computer;
    @Autowired CoverageService coverage;
    @Autowired MisraService misra;

    @Test
    void coverageDataALevelAndMisraFindingsMakeStoredReadinessStale() throws Exception {
        ExportFixture.users(users, encoder);
        SourceRepository repository = ExportFixture.create("evidence-key-repo", registrar, ingest, ingestJobs);
        SavedConfiguration config = configurations.create(new ConfigurationForm("evidence-key", repository.getId(),
                "RELEASE-2.0", "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");
        Snapshot s = snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(repository.getId(),
                "RELEASE-2.0").orElseThrow();
        Optional<Snapshot> previous = Optional.empty();
        String readiness = computer.inputKey(AnalysisKind.READINESS, s, config, previous, computer.inputs());
        String trace = computer.inputKey(AnalysisKind.TRACE, s, config, previous, computer.inputs());
        String sloc = computer.inputKey(AnalysisKind.SLOC, s, config, previous, computer.inputs());

        byte[] lcov = "SF:xen/common/fa.c\nDA:1,1\nend_of_record\n".getBytes(StandardCharsets.UTF_8);
        CoverageService.Outcome o = coverage.importData(s.getId(), config.getId(), List.of(new CoverageService.Upload(
                "fa.info", () -> new ByteArrayInputStream(lcov))), "t", "", "tester");
        assertThat(o.problems()).isEmpty();
        assertThat(o.stored()).hasSize(1);
        String afterData = computer.inputKey(AnalysisKind.READINESS, s, config, previous, computer.inputs());
        assertThat(afterData).isNotEqualTo(readiness);

        coverage.setLevel(config.getId(), "DAL_C", "tester");
        String afterLevel = computer.inputKey(AnalysisKind.READINESS, s, config, previous, computer.inputs());
        assertThat(afterLevel).isNotEqualTo(afterData);

        String misraKey = computer.inputKey(AnalysisKind.MISRA, s, config, previous, computer.inputs());
        misra.importFindings(s.getId(), config.getId(), "m.txt", "xen/common/fa.c(1,1):misra-c2012-8.4:style:x\n"
                .getBytes(StandardCharsets.UTF_8), "tester");
        assertThat(computer.inputKey(AnalysisKind.READINESS, s, config, previous, computer.inputs()))
                .isNotEqualTo(afterLevel);
        assertThat(computer.inputKey(AnalysisKind.MISRA, s, config, previous, computer.inputs())).isNotEqualTo(misraKey);

        assertThat(computer.inputKey(AnalysisKind.TRACE, s, config, previous, computer.inputs())).isEqualTo(trace);
        assertThat(computer.inputKey(AnalysisKind.SLOC, s, config, previous, computer.inputs())).isEqualTo(sloc);
    }
}
