package org.xenfusa.sloc.config;

/** Why a file is in a configuration's report: make cloc counts it, or a compiled file includes it. */
public enum FileRole {
    /** A {@code .c}/{@code .S} file of the make cloc list (compiled, or included by a compiled file). */
    SOURCE,
    /** A header reached by {@code #include}. */
    HEADER
}
