package org.xenfusa.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.xenfusa.model.exports.ExportFormat;
import org.xenfusa.model.exports.ExportJob;
import org.xenfusa.model.exports.ExportJobRepository;
import org.xenfusa.model.exports.ExportState;
import org.xenfusa.model.source.RepositoryKind;
import org.xenfusa.model.source.SourceRepository;

/** The export worker's single-row updates, guards included. */
@ModelSliceTest
class ExportJobRepositoryTest {
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T10:05:00Z");

    @Autowired
    ExportJobRepository jobs;

    @Autowired
    TestEntityManager em;

    private Long repositoryId;

    @BeforeEach
    void repository() {
        repositoryId = em.persistAndFlush(new SourceRepository("export-repo-" + System.nanoTime(), "/tmp/x",
                RepositoryKind.LOCAL, "/tmp/x/.git", "tester")).getId();
    }

    private Long queued() {
        // one active export per input key: each job here exports something else
        return em.persistAndFlush(new ExportJob(repositoryId, "master", ExportFormat.XLSX, "{}",
                "key-" + System.nanoTime(), "tester", T1)).getId();
    }

    private ExportJob reread(Long id) {
        em.clear();
        return em.find(ExportJob.class, id);
    }

    @Test
    void markRunningStartsAQueuedJobOnce() {
        Long id = queued();

        assertThat(jobs.markRunning(id, T1)).isEqualTo(1);
        assertThat(reread(id).getState()).isEqualTo(ExportState.RUNNING);
        assertThat(reread(id).getStartedAt()).isEqualTo(T1);

        // a second worker picking up the same job must not restart it
        assertThat(jobs.markRunning(id, T2)).isZero();
        assertThat(reread(id).getStartedAt()).isEqualTo(T1);
    }

    @Test
    void markRunningLeavesAFinishedJobAlone() {
        Long id = queued();
        jobs.fail(id, T1, "broken");

        assertThat(jobs.markRunning(id, T2)).isZero();
        ExportJob job = reread(id);
        assertThat(job.getState()).isEqualTo(ExportState.FAILED);
        assertThat(job.getStartedAt()).isNull();
    }

    @Test
    void markRunningOfAnUnknownJobChangesNothing() {
        assertThat(jobs.markRunning(-1L, T1)).isZero();
    }

    @Test
    void progressSetsPercentAndStepOfThatJobOnly() {
        Long id = queued();
        Long other = queued();

        assertThat(jobs.progress(id, 40, "writing sheets")).isEqualTo(1);
        assertThat(reread(id).getPercent()).isEqualTo(40);
        assertThat(reread(id).getStep()).isEqualTo("writing sheets");
        assertThat(reread(other).getPercent()).isZero();
        assertThat(reread(other).getStep()).isEmpty();
    }

    @Test
    void succeedRecordsTheFileAndCompletesProgress() {
        Long id = queued();
        jobs.markRunning(id, T1);
        jobs.progress(id, 70, "hashing");

        assertThat(jobs.succeed(id, T2, "abc123", "trace.xlsx", "f00d", 4096L)).isEqualTo(1);
        ExportJob job = reread(id);
        assertThat(job.getState()).isEqualTo(ExportState.SUCCEEDED);
        assertThat(job.getFinishedAt()).isEqualTo(T2);
        assertThat(job.getCommitSha()).isEqualTo("abc123");
        assertThat(job.getFileName()).isEqualTo("trace.xlsx");
        assertThat(job.getSha256()).isEqualTo("f00d");
        assertThat(job.getSizeBytes()).isEqualTo(4096L);
        assertThat(job.getPercent()).isEqualTo(100);
        assertThat(job.getStep()).isEmpty();
    }

    @Test
    void failRecordsTheMessageAndTime() {
        Long id = queued();
        jobs.markRunning(id, T1);

        assertThat(jobs.fail(id, T2, "no such ref")).isEqualTo(1);
        ExportJob job = reread(id);
        assertThat(job.getState()).isEqualTo(ExportState.FAILED);
        assertThat(job.getFinishedAt()).isEqualTo(T2);
        assertThat(job.getMessage()).isEqualTo("no such ref");
        assertThat(job.getFileName()).isEmpty();
    }

    @Test
    void aDeadWorkersExportIsRequeuedAtMostMaxTimesAndAStopsHandBackIsNotCounted() {
        Long id = queued();
        jobs.markRunning(id, T1);
        jobs.progress(id, 40, "configuration a");

        assertThat(jobs.requeue(id, 0, 2, "handed back")).isEqualTo(1);
        ExportJob job = reread(id);
        assertThat(job.getState()).isEqualTo(ExportState.QUEUED);
        assertThat(job.getPercent()).isZero();
        assertThat(job.getMessage()).isEqualTo("handed back");
        assertThat(jobs.takeovers(id)).isZero();
        assertThat(jobs.markRunning(id, T2)).as("the next worker starts it again").isEqualTo(1);

        assertThat(jobs.requeue(id, 1, 2, "taken over")).isEqualTo(1);
        jobs.markRunning(id, T2);
        assertThat(jobs.requeue(id, 1, 2, "taken over")).isEqualTo(1);
        jobs.markRunning(id, T2);
        assertThat(jobs.takeovers(id)).isEqualTo(2);
        assertThat(jobs.requeue(id, 1, 2, "taken over")).as("a third takeover").isZero();
        assertThat(reread(id).getState()).isEqualTo(ExportState.RUNNING);
    }

    @Test
    void aWorkerThatWasTakenOverCannotOverwriteTheEndOfItsExport() {
        Long id = queued();
        jobs.markRunning(id, T1);
        assertThat(jobs.succeed(id, T2, "abc123", "trace.xlsx", "f00d", 4096L)).isEqualTo(1);

        // the worker presumed dead ends later: neither its failure nor its success replaces the stored end
        assertThat(jobs.fail(id, T2, "duplicate key")).isZero();
        assertThat(jobs.succeed(id, T2, "def456", "other.xlsx", "beef", 1L)).isZero();
        assertThat(jobs.requeue(id, 1, 2, "taken over")).isZero();
        ExportJob job = reread(id);
        assertThat(job.getState()).isEqualTo(ExportState.SUCCEEDED);
        assertThat(job.getSha256()).isEqualTo("f00d");
    }
}
