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

    /**
     * The same Kconfig with Kbuild Makefiles and sources: setup.c and a.c always, fa.c with
     * FEATURE_A, and in a.c a block compiled only with FEATURE_B (3 code lines).
     */
    static final Map<String, String> BUILD = Map.ofEntries(
            Map.entry("xen/Rules.mk", "# driven by the evaluator\n"),
            Map.entry("xen/Makefile", "ALL_OBJS-y := common/built_in.o\nALL_OBJS-y += arch/$(SRCARCH)/built_in.o\n"),
            Map.entry("xen/scripts/Kbuild.include", "empty :=\n"),
            Map.entry("xen/arch/x86/arch.mk", "# nothing\n"),
            Map.entry("xen/arch/x86/Makefile", "obj-y += setup.o\n"),
            Map.entry("xen/arch/x86/setup.c", "#include <xen/lib.h>\nint setup;\n"),
            Map.entry("xen/include/xen/lib.h", "/* lib */\nint lib(void);\n"),
            Map.entry("xen/include/xen/config.h", "/* forced include */\n"),
            Map.entry("xen/common/Makefile", "obj-y += a.o\nobj-$(CONFIG_FEATURE_A) += fa.o\n"),
            Map.entry("xen/common/a.c", """
                    int a;
                    #ifdef CONFIG_FEATURE_B
                    int b1;
                    int b2;
                    int b3;
                    #endif
                    int z;
                    """),
            Map.entry("xen/common/fa.c", "/* feature A */\nint fa;\nint fa2;\n"));

}
