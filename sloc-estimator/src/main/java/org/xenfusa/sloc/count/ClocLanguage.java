package org.xenfusa.sloc.count;

import java.util.List;
import java.util.Objects;

/**
 * One language as cloc 1.96 knows it: the name cloc prints, the extensions and file names that
 * select it unambiguously, the interpreter names of a {@code #!} line that select it, whether a line
 * ending in '\' continues onto a blank line (cloc's {@code EOL_Continuation_re}), and its
 * comment-removal chain. A language with interpreter names is one of cloc's "script languages",
 * whose first {@code #!} line always counts as code.
 */
record ClocLanguage(String name, List<String> extensions, List<String> fileNames,
                           List<String> interpreters, boolean continuation, List<CommentFilter> filters) {
    public ClocLanguage {
        Objects.requireNonNull(name, "name");
        extensions = List.copyOf(extensions);
        fileNames = List.copyOf(fileNames);
        interpreters = List.copyOf(interpreters);
        filters = List.copyOf(filters);
    }

    /** cloc's {@code %Script_Language}: every language some {@code #!} interpreter maps to. */
    public boolean isScript() {
        return !interpreters.isEmpty();
    }
}
