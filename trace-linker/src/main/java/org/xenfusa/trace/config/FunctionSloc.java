package org.xenfusa.trace.config;

/** A compiled function with its code lines (cloc rules) and whether any requirement reaches it. */
public record FunctionSloc(String path, String name, int startLine, int endLine, int code, boolean traced) {
}
