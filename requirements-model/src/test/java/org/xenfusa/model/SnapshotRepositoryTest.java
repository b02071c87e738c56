package org.xenfusa.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.xenfusa.model.source.RepositoryKind;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;

/** The one custom snapshot query: a snapshot with its repository loaded in the same select. */
@ModelSliceTest
class SnapshotRepositoryTest {
    @Autowired
    SnapshotRepository snapshots;

    @Autowired
    TestEntityManager em;

    @Test
    void findWithRepositoryLoadsTheRepository() {
        SourceRepository repo = em.persistAndFlush(new SourceRepository("snap-repo-" + System.nanoTime(),
                "/tmp/z", RepositoryKind.LOCAL, "/tmp/z/.git", "tester"));
        // snapshots are written by the ingester in SQL (no public constructor): do the same
        Object id = em.getEntityManager().createNativeQuery("insert into snapshot (repository_id, ref_name,"
                + " commit_sha, commit_time, file_count, ingested_at, counter_version)"
                + " values (?, 'master', ?, ?, 7, ?, 1) returning id")
                .setParameter(1, repo.getId())
                .setParameter(2, "0123456789abcdef0123456789abcdef01234567")
                .setParameter(3, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")))
                .setParameter(4, Timestamp.from(Instant.parse("2026-01-02T00:00:00Z")))
                .getSingleResult();
        Long snapshotId = ((Number) id).longValue();
        em.clear();

        Snapshot found = snapshots.findWithRepository(snapshotId).orElseThrow();
        em.clear();

        assertThat(Hibernate.isInitialized(found.getRepository())).isTrue();
        assertThat(found.getRepository().getName()).isEqualTo(repo.getName());
        assertThat(found.getFileCount()).isEqualTo(7);
        assertThat(snapshots.findWithRepository(-1L)).isEmpty();
    }
}
