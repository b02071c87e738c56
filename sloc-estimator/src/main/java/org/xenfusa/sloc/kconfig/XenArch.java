package org.xenfusa.sloc.kconfig;

import java.util.Locale;

/** The architectures Xen builds for, named as the command line names them, with Xen's SRCARCH. */
public enum XenArch {
    X86_64("x86_64", "x86"), ARM64("arm64", "arm"), ARM32("arm32", "arm"), RISCV64("riscv64", "riscv"),
    PPC64("ppc64", "ppc");

    private final String cliName;
    private final String srcArch;

    XenArch(String cliName, String srcArch) {
        this.cliName = cliName;
        this.srcArch = srcArch;
    }

    /** The name as {@code --arch} and Xen's {@code XEN_TARGET_ARCH} spell it. */
    public String cliName() {
        return cliName;
    }

    /** The folder under {@code xen/arch/}. */
    public String srcArch() {
        return srcArch;
    }

    /** The defconfig {@code make defconfig} uses: {@code <arch>_defconfig}. */
    public String defaultDefconfig() {
        return cliName + "_defconfig";
    }

    /**
     * @throws IllegalArgumentException for an architecture Xen does not build for
     */
    public static XenArch of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (XenArch a : values()) {
            if (a.cliName.equals(n)) {
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
