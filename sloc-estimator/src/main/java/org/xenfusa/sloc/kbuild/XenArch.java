package org.xenfusa.sloc.kbuild;

import java.util.Arrays;
import java.util.Locale;

/** The architectures Xen builds for, with the ARCH/SRCARCH pair its top-level Makefile derives from XEN_TARGET_ARCH. */
public enum XenArch {
    X86_64("x86_64", "x86"),
    ARM64("arm64", "arm"),
    ARM32("arm32", "arm"),
    RISCV64("riscv64", "riscv"),
    PPC64("ppc64", "ppc");

    private final String targetArch;
    private final String srcArch;

    XenArch(String targetArch, String srcArch) {
        this.targetArch = targetArch;
        this.srcArch = srcArch;
    }

    /** The value of XEN_TARGET_ARCH and ARCH, e.g. {@code arm64}. */
    public String targetArch() {
        return targetArch;
    }

    /** The folder under {@code xen/arch/}, e.g. {@code arm}. */
    public String srcArch() {
        return srcArch;
    }

    /** Parses {@code x86_64}, {@code arm64}, ... (case-insensitive). */
    public static XenArch of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.targetArch.equals(n)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown architecture: " + name));
    }
}
