package org.xenfusa.exports.model;

/** Why a file counts in a configuration. */
public enum FileRole {
    /** A .c or .S file the build compiles. */
    COMPILED,
    /** A header reached by the #include closure of compiled files. */
    HEADER,
    /** A file the build generates (counted by make cloc when it is compiled). */
    GENERATED
}
