package org.xenfusa.trace.suggest;

import java.util.List;
import java.util.Objects;

import org.xenfusa.trace.link.CodeLink;

/**
 * A function that may implement a requirement, with Lucene's score and the matches that gave it. Never coverage:
 * at most a draft link, until another engineer reviews it.
 *
 * @param ambiguous true when the file defines {@code function} more than once ({@code #if} branches): a link then
 *                  needs {@code lines} to pick this one
 */
public record LinkSuggestion(String function, String file, CodeLink.LineRange lines, double score,
        List<MatchReason> reasons, boolean ambiguous) {
    public LinkSuggestion {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(lines, "lines");
        reasons = List.copyOf(reasons);
    }

    /** The reasons as one line: {@code CNTFRQ_EL0 in body; timer in name, comment}. */
    public String reasonText() {
        return String.join("; ", reasons.stream().map(MatchReason::toString).toList());
    }
}
