package org.xenfusa.sloc.count;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One language as cloc 1.96 knows it: the name cloc prints, the extensions and file names that
 * select it unambiguously, the interpreter names of a {@code #!} line that select it, whether a line
 * ending in '\' continues onto a blank line (cloc's {@code EOL_Continuation_re}), and its
 * comment-removal chain. A language with interpreter names is one of cloc's "script languages",
 * whose first {@code #!} line always counts as code.
 */
record ClocLanguage(String name, List<String> extensions, List<String> fileNames,
                           List<String> interpreters, String continuation, List<CommentFilter> filters) {
    /** cloc's commonest continuation regex, a '\' at the end of the line. */
    static final String BACKSLASH = "\\\\$";
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    public ClocLanguage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(continuation, "continuation");
        extensions = List.copyOf(extensions);
        fileNames = List.copyOf(fileNames);
        interpreters = List.copyOf(interpreters);
        filters = List.copyOf(filters);
    }

    /** Whether the continuation rule is the '\' one (the byte-level C counter handles only that one). */
    boolean continuesOnBackslash() {
        return continuation.equals(BACKSLASH);
    }

    /** Whether a blank line after {@code previous} is kept (cloc's {@code remove_matches_2re}, case-insensitive). */
    boolean continues(String previous) {
        if (continuation.isEmpty()) {
            return false;
        }
        if (continuesOnBackslash()) {
            return PerlLines.endsWithBackslash(previous);
        }
        return COMPILED.computeIfAbsent(continuation,
                re -> Pattern.compile(re, Pattern.UNIX_LINES | Pattern.CASE_INSENSITIVE)).matcher(previous).find();
    }

    /** cloc's {@code %Script_Language}: every language some {@code #!} interpreter maps to. */
    public boolean isScript() {
        return !interpreters.isEmpty();
    }
}
