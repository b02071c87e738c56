package org.xenfusa.trace.config;

/** A compiled file: its cloc code lines, those in traced functions, and the rest (untraced). */
public record FileSloc(String path, int code, int tracedCode, int untracedCode) {
}
