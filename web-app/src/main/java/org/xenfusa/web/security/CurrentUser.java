package org.xenfusa.web.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The name of the person acting in this thread, for audit records and job ownership. */
public final class CurrentUser {
    private CurrentUser() {
    }

    public static String nameOrSystem() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }
}
