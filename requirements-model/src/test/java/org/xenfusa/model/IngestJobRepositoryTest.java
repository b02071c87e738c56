package org.xenfusa.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.xenfusa.model.ingest.IngestJob;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.ingest.IngestState;
import org.xenfusa.model.source.RepositoryKind;
import org.xenfusa.model.source.SourceRepository;

/** The ingest worker's single-row updates and the cancellation flag. */
@ModelSliceTest
class IngestJobRepositoryTest {
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-01T10:05:00Z");

    @Autowired
    IngestJobRepository jobs;

    @Autowired
    TestEntityManager em;

    private Long repositoryId;

    @BeforeEach
    void repository() {
        repositoryId = em.persistAndFlush(new SourceRepository("ingest-repo-" + System.nanoTime(), "/tmp/y",
                RepositoryKind.LOCAL, "/tmp/y/.git", "tester")).getId();
    }

    private Long queued() {
        // one active job per repository, mode and ref: each job here asks for another ref
        return em.persistAndFlush(new IngestJob(repositoryId, IngestMode.REF, "ref-" + System.nanoTime(), "tester"))
                .getId();
    }

    private IngestJob reread(Long id) {
        em.clear();
        return em.find(IngestJob.class, id);
    }

    @Test
    void markRunningStartsTheJobAndClearsAnEarlierMessage() {
        Long id = queued();
        em.getEntityManager().createNativeQuery("update ingest_job set message = 'waiting for a worker' where id = ?")
                .setParameter(1, id).executeUpdate();

        assertThat(jobs.markRunning(id, T2)).isEqualTo(1);
        IngestJob job = reread(id);
        assertThat(job.getState()).isEqualTo(IngestState.RUNNING);
        assertThat(job.getStartedAt()).isEqualTo(T2);
        assertThat(job.getMessage()).isNull();
        assertThat(jobs.markRunning(-1L, T2)).isZero();
    }

    @Test
    void progressRecordsEveryCounterOfThatJobOnly() {
        Long id = queued();
        Long other = queued();

        assertThat(jobs.progress(id, 5, 2, 1000, 400, 350, "RELEASE-4.21.0", 123.5)).isEqualTo(1);
        IngestJob job = reread(id);
        assertThat(job.getRefsTotal()).isEqualTo(5);
        assertThat(job.getRefsDone()).isEqualTo(2);
        assertThat(job.getFilesTotal()).isEqualTo(1000);
        assertThat(job.getFilesDone()).isEqualTo(400);
        assertThat(job.getFilesCounted()).isEqualTo(350);
        assertThat(job.getCurrentRef()).isEqualTo("RELEASE-4.21.0");
        assertThat(job.getFilesPerSecond()).isEqualTo(123.5);
        assertThat(reread(other).getFilesDone()).isZero();
        assertThat(reread(other).getCurrentRef()).isNull();
    }

    @Test
    void finishSetsTheGivenStateTimeAndMessage() {
        Long id = queued();
        jobs.markRunning(id, T1);

        assertThat(jobs.finish(id, IngestState.SUCCEEDED, T2, "3 snapshots")).isEqualTo(1);
        IngestJob job = reread(id);
        assertThat(job.getState()).isEqualTo(IngestState.SUCCEEDED);
        assertThat(job.getFinishedAt()).isEqualTo(T2);
        assertThat(job.getMessage()).isEqualTo("3 snapshots");
        assertThat(job.getStartedAt()).isEqualTo(T1);
    }

    @Test
    void requestCancelRaisesTheFlagThatIsCancelRequestedReads() {
        Long id = queued();
        Long other = queued();
        assertThat(jobs.isCancelRequested(id)).isFalse();

        assertThat(jobs.requestCancel(id)).isEqualTo(1);
        em.clear();
        assertThat(jobs.isCancelRequested(id)).isTrue();
        assertThat(jobs.isCancelRequested(other)).isFalse();
        assertThat(jobs.requestCancel(-1L)).isZero();
    }
}
