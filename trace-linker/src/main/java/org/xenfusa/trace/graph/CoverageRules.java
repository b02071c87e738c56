package org.xenfusa.trace.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.xenfusa.trace.spec.SpecificationItem;

/**
 * Which covering items an item wants and when it is covered shallow: OpenFastTrace's rule ({@link #OFT}: an item wants
 * exactly the artifact types of its own {@code Needs:} and is covered when each is covered) or a trace policy's
 * ({@code org.xenfusa.trace.policy.TracePolicy}). The tracer asks nothing else, so links, deep coverage and cycles stay
 * OpenFastTrace's whatever the rule.
 */
public interface CoverageRules {
    /** OpenFastTrace 4.4.0's rule, unchanged. */
    CoverageRules OFT = new CoverageRules() {
        @Override
        public boolean wanted(SpecificationItem covered, String coveringType) {
            return covered.needs().contains(coveringType);
        }

        @Override
        public List<String> needs(SpecificationItem item) {
            return item.needs();
        }

        @Override
        public boolean coveredShallow(SpecificationItem item, Set<String> coveredTypes) {
            return item.needs().isEmpty() || coveredTypes.containsAll(item.needs());
        }

        @Override
        public List<String> uncovered(SpecificationItem item, Set<String> coveredTypes) {
            if (item.needs().isEmpty()) {
                return List.of();
            }
            List<String> uncovered = new ArrayList<>(item.needs());
            uncovered.removeAll(coveredTypes);
            return uncovered;
        }
    };

    /** Whether an item of {@code coveringType} covering {@code covered} is a good link (else "unwanted"). */
    boolean wanted(SpecificationItem covered, String coveringType);

    /** The artifact types that must cover the item, as pages show them. */
    List<String> needs(SpecificationItem item);

    /**
     * What is still missing when good links of {@code coveredTypes} cover the item, in the order the rule names it;
     * empty when it is covered shallow.
     */
    List<String> uncovered(SpecificationItem item, Set<String> coveredTypes);

    /** Whether nothing is missing: {@code uncovered(...)} is empty (asked once per item by deep coverage). */
    default boolean coveredShallow(SpecificationItem item, Set<String> coveredTypes) {
        return uncovered(item, coveredTypes).isEmpty();
    }
}
