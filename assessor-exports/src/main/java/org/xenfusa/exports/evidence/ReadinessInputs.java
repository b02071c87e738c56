package org.xenfusa.exports.evidence;

import java.util.Optional;

import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.readiness.ReadinessReport;

/** A readiness evaluation to package: the gate file's text, the previous release's evidence and the result. */
public record ReadinessInputs(String gateFileName, String gateFileText, Optional<ReleaseEvidence> previous,
        ReadinessReport report) {
}
