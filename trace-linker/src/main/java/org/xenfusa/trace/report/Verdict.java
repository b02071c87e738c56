package org.xenfusa.trace.report;

import java.util.Locale;

/**
 * A requirement's verdict in one configuration: the one vocabulary every page, command and document uses. OpenFastTrace's
 * own verdict and defect kinds stay available under it ({@link RequirementTrace#oftVerdict()},
 * {@link RequirementTrace#problems()}).
 */
public enum Verdict {
    /** Every needed coverage is there, no link is broken, and code or a test stands below it. */
    COVERED("covered by reviewed code or tests"),
    /**
     * OpenFastTrace calls it covered, but no code or test stands below it: it (or every item covering it) declares no
     * {@code Needs:}. Nothing required is not covered by code; it never counts as evidence of coverage.
     */
    NOTHING_REQUIRED("OpenFastTrace calls it covered, but it or the items below it need nothing: no code or test stands below it"),
    /** Some needed coverage (code, test, lower-level item) is missing. */
    UNCOVERED("some needed coverage is missing"),
    /** A broken, outdated, unwanted or duplicate link, a cycle, or another defect OpenFastTrace reports. */
    DEFECT("a broken, outdated, unwanted or duplicate link or a cycle"),
    /** Code implements it and none of that code is compiled in the configuration; or it is rejected. */
    NOT_APPLICABLE("code implements it, but none of that code is compiled here (or it is rejected)");

    private final String meaning;

    Verdict(String meaning) {
        this.meaning = meaning;
    }

    /** The word pages and documents show: {@code covered}, {@code nothing required}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** One sentence saying what the verdict means, for legends. */
    public String meaning() {
        return meaning;
    }

    /** Only this verdict is evidence of coverage; gates and percentages count nothing else as covered. */
    public boolean isCoverage() {
        return this == COVERED;
    }

    /** A label back to its verdict ({@code "not applicable"}, {@code "NOT_APPLICABLE"}). */
    public static Verdict parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
    }
}
