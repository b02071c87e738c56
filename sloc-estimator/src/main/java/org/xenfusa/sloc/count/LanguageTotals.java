package org.xenfusa.sloc.count;

import java.util.Objects;

/** One row of cloc's report: a language (or "SUM") with its file count and blank, comment and code lines. */
public record LanguageTotals(String language, int files, long blank, long comment, long code) {
    public LanguageTotals {
        Objects.requireNonNull(language, "language");
    }

    LanguageTotals plus(FileCount c) {
        return new LanguageTotals(language, files + 1, blank + c.blank(), comment + c.comment(), code + c.code());
    }

    public long lines() {
        return blank + comment + code;
    }
}
