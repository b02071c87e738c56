package org.xenfusa.trace.report;

import java.util.Objects;

import org.xenfusa.trace.evidence.VerificationState;

/**
 * A requirement in one configuration: its trace verdict, why (empty for covered), and what that configuration's test
 * results say.
 */
public record ConfigurationVerdict(Verdict verdict, VerificationState verification, String reason) {
    public ConfigurationVerdict {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(reason, "reason");
    }
}
