package org.xenfusa.trace.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xenfusa.trace.config.ConfigurationCoverage;
import org.xenfusa.trace.evidence.RequirementVerification;
import org.xenfusa.trace.evidence.VerificationState;
import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * A configuration's trace keeps its requirements by id, however they were given: Set.copyOf and Map.copyOf (which
 * it used) iterate in an order that changes from one JVM to the next, and the results page lists them in it.
 */
class ConfigurationTraceTest {
    private static final List<SpecificationItemId> IDS = List.of(SpecificationItemId.parse("req~a~1"),
            SpecificationItemId.parse("req~b~1"), SpecificationItemId.parse("req~c~2"),
            SpecificationItemId.parse("dsn~z~1"));

    @Test
    void itsRequirementsAreInIdOrderInEveryJvm() {
        Map<SpecificationItemId, RequirementVerification> verification = new LinkedHashMap<>();
        Map<SpecificationItemId, String> notApplicable = new LinkedHashMap<>();
        Set<SpecificationItemId> backwards = new LinkedHashSet<>();
        for (int i = IDS.size() - 1; i >= 0; i--) {
            SpecificationItemId id = IDS.get(i);
            verification.put(id, new RequirementVerification(id, VerificationState.VERIFIED, List.of()));
            notApplicable.put(id, "not " + id);
            backwards.add(id);
        }
        ConfigurationCoverage coverage = new ConfigurationCoverage(backwards, backwards, List.of(), 0, 0, 0, 0,
                List.of(), List.of(), List.of());
        ConfigurationTrace t = new ConfigurationTrace("arm64", coverage, verification, List.of(), List.of(),
                notApplicable, backwards);
        List<SpecificationItemId> sorted = IDS.stream().sorted().toList();
        assertThat(t.verification().keySet()).containsExactlyElementsOf(sorted);
        assertThat(t.verification().values()).extracting(RequirementVerification::requirement)
                .containsExactlyElementsOf(sorted);
        assertThat(t.notApplicable().keySet()).containsExactlyElementsOf(sorted);
        assertThat(t.applies()).containsExactlyElementsOf(sorted);
        assertThat(t.coverage().applicable()).containsExactlyElementsOf(sorted);
        assertThat(t.coverage().reached()).containsExactlyElementsOf(sorted);
        assertThat(t.toString()).isEqualTo(new ConfigurationTrace("arm64", coverage, new java.util.TreeMap<>(verification),
                List.of(), List.of(), new java.util.TreeMap<>(notApplicable), new java.util.TreeSet<>(backwards))
                .toString());
    }
}
