package org.xenfusa.misra;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One analyser finding: the guideline, the file (path from the tree's root) and line, the analyser's message, the
 * tool ({@code cppcheck}, {@code eclair}, {@code coverity} or another tool's name, lower case) and its version (empty
 * when the input does not say), and whether the analyser itself marked it suppressed (SARIF {@code suppressions}).
 */
public record MisraFinding(GuidelineId guideline, String file, int line, String message, String tool,
        String toolVersion, boolean toolSuppressed) {
    /**
     * The tools {@code xen-analysis.py} translates SAF comments for, in this order in every JVM: {@link #toolKey}
     * takes the first a name contains, and Set.of's order changes from one JVM to the next.
     */
    public static final Set<String> XEN_TOOLS = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(
            java.util.List.of("cppcheck", "eclair", "coverity")));

    public MisraFinding {
        Objects.requireNonNull(guideline, "guideline");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(toolVersion, "toolVersion");
    }

    /** A tool's name as SAF records key it: {@code ECLAIR} and {@code bugseng eclair} are {@code eclair}. */
    public static String toolKey(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (String t : XEN_TOOLS) {
            if (n.contains(t)) {
                return t;
            }
        }
        return n.isEmpty() ? "unknown" : n;
    }

    /** The folder of the file ({@code xen/arch/x86}), empty for a file at the root. */
    public String directory() {
        int i = file.lastIndexOf('/');
        return i < 0 ? "" : file.substring(0, i);
    }
}
