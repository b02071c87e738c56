package org.xenfusa.trace.config;

/**
 * Coverage of one level in one configuration.
 *
 * @param items       items of the level in the trace
 * @param applicable  of those, the ones that apply to the configuration (compiled code reaches them)
 * @param coveredDeep applicable items that OFT rules call covered, deep
 * @param verified    applicable items whose linked tests all passed in this configuration's results
 */
public record LevelCoverage(TraceLevel level, int items, int applicable, int coveredDeep, int verified) {
}
