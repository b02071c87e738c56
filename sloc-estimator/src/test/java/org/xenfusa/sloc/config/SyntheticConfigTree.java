package org.xenfusa.sloc.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tiny Xen-like arm64 tree written for these tests: Kconfig, Makefiles, sources and headers of our own. */
final class SyntheticConfigTree {
    private SyntheticConfigTree() {
    }

    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("xen/Makefile", """
                XEN_VERSION = 4
                XEN_SUBVERSION = 99
                ALL_OBJS-y := common/built_in.o
                ALL_OBJS-y += arch/$(SRCARCH)/built_in.o
                """);
        FILES.put("xen/Rules.mk", "# the evaluator models the build's driver\n");
        FILES.put("xen/scripts/Kbuild.include", "empty :=\n");
        FILES.put("xen/Kconfig", """
                mainmenu "Synthetic Xen $(XEN_FULLVERSION)"

                config ARM_64
                	def_bool y

                config FOO
                	bool "Foo support"
                	default y

                config BAR
                	bool "Bar support"
                	depends on FOO
                	default y

                config LIMIT
                	int "Limit"
                	default 4
                """);
        FILES.put("xen/arch/arm/configs/arm64_defconfig", "");
        FILES.put("xen/arch/arm/arch.mk", "");
        FILES.put("xen/arch/arm/Makefile", "obj-y += setup.o\n");
        FILES.put("xen/arch/arm/setup.c", "int setup;\n");
        FILES.put("xen/common/Makefile", """
                obj-y += core.o
                obj-y += copy.o
                obj-$(CONFIG_FOO) += foo.o
                obj-$(CONFIG_BAR) += bar.o
                """);
        // 13 code lines; line 7 is inactive while LIMIT <= 8, line 4 while BAR is off; line 12 is undecidable (a compiler builtin)
        FILES.put("xen/common/core.c", """
                #include <xen/lib.h>
                int core;
                #ifdef CONFIG_BAR
                int bar_hook;
                #endif
                #if CONFIG_LIMIT > 8
                int big;
                #else
                int small;
                #endif
                #if __has_builtin(__builtin_maybe)
                int maybe;
                #endif
                """);
        FILES.put("xen/common/foo.c", "int same;\n");
        FILES.put("xen/common/copy.c", "int same;\n");
        FILES.put("xen/common/bar.c", "int bar;\nint bar2;\n");
        FILES.put("xen/include/xen/config.h", "#include <xen/kconfig.h>\n");
        // the usual placeholder trick: IS_ENABLED(CONFIG_X) is 1 when CONFIG_X is defined to 1
        FILES.put("xen/include/xen/kconfig.h", """
                #define PLACEHOLDER_1 0,
                #define IS_ENABLED(option) ENABLED_A(option)
                #define ENABLED_A(value) ENABLED_B(PLACEHOLDER_##value)
                #define ENABLED_B(arg_or_junk) ENABLED_C(arg_or_junk 1, 0)
                #define ENABLED_C(ignored, val, ...) val
                """);
        // line 4 is inactive when FOO is off
        FILES.put("xen/include/xen/lib.h", """
                #ifndef XEN_LIB_H
                #define XEN_LIB_H
                #if IS_ENABLED(CONFIG_FOO)
                int lib_foo(void);
                #endif
                #endif
                """);
    }

    static void write(Path root) throws IOException {
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
    }
}
