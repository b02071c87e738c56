package org.xenfusa.trace.graph;

/**
 * Whether an item and, recursively, everything covering it have all the coverage they need.
 * {@code CYCLE} when the item covers itself through a chain of items.
 */
public enum DeepCoverage {
    COVERED, UNCOVERED, CYCLE
}
