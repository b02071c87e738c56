package org.xenfusa.web.exports;

import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.readiness.GateFileException;
import org.xenfusa.exports.readiness.ReadinessReport;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * What exports need of the readiness feature: a release's evaluation against the stored gates, and those gates. The
 * readiness feature implements it, so that exports never depend on readiness (readiness records its downloads as
 * exports).
 */
public interface ReadinessEvaluations {
    /** A release's evidence and its readiness verdict. */
    record Evaluated(ReleaseEvidence evidence, ReadinessReport report) {
    }

    Evaluated evaluateRelease(EvidenceRequest request, EvidenceService.Progress progress)
            throws InvalidInputException, GateFileException;

    /** The stored gate file's text. */
    String gateText();

    /** The name documents give the stored gate file. */
    String gateFileName();
}
