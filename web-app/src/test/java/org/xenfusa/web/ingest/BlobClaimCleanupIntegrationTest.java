package org.xenfusa.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xenfusa.sloc.count.FileCount;
import org.xenfusa.web.IntegrationTest;
import org.xenfusa.web.ingest.BlobCountStore.BlobKey;
import org.xenfusa.web.ingest.BlobCountStore.CountedBlob;

/**
 * Issue 18: blob claims are kept while a claim that began before their count committed may still run, and deleted
 * afterwards by a recurring task, so that the table does not grow with every blob ever counted.
 */
@IntegrationTest
class BlobClaimCleanupIntegrationTest {
    private static final int VERSION = 990_001;

    @Autowired BlobCountStore store;
    @Autowired JdbcTemplate jdbc;

    private void claim(String blob, String claimer, String leaseUntil, String countedAt) {
        jdbc.update("insert into blob_claim (blob_id, file_name, counter_version, claimed_by, lease_until, counted_at) "
                + "values (?, 'f.c', ?, ?, " + leaseUntil + ", " + countedAt + ")", blob, VERSION, claimer);
    }

    private List<String> left() {
        return jdbc.queryForList("select blob_id from blob_claim where counter_version = ? order by blob_id",
                String.class, VERSION);
    }

    @Test
    void claimsDoneOrExpiredLongerAgoThanTheAgeAreDeletedTheOthersStay() {
        claim("a-done-long-ago", "w1", "'infinity'", "now() - interval '2 hours'");
        claim("b-done-before-the-column", "w1", "'infinity'", "null");
        claim("c-done-just-now", "w1", "'infinity'", "now() - interval '1 minute'");
        claim("d-expired-long-ago", "dead", "now() - interval '2 hours'", "null");
        claim("e-expired-just-now", "dead", "now() - interval '1 minute'", "null");
        claim("f-live", "w2", "now() + interval '30 seconds'", "null");

        // three of these (claims of other tests done over 10 minutes ago may go too)
        assertThat(store.deleteClaimsDoneBefore(Duration.ofMinutes(10))).isGreaterThanOrEqualTo(3);

        assertThat(left()).containsExactly("c-done-just-now", "e-expired-just-now", "f-live");
        jdbc.update("delete from blob_claim where counter_version = ?", VERSION);
    }

    @Test
    void aStoredCountMarksItsClaimDoneWithTheTimeAndKeepsItsBlobFromBeingClaimedAgainOnceTheClaimIsGone() {
        BlobKey key = new BlobKey("g-counted", "g.c");
        assertThat(store.claim(List.of(key), VERSION, "w1", Duration.ofSeconds(30))).containsExactly(key);
        store.save(List.of(new CountedBlob("g-counted", "g.c", 10, new FileCount("C", 1, 2, 3, ""))), VERSION);
        assertThat(jdbc.queryForObject("select lease_until = 'infinity' and counted_at is not null from blob_claim "
                + "where blob_id = 'g-counted' and counter_version = ?", Boolean.class, VERSION)).isTrue();

        assertThat(store.deleteClaimsDoneBefore(Duration.ZERO)).isPositive();
        assertThat(left()).doesNotContain("g-counted");
        // the count alone keeps the blob from being claimed (and counted) again
        assertThat(store.claim(List.of(key), VERSION, "w2", Duration.ofSeconds(30))).isEqualTo(Set.of());
        jdbc.update("delete from blob_count where counter_version = ?", VERSION);
    }

    @Test
    void theCleanupIsARecurringTaskOfTheScheduler() {
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'blob-claim-cleanup'",
                Long.class)).isEqualTo(1);
    }
}
