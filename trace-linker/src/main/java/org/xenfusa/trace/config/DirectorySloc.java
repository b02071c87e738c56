package org.xenfusa.trace.config;

/** The compiled code of the files directly in one directory (not below it). */
public record DirectorySloc(String directory, int files, int code, int tracedCode, int untracedCode) {
}
