package org.xenfusa.trace.policy;

import java.util.List;
import java.util.Optional;

/**
 * What a policy says about one item type.
 *
 * @param needs     the artifact types that must each cover an item of the type, replacing the item's own
 *                  {@code Needs:}; empty when the policy leaves the item's own {@code Needs:} in force
 * @param coveredBy further item types allowed to cover it (links from them are wanted, not "unwanted")
 * @param required  whether an item must be covered at all: every need, and one of {@code coveredBy} when there are any
 */
public record TypeRule(Optional<List<String>> needs, List<String> coveredBy, boolean required) {
    public TypeRule {
        needs = needs.map(List::copyOf);
        coveredBy = List.copyOf(coveredBy);
    }
}
