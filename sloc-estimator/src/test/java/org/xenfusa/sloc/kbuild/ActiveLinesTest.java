package org.xenfusa.sloc.kbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.kbuild.LineActivity.LineRange;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.sloc.xen.XenArch;

/**
 * Which lines the preprocessor keeps, one construct per file of a tree written here; each expectation is what
 * {@code gcc -E} keeps for the same files (checked by hand with gcc 12: a line is active when any unit keeps it).
 */
// [utest->dsn~include-closure~1] [utest->err~active-line-wrong~1]
class ActiveLinesTest {
    @TempDir
    Path dir;
    BuildAnalysis analysis;

    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("xen/Rules.mk", "# the build's driver; the evaluator models it\n");
        // up to Xen 4.21 every assembler source gets -D__ASSEMBLY__ from xen/Makefile (4.22 uses gcc's __ASSEMBLER__)
        FILES.put("xen/Makefile", """
                ALL_OBJS-y := common/built_in.o
                ALL_OBJS-y += arch/$(SRCARCH)/built_in.o
                AFLAGS += -D__ASSEMBLY__
                ifeq ($(CONFIG_NEVER),y)
                AFLAGS += -DONLY_WHEN_NEVER
                endif
                """);
        FILES.put("xen/include/xen/asm-or-c.h", """
                #ifdef __ASSEMBLY__
                .macro asm_only
                .endm
                #else
                int c_only;
                #endif
                #ifdef ONLY_WHEN_NEVER
                int never;
                #endif
                """);
        FILES.put("xen/common/entry.S", "#include <xen/asm-or-c.h>\n");
        FILES.put("xen/common/c-user.c", "#include <xen/asm-or-c.h>\n");
        FILES.put("xen/scripts/Kbuild.include", "empty :=\n");
        FILES.put("xen/arch/x86/arch.mk", "");
        FILES.put("xen/arch/x86/Makefile", "obj-y += setup.o\nobj-y += boot/\n");
        // x86's boot code: some objects compiled twice, once for the 32-bit target (config/x86_64.mk gives -m64)
        FILES.put("config/x86_64.mk", "CONFIG_X86 := y\nCFLAGS += -m64\nEFI_DIR ?= /usr/lib64/efi\n");
        FILES.put("xen/arch/x86/boot/Makefile", """
                obj-bin-y += $(obj64)
                obj32 := only32.32.o
                obj32 += both.32.o
                obj64 := both.o
                targets += $(obj32)
                obj32 := $(addprefix $(obj)/,$(obj32))
                CFLAGS_x86_32 := $(subst -m64,-m32 -march=i686,$(XEN_TREEWIDE_CFLAGS))
                $(obj32): XEN_CFLAGS := $(CFLAGS_x86_32) -fpic
                $(obj)/%.32.o: $(src)/%.c FORCE
                \t$(call if_changed_rule,cc_o_c)
                """);
        FILES.put("xen/arch/x86/boot/both.c", """
                #if defined(__i386__)
                int thirty_two;
                #elif defined(__x86_64__)
                int sixty_four;
                #else
                #error unknown
                #endif
                """);
        FILES.put("xen/arch/x86/boot/only32.c", """
                #ifdef __x86_64__
                int sixty_four;
                #endif
                """);
        FILES.put("xen/arch/x86/include/asm/present.h", "#define PRESENT 1\n");
        FILES.put("xen/arch/x86/setup.c", "#include <xen/guarded.h>\nint setup;\n");
        FILES.put("xen/include/xen/config.h", "#include <generated/autoconf.h>\n");
        FILES.put("xen/common/Makefile", "obj-y += first.o\nobj-y += second.o\nobj-y += variadic.o\nobj-y += has.o\nobj-y += compat.o\nobj-y += self.o\nobj-y += entry.o\nobj-y += c-user.o\n");
        // a file that includes itself once more with other macros (the usercopy.c pattern)
        FILES.put("xen/common/self.c", """
                #ifndef GUARD
                #define KEEP(args...) args
                #define DROP(args...)
                #define GUARD KEEP
                #endif
                #if GUARD(1) + 0
                int first_pass;
                #undef GUARD
                #define GUARD DROP
                #include __FILE__
                #else
                int second_pass;
                #endif
                """);
        // compat/xlat.h is made from xlat.lst for the configured compat headers; each compat header includes xen/compat.h
        FILES.put("xen/include/Makefile", """
                ifneq ($(CONFIG_COMPAT),)
                headers-y := compat/foo.h compat/xlat.h
                headers-$(CONFIG_BAR) += compat/bar.h
                endif
                """);
        FILES.put("xen/include/xlat.lst", """
                # comment
                ?\tfoo_checked\t\tfoo.h
                !\tfoo_translated\tfoo.h
                ?\txenctl_thing\t\tfoo.h
                ?\tbar_checked\t\tbar.h
                """);
        FILES.put("xen/include/public/foo.h", "struct foo { int x; };\n");
        FILES.put("xen/include/xen/compat.h", """
                #ifdef CONFIG_COMPAT
                #include <compat/xlat.h>
                #endif
                """);
        FILES.put("xen/common/compat.c", """
                #include <compat/foo.h>
                #ifndef CHECK_foo_checked
                int translate_foo;
                #endif
                #ifdef XLAT_foo_translated
                int xlat_foo;
                #endif
                #ifdef CHECK_ctl_thing
                int ctl_thing;
                #endif
                #ifdef CHECK_bar_checked
                int bar_not_configured;
                #endif
                """);
        // read first by a unit that skips nothing in it, then twice per unit: the guard skips the body the second time
        FILES.put("xen/include/xen/plain.h", "int plain;\n");
        FILES.put("xen/include/xen/guarded.h", """
                #ifndef XEN_GUARDED_H
                #define XEN_GUARDED_H
                int guarded;
                int guarded_too;
                #endif
                """);
        FILES.put("xen/common/first.c", "#include <xen/plain.h>\nint first;\n");
        FILES.put("xen/common/second.c", """
                #include <xen/guarded.h>
                #include <xen/guarded.h>
                int second;
                """);
        // GNU named variadic parameters and the comma that ', ## args' drops when args are empty
        FILES.put("xen/common/variadic.c", """
                #define count_(dot, a1, a2, a3, x, ...) x
                #define count(args...) count_(., ## args, 3, 2, 1, 0)
                #define count_exp(args...) count(args)
                #define NOTHING
                #if count_exp(NOTHING)
                int one_or_more;
                #else
                int none;
                #endif
                #if count(a, b) == 2
                int two;
                #endif
                """);
        // __has_include decided by the same search path the unit's #include uses
        FILES.put("xen/common/has.c", """
                #if __has_include(<asm/present.h>)
                int present;
                #endif
                #if __has_include(<asm/absent.h>)
                int absent;
                #else
                int fallback;
                #endif
                #if __has_include("has.c") && defined(__x86_64__)
                int itself;
                #endif
                """);
    }

    @BeforeEach
    void analyse() throws IOException {
        for (Map.Entry<String, String> e : FILES.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            analysis = KbuildEvaluator.of(tree).analyse(XenArch.X86_64, Map.of("CONFIG_X86", "y", "CONFIG_COMPAT", "y"));
        }
    }

    @Test
    void aHeaderIsActiveWhenAnyReadingKeepsItEvenAfterAnotherFileSkippedNothing() {
        // first.c reads plain.h (nothing skipped), then setup.c and second.c read guarded.h: each unit's first
        // reading keeps the body, so no line of it is inactive
        assertThat(analysis.activity("xen/include/xen/plain.h").orElseThrow().inactive()).isEmpty();
        assertThat(analysis.activity("xen/include/xen/guarded.h").orElseThrow().inactive()).isEmpty();
    }

    @Test
    void namedVariadicParametersAndCommaElisionAreExpanded() {
        LineActivity v = analysis.activity("xen/common/variadic.c").orElseThrow();
        assertThat(v.inactive()).containsExactly(new LineRange(6, 6));
    }

    @Test
    void objectsCompiledForThe32BitTargetReadItsPredefinedMacros() {
        assertThat(analysis.files().translationUnits()).filteredOn(u -> u.path().contains("/boot/"))
                .extracting(TranslationUnit::object).containsExactlyInAnyOrder("xen/arch/x86/boot/both.32.o",
                        "xen/arch/x86/boot/both.o", "xen/arch/x86/boot/only32.32.o");
        assertThat(analysis.activity("xen/arch/x86/boot/both.c").orElseThrow().inactive()).containsExactly(new LineRange(6, 6));
        assertThat(analysis.activity("xen/arch/x86/boot/only32.c").orElseThrow().inactive()).containsExactly(new LineRange(2, 2));
    }

    @Test
    void conditionsOnTheGeneratedCompatXlatMacrosFollowXlatLst() {
        LineActivity c = analysis.activity("xen/common/compat.c").orElseThrow();
        assertThat(c.inactive()).containsExactly(new LineRange(3, 3), new LineRange(12, 12));
        assertThat(analysis.files().headers()).extracting(HeaderFile::path).contains("xen/include/compat/foo.h",
                "xen/include/compat/xlat.h", "xen/include/public/foo.h", "xen/include/xen/compat.h");
    }

    @Test
    void includeOfFileNamesTheFileItself() {
        // first reading keeps lines 7-11, the second (GUARD is DROP) keeps line 13: every line is active
        assertThat(analysis.activity("xen/common/self.c").orElseThrow().inactive()).isEmpty();
        assertThat(analysis.files().warnings()).isEmpty();
    }

    @Test
    void assemblerSourcesGetTheAssemblerDefinesOfTheTopMakefile() {
        assertThat(analysis.activity("xen/include/xen/asm-or-c.h").orElseThrow().inactive()).containsExactly(new LineRange(8, 8));
    }

    @Test
    void hasIncludeIsDecidedByTheSearchPath() {
        LineActivity h = analysis.activity("xen/common/has.c").orElseThrow();
        assertThat(h.inactive()).containsExactly(new LineRange(5, 5));
        assertThat(analysis.files().undecidedConditions()).isZero();
    }
}
