package org.xenfusa.exports.readiness;

/** One gate's threshold as the gate file sets it, with the line that set it. */
public record GateThreshold(Gate gate, double threshold, int line) {
}
