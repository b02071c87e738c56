/**
 * The trace against OpenFastTrace's verdicts: items reduced to what both state ({@link ItemView}), the synthetic set
 * that exercises every verdict, and the comparison with OFT's verdicts recorded in {@code reference-data/} (OFT itself,
 * GPL-3.0, runs in the oracle test only and records them; it is never shipped).
 */
package org.xenfusa.trace.oracle;
