package org.xenfusa.exports.model;

/**
 * What a file listed in the documents is: the library's {@link org.xenfusa.sloc.config.FileRole} (source or header)
 * with the files the build generates set apart.
 */
public enum FileKind {
    /** A .c or .S file the build compiles. */
    COMPILED,
    /** A header reached by the #include closure of compiled files. */
    HEADER,
    /** A file the build generates (counted by make cloc when it is compiled). */
    GENERATED
}
