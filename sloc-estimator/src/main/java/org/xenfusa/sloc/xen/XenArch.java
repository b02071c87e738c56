package org.xenfusa.sloc.xen;

import java.util.Locale;

/**
 * The architectures Xen builds for, named as {@code --arch} and Xen's {@code XEN_TARGET_ARCH}
 * spell them, with the {@code SRCARCH} folder its top-level Makefile derives from that.
 */
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

    /** The defconfig {@code make defconfig} uses: {@code <arch>_defconfig}. */
    public String defaultDefconfig() {
        return targetArch + "_defconfig";
    }

    /**
     * Parses {@code x86_64}, {@code arm64}, ... (case-insensitive; also the Debian names
     * {@code aarch64} and {@code armhf}).
     *
     * @throws IllegalArgumentException for an architecture Xen does not build for
     */
    public static XenArch of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (XenArch a : values()) {
            if (a.targetArch.equals(n)) {
                return a;
            }
        }
        if (n.equals("aarch64")) {
            return ARM64;
        }
        if (n.equals("armhf") || n.equals("arm")) {
            return ARM32;
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "' (x86_64, arm64, arm32, riscv64, ppc64)");
    }
}
