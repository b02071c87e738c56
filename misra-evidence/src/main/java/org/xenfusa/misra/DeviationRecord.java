package org.xenfusa.misra;

import java.util.List;
import java.util.Objects;

/**
 * One row of {@code docs/misra/deviations.rst}: its first cell as written ({@code R10.1, R10.3}, or the idiom of an
 * "Other deviations" row such as {@code while-0 and while-1 loops}), the guidelines it deviates (none for an idiom),
 * its justification and notes, the line of its row, the source files it names (paths from the tree's root) and whether
 * it is project-wide.
 *
 * <p>A deviation justifies a finding of one of its guidelines when it is project-wide or names the finding's file; a
 * deviation that is a code pattern ({@code while-0 loops}, a macro) is applied by the analyser itself, so a finding the
 * analyser marks as suppressed (SARIF {@code suppressions}) is justified by it when its guideline has one.
 */
public record DeviationRecord(String subject, List<GuidelineId> guidelines, String justification, String notes, int line,
        List<String> files, boolean projectWide) {
    public DeviationRecord {
        Objects.requireNonNull(subject, "subject");
        guidelines = List.copyOf(guidelines);
        Objects.requireNonNull(justification, "justification");
        Objects.requireNonNull(notes, "notes");
        files = List.copyOf(files);
    }

    /** How pages and reports name it: {@code deviations.rst:120 (R2.1)}. */
    public String reference() {
        return "docs/misra/deviations.rst:" + line;
    }
}
