package org.xenfusa.trace.suspect;

import java.util.List;
import java.util.Optional;

import org.xenfusa.trace.function.SourceFunction;
import org.xenfusa.trace.link.CodeLink;

/**
 * A link that changed under its reviewer, with the before and after that caused it: the function
 * in each snapshot (location, hash and text) and the requirement's revision in each.
 */
public record SuspectLink(CodeLink link, List<SuspectReason> reasons, Optional<SourceFunction> functionBefore,
        Optional<SourceFunction> functionAfter, Optional<String> textBefore, Optional<String> textAfter,
        Optional<Integer> revisionBefore, Optional<Integer> revisionAfter) {
    public SuspectLink {
        reasons = List.copyOf(reasons);
    }
}
