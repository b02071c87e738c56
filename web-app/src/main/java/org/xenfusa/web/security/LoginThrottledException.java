package org.xenfusa.web.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login refused, whatever its password, because of too many failed logins for the account or from the address. */
public class LoginThrottledException extends AuthenticationException {
    private final Duration remaining;

    public LoginThrottledException(Duration remaining) {
        super("Too many failed logins for this account or from this address: logins are refused for "
                + seconds(remaining) + " s more, also with the right password");
        this.remaining = remaining;
    }

    /** Whole seconds left, at least 1. */
    public long seconds() {
        return seconds(remaining);
    }

    private static long seconds(Duration remaining) {
        return Math.max(1, (remaining.toMillis() + 999) / 1000);
    }
}
