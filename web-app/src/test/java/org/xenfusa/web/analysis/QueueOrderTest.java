package org.xenfusa.web.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xenfusa.model.source.Snapshot;

import com.github.kagkarlsson.scheduler.task.Priority;

/** Results are computed newest release first (release order, not name or commit order), below ingests and exports. */
class QueueOrderTest {
    private static Snapshot snapshot(long id, String ref) {
        Snapshot s = mock(Snapshot.class);
        when(s.getId()).thenReturn(id);
        when(s.getRefName()).thenReturn(ref);
        return s;
    }

    @Test
    void theNewestReleaseComesFirstAndEveryOlderOneAStepLater() {
        Snapshot r49 = snapshot(1, "RELEASE-4.9.0");
        Snapshot r422 = snapshot(2, "RELEASE-4.22.0");
        Snapshot r410 = snapshot(3, "RELEASE-4.10.0");
        Snapshot r4101 = snapshot(4, "RELEASE-4.10.1");
        AnalysisResults.QueueOrder order = AnalysisResults.QueueOrder.of(List.of(r410, r49, r422, r4101));

        assertThat(order.priority(r422)).isEqualTo(Priority.LOW);
        assertThat(order.priority(r4101)).isEqualTo(Priority.LOW - 1);
        assertThat(order.priority(r410)).isEqualTo(Priority.LOW - 2);
        assertThat(order.priority(r49)).isEqualTo(Priority.LOW - 3);
        assertThat(order.priority(r422)).isLessThan(Priority.MEDIUM);
    }

    @Test
    void aVeryLongHistoryStaysWithinTheColumnsRange() {
        Snapshot oldest = snapshot(7, "RELEASE-1.0");
        Snapshot newest = snapshot(8, "RELEASE-1.39999");
        AnalysisResults.QueueOrder order = new AnalysisResults.QueueOrder(
                java.util.Map.of(7L, 0, 8L, 39_999), 40_000);
        assertThat(order.priority(oldest)).isEqualTo(Short.MIN_VALUE);
        assertThat(order.priority(newest)).isEqualTo(Priority.LOW);
    }
}
