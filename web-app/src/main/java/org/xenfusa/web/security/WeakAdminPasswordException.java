package org.xenfusa.web.security;

/** {@code FUSA_ADMIN_PASSWORD} breaks the password policy: the platform does not start with it. */
public class WeakAdminPasswordException extends RuntimeException {
    private final String rule;

    public WeakAdminPasswordException(String rule) {
        super("FUSA_ADMIN_PASSWORD (fusa.admin-password) is refused: " + rule);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
