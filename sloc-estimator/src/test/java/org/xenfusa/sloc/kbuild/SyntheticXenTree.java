package org.xenfusa.sloc.kbuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small Xen-like repository written for these tests: one Makefile construct, include form or #if form per file. */
final class SyntheticXenTree {
    private SyntheticXenTree() {
    }

    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("xen/Rules.mk", "# the build's driver; the evaluator models it\n");
        FILES.put("xen/Makefile", """
                ALL_OBJS-y                := common/built_in.o
                ALL_OBJS-y                += lib/built_in.o
                ALL_OBJS-y                += arch/$(SRCARCH)/built_in.o
                ALL_OBJS-$(CONFIG_CRYPTO) += crypto/built_in.o
                ALL_LIBS-y                := lib/lib.a
                """);
        FILES.put("xen/scripts/Kbuild.include", """
                empty :=
                space := $(empty) $(empty)
                objs-of = $(addsuffix .o,$(1))
                """);
        FILES.put("xen/arch/x86/arch.mk", "ARCH_LIBS-y += arch/x86/lib/lib.a\nXEN_BUILD_EFI := $(shell probe-the-compiler)\n");
        FILES.put("xen/arch/x86/include/asm/Makefile", "generic-y += div64.h\n");
        FILES.put("xen/arch/x86/Makefile", """
                obj-y += efi/
                obj-y += setup.o
                obj-$(CONFIG_PV) += pv.o
                """);
        FILES.put("xen/arch/x86/setup.c", "#include <asm/div64.h>\n#include <asm/asm-offsets.h>\n");
        FILES.put("xen/arch/x86/efi/Makefile", """
                obj-$(XEN_BUILD_EFI) += boot.init.o
                obj-y += stub.o

                $(obj)/%.c: $(srctree)/common/efi/%.c FORCE
                \tln -nfs ../../../common/efi/$(<F) $@
                """);
        FILES.put("xen/arch/x86/efi/stub.c", "int stub;\n");
        FILES.put("xen/arch/x86/efi/efi.h", "/* found next to the link, not next to its target */\n");
        FILES.put("xen/common/efi/boot.c", "#include \"efi.h\"\n");
        FILES.put("xen/common/efi/efi.h", "/* shadowed by arch/x86/efi/efi.h */\n");
        FILES.put("xen/common/Makefile", """
                obj-y += a.o
                obj-$(CONFIG_FOO) += foo.o
                obj-$(CONFIG_BAR) += bar.o
                obj-y += sub/
                obj-bin-y += early.init.o
                lib-y += a.o
                ifeq ($(CONFIG_FOO),y)
                obj-y += only-foo.o
                else
                obj-y += not-foo.o
                endif
                ifneq ($(CONFIG_BAZ),y)
                obj-y += no-baz.o
                endif
                ifdef CONFIG_FOO
                ifndef CONFIG_BAR
                obj-y += foo-not-bar.o
                endif
                endif
                ifeq '$(CONFIG_NAME)' '"xen"'
                obj-y += named.o
                endif
                names := x y
                obj-y += $(patsubst %,gen-%.o,$(names))
                obj-y += $(filter-out y.o,$(addsuffix .o,$(names)))
                obj-y += $(if $(CONFIG_FOO),iffoo.o,ifnotfoo.o)
                obj-y += $(subst _,-,dash_name.o)
                obj-y += $(foreach n,p q,loop-$(n).o)
                obj-y += $(call objs-of,called)
                obj-y += $(patsubst %.c,%.o,$(notdir $(wildcard $(srcdir)/wild-*.c)))
                lazy = $(later)
                later := lazy.o
                obj-y += $(lazy)
                simple := $(later2)
                later2 := never.o
                obj-y += $(simple)
                q ?= qdef.o
                q ?= qother.o
                obj-y += $(q)
                include $(srcdir)/extra.mk
                obj-y += gen.o
                obj-y += ghost.o
                $(obj)/gen.S: $(srctree)/tools/mkgen FORCE
                \t$(srctree)/tools/mkgen > $@
                this line is not make
                """);
        FILES.put("xen/common/extra.mk", "obj-y += from-include.o\n");
        for (String f : new String[] {"foo", "bar", "only-foo", "not-foo", "no-baz", "foo-not-bar", "named", "gen-x",
            "gen-y", "x", "iffoo", "ifnotfoo", "dash-name", "loop-p", "loop-q", "called", "wild-1", "wild-2", "lazy",
            "never", "qdef", "qother", "from-include"}) {
            FILES.put("xen/common/" + f + ".c", "int " + f.replace('-', '_') + ";\n");
        }
        FILES.put("xen/common/early.S", "#include <xen/linkage.h>\n");
        FILES.put("xen/common/a.c", """
                #include <xen/lib.h>
                #include "local.h"
                /* #include "commented-out.c" */
                #ifdef CONFIG_FOO
                #include "inc-foo.c"
                #endif
                #if 0
                #include "never-included.c"
                #endif
                #if IS_ENABLED(CONFIG_FOO) && VALUE > 3
                #include "inc-value.c"
                #elif 1
                #include "inc-elif.c"
                #else
                #include "inc-else.c"
                #endif
                #if __has_builtin(__builtin_maybe)
                #include <maybe.h>
                #else
                #include "inc-undecided.c"
                #endif
                #include "v1.2/odd.c"
                #include <nowhere.h>
                """);
        for (String f : new String[] {"inc-foo", "never-included", "inc-value", "inc-elif", "inc-else", "inc-undecided"}) {
            FILES.put("xen/common/" + f + ".c", "/* included */\n");
        }
        FILES.put("xen/common/v1.2/odd.c", "/* make cloc's grep cuts this path at the dot */\n");
        FILES.put("xen/common/local.h", "#define VALUE (2 + 2)\n");
        FILES.put("xen/common/sub/Makefile", "obj-y += s.o\nifeq ($(CONFIG_FOO),y)\nobj-y += never-closed.o\n");
        FILES.put("xen/common/sub/s.c", "");
        FILES.put("xen/common/sub/never-closed.c", "");
        FILES.put("xen/crypto/Makefile", "obj-y += c.o\n");
        FILES.put("xen/crypto/c.c", "");
        FILES.put("xen/lib/Makefile", "lib-y += l1.o\nlib-$(CONFIG_X86) += lx.o\nlib-$(CONFIG_ARM) += larm.o\n");
        FILES.put("xen/lib/l1.c", "");
        FILES.put("xen/lib/lx.c", "");
        FILES.put("xen/lib/larm.c", "");
        FILES.put("xen/include/xen/config.h", "#include <generated/autoconf.h>\n#include <xen/kconfig.h>\n");
        FILES.put("xen/include/xen/kconfig.h", """
                /* IS_ENABLED(CONFIG_X): 1 when CONFIG_X is defined as 1, else 0, usable in #if */
                #define ENABLED_MARK_1 ignored,
                #define PICK_SECOND(ignored, value, ...) value
                #define PICK(maybe_mark) PICK_SECOND(maybe_mark 1, 0)
                #define MARK(value) PICK(ENABLED_MARK_##value)
                #define IS_ENABLED(option) MARK(option)
                """);
        FILES.put("xen/include/xen/lib.h", "#ifndef XEN_LIB_H\n#define XEN_LIB_H\n#include <xen/types.h>\n#endif\n");
        FILES.put("xen/include/xen/types.h", "#include <xen/lib.h>\n");
        FILES.put("xen/include/xen/linkage.h", "");
        FILES.put("xen/include/asm-generic/div64.h", "");
    }

    static Path write(Path root) throws IOException {
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        return root;
    }
}
