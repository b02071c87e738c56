package org.xenfusa.exports.readiness;

import java.util.List;
import java.util.Optional;

import org.xenfusa.exports.model.EvidenceContext;

/** The readiness verdict of a release: every gate per configuration, and the comparison with the previous one. */
public record ReadinessReport(EvidenceContext context, String gateFile, List<GateResult> results,
        Optional<ReleaseComparison> comparison) {
    public ReadinessReport {
        results = List.copyOf(results);
    }

    /** Ready when no gate failed (gates that could not be evaluated are reported, not failed). */
    public boolean passed() {
        return results.stream().noneMatch(r -> r.verdict() == GateVerdict.FAILED);
    }

    public List<GateResult> failures() {
        return results.stream().filter(r -> r.verdict() == GateVerdict.FAILED).toList();
    }
}
