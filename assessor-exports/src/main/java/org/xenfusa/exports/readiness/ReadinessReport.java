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

    /**
     * Ready only when at least one gate applies and every gate that applies passed: a gate that could not be evaluated
     * (no requirements, no tests, no previous release, no coverage data) is not a pass, and neither is a release with
     * nothing to evaluate. A gate that does not apply (a coverage criterion the level does not ask for) is left out.
     */
    public boolean passed() {
        List<GateResult> applying = applying();
        return !applying.isEmpty() && applying.stream().allMatch(r -> r.verdict() == GateVerdict.PASSED);
    }

    private List<GateResult> applying() {
        return results.stream().filter(r -> r.verdict() != GateVerdict.NOT_APPLICABLE).toList();
    }

    /** The gates that do not apply to their configuration, each with its reason. */
    public List<GateResult> notApplicable() {
        return results.stream().filter(r -> r.verdict() == GateVerdict.NOT_APPLICABLE).toList();
    }

    /** The gates that could not be evaluated, each with its reason: they make the release NOT READY. */
    public List<GateResult> notEvaluated() {
        return results.stream().filter(r -> r.verdict() == GateVerdict.NOT_EVALUATED).toList();
    }

    /** Why the release is not ready, one line per failed or not evaluated gate (empty when ready). */
    public List<String> reasons() {
        List<GateResult> applying = applying();
        if (applying.isEmpty()) {
            return List.of("no gate applies to any configuration: nothing was evaluated");
        }
        return applying.stream().filter(r -> r.verdict() != GateVerdict.PASSED)
                .map(r -> r.configuration() + ": " + r.gate() + " " + r.verdict().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + " (" + r.detail() + ")")
                .toList();
    }

    public List<GateResult> failures() {
        return results.stream().filter(r -> r.verdict() == GateVerdict.FAILED).toList();
    }
}
