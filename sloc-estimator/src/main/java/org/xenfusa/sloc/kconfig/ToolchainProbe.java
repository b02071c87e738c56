package org.xenfusa.sloc.kconfig;

/**
 * One toolchain question a Kconfig macro asked while the tree was read, and the answer the
 * profile gave ({@code known} false when the profile had no answer and the probe was answered
 * false or empty).
 */
public record ToolchainProbe(ToolchainProfile.ProbeKind kind, String question, String answer, boolean known) {
}
