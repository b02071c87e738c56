package org.xenfusa.exports;

/** The tool name and version every document states, the same as {@code fusa --version} prints. */
public final class ToolVersion {
    public static final String NAME = "fusa 0.1.0";

    private ToolVersion() {
    }
}
