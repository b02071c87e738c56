package org.xenfusa.trace.spec;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a line (seen with the line after it) must look like for a transition of a markup importer;
 * a match yields its token, the first group's text or "" when the pattern has none.
 */
@FunctionalInterface
interface LinePattern {
    /** The token when {@code line} matches; {@code nextLine} is null on the last line. */
    Optional<String> match(String line, String nextLine);

    /** A whole-line regular expression. */
    static LinePattern regex(String regex) {
        Pattern p = Pattern.compile(regex);
        return (line, next) -> {
            Matcher m = p.matcher(line);
            if (!m.matches()) {
                return Optional.empty();
            }
            String token = m.groupCount() == 0 ? "" : m.group(1);
            return Optional.of(token == null ? "" : token);
        };
    }

    /** A section title: any line whose next line is an underline; the token is the line itself. */
    static LinePattern underlinedTitle(LinePattern underline) {
        return (line, next) -> next != null && underline.match(next, null).isPresent() ? Optional.of(line)
                : Optional.empty();
    }

    /** This pattern, or else {@code other}. */
    default LinePattern or(LinePattern other) {
        return (line, next) -> {
            Optional<String> m = match(line, next);
            return m.isPresent() ? m : other.match(line, next);
        };
    }
}
