package org.xenfusa.web.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.web.analysis.AnalysisFigures;
import org.xenfusa.web.analysis.AnalysisKind;
import org.xenfusa.web.analysis.AnalysisResults.View;
import org.xenfusa.web.analysis.AnalysisState;

/**
 * The dashboard's trend gives each release's figures in the order of the tracked configurations, whatever order the
 * stored results come in: they come in the order of a Map.copyOf, which changes from one JVM to the next, and the
 * page embeds the trend as JSON.
 */
class SigDashboardTrendTest {
    @Test
    void eachPointIsInTheOrderOfTheConfigurationsInEveryJvm() {
        Snapshot release = mock(Snapshot.class);
        when(release.getId()).thenReturn(10L);
        when(release.getRefName()).thenReturn("RELEASE-4.22.0");
        List<SavedConfiguration> tracked = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            SavedConfiguration c = new SavedConfiguration("config-" + id, 1L, "RELEASE-4.22.0", "arm64",
                    StartKind.DEFCONFIG, "", "", "", "", "me");
            ReflectionTestUtils.setField(c, "id", id);
            tracked.add(c);
        }
        List<View> stored = new ArrayList<>();
        for (long id = 3; id >= 1; id--) {
            stored.add(new View(AnalysisKind.TRACE, 10L, id, AnalysisState.DONE, "", "", Instant.EPOCH,
                    new AnalysisFigures.Trace(4, Map.of("covered", id), 1, 1, 1, 0, null, null, null), 0));
        }
        List<SigDashboard.TrendPoint> trend = SigDashboard.trend(List.of(release), tracked, stored);
        assertThat(trend).singleElement().satisfies(p -> {
            assertThat(p.covered().keySet()).containsExactly("config-1", "config-2", "config-3");
            assertThat(p.requirements().keySet()).containsExactly("config-1", "config-2", "config-3");
        });
    }
}
