package org.xenfusa.trace.graph;

/**
 * The state of one link between two items, with OFT's meaning: outgoing ones seen from the
 * covering item, incoming ones from the covered item. Declared in OFT's order, which is the order
 * links are listed in.
 */
public enum LinkStatus {
    /** Outgoing: covers an item that wants this coverage. */
    COVERS("covers"),
    /** Outgoing: covers a newer revision than the one that exists. */
    PREDATED("predated"),
    /** Outgoing: covers an older revision than the one that exists. */
    OUTDATED("outdated"),
    /** Outgoing: the covered id names more than one item. */
    AMBIGUOUS("ambiguous"),
    /** Outgoing: covers an item that does not need this artifact type. */
    UNWANTED("unwanted"),
    /** Outgoing: covers an id that no item has. */
    ORPHANED("orphaned"),
    COVERED_SHALLOW("covered shallow"),
    COVERED_UNWANTED("unwanted coverage"),
    COVERED_PREDATED("predated coverage"),
    COVERED_OUTDATED("outdated coverage"),
    /** Another item has the same id. */
    DUPLICATE("duplicate");

    private final String text;

    LinkStatus(String text) {
        this.text = text;
    }

    /** Everything but a good covering or covered link is a defect. */
    public boolean isBad() {
        return this != COVERS && this != COVERED_SHALLOW;
    }

    public boolean isIncoming() {
        return this == COVERED_SHALLOW || this == COVERED_UNWANTED || this == COVERED_PREDATED
                || this == COVERED_OUTDATED;
    }

    public boolean isOutgoing() {
        return this != DUPLICATE && !isIncoming();
    }

    @Override
    public String toString() {
        return text;
    }
}
