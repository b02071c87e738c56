package org.xenfusa.web;

import java.util.Map;

/** A small Kconfig tree of our own, shaped like Xen's (top file, arch folder, defconfig, a menu). */
final class SyntheticKconfig {
    private SyntheticKconfig() {
    }

    static final String TOP = """
            mainmenu "Test hypervisor/$(SRCARCH) Configuration"

            source "arch/$(SRCARCH)/Kconfig"
            source "common/Kconfig"
            """;
    static final String ARCH = """
            config X86_64
            \tdef_bool y
            \tselect HAS_TIMER
            """;
    static final String COMMON = """
            menu "Common Features"

            config HAS_TIMER
            \tbool

            config FEATURE_A
            \tbool "Feature A"
            \tdefault y
            \thelp
            \t  Turns on feature A.

            config FEATURE_B
            \tbool "Feature B"
            \tdepends on FEATURE_A
            \tdefault y

            config LIMIT
            \tint "A limit"
            \trange 1 64
            \tdefault 16

            endmenu
            """;

    static final Map<String, String> FILES = Map.of("xen/Kconfig", TOP, "xen/arch/x86/Kconfig", ARCH,
            "xen/common/Kconfig", COMMON, "xen/arch/x86/configs/x86_64_defconfig", "# empty on purpose\n");
}
