package org.xenfusa.trace.graph;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.xenfusa.trace.spec.ItemStatus;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * One item after linking and tracing, with the verdicts OFT gives it.
 *
 * @param covers         the ids it covers as OFT reports them: the declared ones, then the
 *                       revisions it was found to cover outdated or predated
 * @param links          linked ids per link state, in the order OFT links them (stale ids of
 *                       orphaned links included)
 * @param coveredShallow every needed artifact type has a good covering item
 * @param uncoveredTypes needed artifact types that no good item covers, in {@code needs} order
 */
public record TracedItem(SpecificationItem item, List<SpecificationItemId> covers,
        Map<LinkStatus, List<SpecificationItemId>> links, boolean coveredShallow, List<String> uncoveredTypes,
        DeepCoverage deepCoverage, boolean defect) {
    public TracedItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(deepCoverage, "deepCoverage");
        covers = List.copyOf(covers);
        EnumMap<LinkStatus, List<SpecificationItemId>> copy = new EnumMap<>(LinkStatus.class);
        links.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        links = java.util.Collections.unmodifiableMap(copy);
        uncoveredTypes = List.copyOf(uncoveredTypes);
    }

    public SpecificationItemId id() {
        return item.id();
    }

    public List<SpecificationItemId> linked(LinkStatus status) {
        return links.getOrDefault(status, List.of());
    }

    /** The items covering this one (all incoming links, good or bad). */
    public List<SpecificationItemId> coveredBy() {
        List<SpecificationItemId> ids = new ArrayList<>();
        links.forEach((status, targets) -> {
            if (status.isIncoming()) {
                ids.addAll(targets);
            }
        });
        return ids;
    }

    /**
     * One word for the item: the first defect kind that applies, in the order an engineer fixes
     * them (duplicate, cycle, orphaned, outdated, predated, ambiguous, unwanted, unwanted coverage,
     * outdated/predated coverage, uncovered), else "covered"; "rejected" for a rejected item
     * without duplicates.
     */
    public String verdict() {
        if (!linked(LinkStatus.DUPLICATE).isEmpty()) {
            return "duplicate";
        }
        if (item.status() == ItemStatus.REJECTED) {
            return "rejected";
        }
        if (deepCoverage == DeepCoverage.CYCLE) {
            return "cycle";
        }
        for (LinkStatus s : List.of(LinkStatus.ORPHANED, LinkStatus.OUTDATED, LinkStatus.PREDATED,
                LinkStatus.AMBIGUOUS, LinkStatus.UNWANTED, LinkStatus.COVERED_UNWANTED, LinkStatus.COVERED_OUTDATED,
                LinkStatus.COVERED_PREDATED)) {
            if (!linked(s).isEmpty()) {
                return s.toString();
            }
        }
        if (!coveredShallow) {
            return "uncovered";
        }
        return deepCoverage == DeepCoverage.COVERED ? "covered" : "uncovered deep";
    }

    /** Every defect kind that applies, as {@link #verdict()} names them. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        links.forEach((status, targets) -> {
            if (status.isBad()) {
                p.add(status.toString());
            }
        });
        if (!coveredShallow) {
            p.add("uncovered");
        } else if (deepCoverage == DeepCoverage.UNCOVERED) {
            p.add("uncovered deep");
        }
        if (deepCoverage == DeepCoverage.CYCLE) {
            p.add("cycle");
        }
        return p;
    }
}
