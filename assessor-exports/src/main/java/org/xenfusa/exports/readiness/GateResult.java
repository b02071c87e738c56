package org.xenfusa.exports.readiness;

import java.util.Optional;

/** One gate in one configuration: threshold, measured value, verdict and how the value was counted. */
public record GateResult(String configuration, Gate gate, double threshold, Optional<Double> value,
        GateVerdict verdict, String detail) {
}
