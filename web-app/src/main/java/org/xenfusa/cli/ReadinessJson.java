package org.xenfusa.cli;

import java.util.List;

import org.xenfusa.exports.readiness.GateResult;
import org.xenfusa.exports.readiness.ReadinessReport;
import org.xenfusa.exports.readiness.ReleaseComparison;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code fusa readiness --json} prints: the verdict, every gate per configuration (configurations named as the
 * documents name them) and, with {@code --previous}, the comparison; records written by Jackson in component order.
 */
record ReadinessJson(String commit, String ref, boolean ready, List<String> notReadyBecause, List<Gate> gates,
        @JsonInclude(JsonInclude.Include.NON_NULL) Comparison comparison, Policy policy) {

    /** The trace policy the verdicts follow. */
    record Policy(String name, String version, String sha256) {
    }

    /** {@code value} is null when the gate could not be evaluated. */
    record Gate(String configuration, String gate, double threshold, Double value, String verdict, String detail) {
    }

    record SuspectLink(String from, String to) {
    }

    record Comparison(String previousRef, String previousCommit, List<String> requirementsAdded,
            List<String> requirementsChanged, List<String> requirementsRemoved, List<String> regressedTests,
            List<SuspectLink> newSuspectLinks) {
    }

    static ReadinessJson of(ReadinessReport report) {
        List<Gate> gates = report.results().stream().map(ReadinessJson::gate).toList();
        var policy = report.context().tracePolicy();
        return new ReadinessJson(report.context().commit(), report.context().ref(), report.passed(), report.reasons(),
                gates, report.comparison().map(ReadinessJson::comparison).orElse(null),
                new Policy(policy.name(), policy.version(), policy.sha256()));
    }

    private static Gate gate(GateResult r) {
        return new Gate(r.configuration(), r.gate().key(), r.threshold(), r.value().orElse(null), r.verdict().name(),
                r.detail());
    }

    private static Comparison comparison(ReleaseComparison c) {
        return new Comparison(c.previousRef(), c.previousCommit(), c.requirementsAdded(), c.requirementsChanged(),
                c.requirementsRemoved(), c.regressedTests(),
                c.newSuspectLinks().stream().map(s -> new SuspectLink(s.from(), s.to())).toList());
    }
}
