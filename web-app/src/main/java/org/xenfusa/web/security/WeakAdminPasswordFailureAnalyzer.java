package org.xenfusa.web.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says why the start stopped and what to do, without a stack trace, when {@code FUSA_ADMIN_PASSWORD} is weak. */
class WeakAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<WeakAdminPasswordException> {
    @Override
    protected FailureAnalysis analyze(Throwable root, WeakAdminPasswordException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set FUSA_ADMIN_PASSWORD to a password of at least " + PasswordPolicy.MIN_LENGTH
                        + " characters that is neither common nor built on the user name, or unset it to have a random"
                        + " one generated and printed once on first start.",
                cause);
    }
}
