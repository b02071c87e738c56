package org.xenfusa.trace.suggest;

import java.util.List;

/**
 * One word or identifier of the requirement that matched a function, and where: {@code name}, {@code path},
 * {@code string} (a string literal), {@code comment} or {@code body} (an identifier of its code).
 *
 * @param identifier true when it matched as a whole identifier ({@code CNTFRQ_EL0}), false as a word
 */
public record MatchReason(String word, boolean identifier, List<String> where) {
    public MatchReason {
        where = List.copyOf(where);
    }

    /** {@code CNTFRQ_EL0 in body, comment}. */
    @Override
    public String toString() {
        return word + " in " + String.join(", ", where);
    }
}
