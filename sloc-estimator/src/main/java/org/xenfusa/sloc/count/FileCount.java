package org.xenfusa.sloc.count;

import java.util.Objects;

/**
 * What cloc says of one file: its language and its blank, comment and code lines, or why cloc
 * ignores it. {@code language} is empty exactly when {@code ignoredReason} is not.
 */
public record FileCount(String language, int blank, int comment, int code, String ignoredReason) {
    public FileCount {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(ignoredReason, "ignoredReason");
        if (language.isEmpty() == ignoredReason.isEmpty()) {
            throw new IllegalArgumentException("exactly one of language and ignoredReason must be set");
        }
        if (blank < 0 || comment < 0 || code < 0) {
            throw new IllegalArgumentException("negative line count");
        }
    }

    public static FileCount counted(String language, int blank, int comment, int code) {
        return new FileCount(language, blank, comment, code, "");
    }

    public static FileCount ignored(String reason) {
        return new FileCount("", 0, 0, 0, reason);
    }

    public boolean isCounted() {
        return ignoredReason.isEmpty();
    }

    public int lines() {
        return blank + comment + code;
    }
}
