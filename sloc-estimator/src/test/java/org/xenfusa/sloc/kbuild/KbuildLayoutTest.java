package org.xenfusa.sloc.kbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.sloc.xen.XenArch;

/** Build layouts across Xen releases: lists in Rules.mk (up to 4.16), arch.mk include paths, unknown layouts. */
// [utest->dsn~makefile-walk~1]
class KbuildLayoutTest {
    @TempDir Path dir;

    private void write(Map<String, String> files) throws Exception {
        for (var e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
    }

    @Test
    void objectListsInRulesMkWithBasedirAreFollowed() throws Exception {
        write(Map.of(
                "xen/Makefile", "# the lists are in Rules.mk in this layout\nall:\n",
                "xen/Rules.mk", "ALL_OBJS-y += $(BASEDIR)/common/built_in.o\nALL_OBJS-y += $(BASEDIR)/arch/$(TARGET_ARCH)/built_in.o\n",
                "xen/scripts/Kbuild.include", "empty :=\n",
                "xen/arch/x86/arch.mk", "CFLAGS += -I$(srctree)/arch/x86/include/asm/mach-default\n",
                "xen/arch/x86/Makefile", "obj-y += setup.o\n",
                "xen/arch/x86/setup.c", "#include <mach_apic.h>\nint s;\n",
                "xen/arch/x86/include/asm/mach-default/mach_apic.h", "int apic;\n",
                "xen/common/Makefile", "obj-y += a.o\n",
                "xen/common/a.c", "int a;\n",
                "xen/include/xen/config.h", "/* forced */\n"));
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            CompiledFileSet set = KbuildEvaluator.of(tree).evaluate(XenArch.X86_64, Map.of());
            assertThat(set.makeClocList()).containsExactly("xen/arch/x86/setup.c", "xen/common/a.c");
            assertThat(set.headers()).extracting(HeaderFile::path)
                    .contains("xen/arch/x86/include/asm/mach-default/mach_apic.h");
            assertThat(set.warnings()).isEmpty();
        }
    }

    @Test
    void aSourceIncludedThroughDotDotIsNotListedAsMakeClocWouldNotSeeIt() throws Exception {
        // gcc writes "arch/x86/efi/../../../common/crc.c" in the dependency file; make cloc's grep keeps only
        // "/common/crc.c", which test -f does not find: real make cloc leaves the file out (seen on arm64
        // allyesconfig of Xen 4.22, whose efi-dom0.c includes ../../../common/xz/crc32.c)
        write(Map.of(
                "xen/Makefile", "ALL_OBJS-y := arch/$(SRCARCH)/built_in.o\nALL_OBJS-y += common/built_in.o\n",
                "xen/scripts/Kbuild.include", "empty :=\n",
                "xen/arch/x86/arch.mk", "# nothing\n",
                "xen/arch/x86/Makefile", "obj-y += efi/\n",
                "xen/arch/x86/efi/Makefile", "obj-y += dom0.o\n",
                "xen/arch/x86/efi/dom0.c", "#include \"../../../common/crc.c\"\n#include \"local/part.c\"\nint d;\n",
                "xen/arch/x86/efi/local/part.c", "int part;\n",
                "xen/common/Makefile", "obj-y += a.o\n",
                "xen/common/a.c", "int a;\n",
                "xen/common/crc.c", "int crc;\n"));
        write(Map.of("xen/include/xen/config.h", "/* forced */\n", "xen/Rules.mk", "# the build driver\n"));
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            CompiledFileSet set = KbuildEvaluator.of(tree).evaluate(XenArch.X86_64, Map.of());
            assertThat(set.makeClocList()).containsExactly("xen/arch/x86/efi/dom0.c", "xen/arch/x86/efi/local/part.c",
                    "xen/common/a.c");
        }
    }

    @Test
    void aToolchainProbeAnswersOnlyWhereTheMakefileRunsIt() throws Exception {
        // Xen's x86 arch.mk probes the compiler for EFI support except with PV_SHIM_EXCLUSIVE; the
        // profile's answer must not reach a build that never asks (x86_64 allyesconfig)
        write(Map.of(
                "xen/Makefile", "ALL_OBJS-y := arch/$(SRCARCH)/built_in.o\n",
                "xen/Rules.mk", "# the build driver\n",
                "xen/scripts/Kbuild.include", "empty :=\n",
                "xen/arch/x86/arch.mk", "ifneq ($(CONFIG_SHIM),y)\nXEN_BUILD_EFI := $(shell try-the-compiler)\nendif\n"
                        + "export XEN_BUILD_EFI\n",
                "xen/arch/x86/Makefile", "obj-y += efi/\n",
                "xen/arch/x86/efi/Makefile", "obj-y += stub.o\nobj-$(XEN_BUILD_EFI) += boot.o\n",
                "xen/arch/x86/efi/stub.c", "int stub;\n",
                "xen/arch/x86/efi/boot.c", "int boot;\n",
                "xen/include/xen/config.h", "/* forced */\n"));
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            assertThat(KbuildEvaluator.of(tree).evaluate(XenArch.X86_64, Map.of("CONFIG_SHIM", "n")).makeClocList())
                    .containsExactly("xen/arch/x86/efi/boot.c", "xen/arch/x86/efi/stub.c");
            assertThat(KbuildEvaluator.of(tree).evaluate(XenArch.X86_64, Map.of("CONFIG_SHIM", "y")).makeClocList())
                    .containsExactly("xen/arch/x86/efi/stub.c");
        }
    }

    @Test
    void anUnknownLayoutIsAWarningNeverASilentZero() throws Exception {
        write(Map.of("xen/Makefile", "all:\n\t@echo nothing here\n", "xen/scripts/Kbuild.include", "empty :=\n",
                "xen/arch/arm/arch.mk", "# nothing\n"));
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            CompiledFileSet set = KbuildEvaluator.of(tree).evaluate(XenArch.ARM64, Map.of());
            assertThat(set.makeClocList()).isEmpty();
            assertThat(set.warnings()).extracting(KbuildWarning::message)
                    .anySatisfy(m -> assertThat(m).contains("no ALL_OBJS-y list found"));
        }
    }

    /** Xen up to 4.16: the arch headers in include/asm-<arch>/, linked as include/asm by the top Makefile. */
    private Map<String, String> asmFolderLayout(String linkRecipe) {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        files.put("xen/Makefile", "$(TARGET): prepare\n\t[ -e include/asm ] || " + linkRecipe + "\n"
                + "install:\n\tln -sf $(T)-$(XEN_FULLVERSION).efi $(D)$(EFI_DIR)/$(T).efi\n");
        files.put("xen/Rules.mk", "ALL_OBJS-y += $(BASEDIR)/common/built_in.o\nALL_OBJS-y += $(BASEDIR)/arch/$(TARGET_ARCH)/built_in.o\n");
        files.put("xen/scripts/Kbuild.include", "empty :=\n");
        files.put("xen/arch/x86/arch.mk", "CFLAGS += -I$(BASEDIR)/include\nCFLAGS += -I$(BASEDIR)/include/asm-x86/mach-default\n");
        files.put("xen/arch/x86/Makefile", "obj-y += setup.o\n");
        files.put("xen/arch/x86/setup.c", "#include <asm/page.h>\n#include <asm/asm-offsets.h>\n#include <mach_apic.h>\nint s;\n");
        files.put("xen/include/asm-x86/page.h", "#include \"../xen/types.h\"\n#include <asm/x86_64/page.h>\n");
        files.put("xen/include/asm-x86/x86_64/page.h", "int page64;\n");
        files.put("xen/include/asm-x86/mach-default/mach_apic.h", "int apic;\n");
        files.put("xen/include/asm-arm/page.h", "#error the other architecture's header\n");
        files.put("xen/include/xen/types.h", "int t;\n");
        files.put("xen/common/Makefile", "obj-y += a.o\n");
        files.put("xen/common/a.c", "#include <asm/page.h>\nint a;\n");
        files.put("xen/include/xen/config.h", "/* forced */\n");
        return files;
    }

    @Test
    void asmHeadersInTheirOldFolderResolveThroughTheLinkTheMakefileMakes() throws Exception {
        write(asmFolderLayout("ln -sf asm-$(TARGET_ARCH) include/asm"));
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            CompiledFileSet set = KbuildEvaluator.of(tree).evaluate(XenArch.X86_64, Map.of());
            assertThat(set.warnings()).isEmpty();
            assertThat(set.makeClocList()).containsExactly("xen/arch/x86/setup.c", "xen/common/a.c");
            assertThat(set.headers()).extracting(HeaderFile::path).containsExactlyInAnyOrder(
                    "xen/include/xen/config.h", "xen/include/asm-x86/page.h", "xen/include/asm-x86/x86_64/page.h",
                    "xen/include/xen/types.h", "xen/include/asm-x86/mach-default/mach_apic.h",
                    "xen/include/asm-x86/asm-offsets.h");
            assertThat(set.headers()).filteredOn(h -> h.path().endsWith("asm-offsets.h")).extracting(HeaderFile::generated)
                    .containsExactly(true);
        }
    }

    @Test
    void withoutTheLinkRecipeAsmHeadersResolveNowhere() throws Exception {
        // the same tree whose Makefile makes no link: the old folder alone is not on any include path
        write(asmFolderLayout("true"));
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            CompiledFileSet set = KbuildEvaluator.of(tree).evaluate(XenArch.X86_64, Map.of());
            assertThat(set.warnings()).extracting(KbuildWarning::message)
                    .contains("#include <asm/page.h> resolves nowhere");
        }
    }

    @Test
    void aPatternRuleWithoutDirectoryNamesFilesOfItsOwnDirectory() throws Exception {
        // Xen up to 4.16 runs make -C in each directory: arch/x86/mm/Makefile compiles guest_walk.c three times
        write(Map.of(
                "xen/Makefile", "all:\n",
                "xen/Rules.mk", "ALL_OBJS-y += $(BASEDIR)/arch/$(TARGET_ARCH)/built_in.o\n",
                "xen/scripts/Kbuild.include", "empty :=\n",
                "xen/arch/x86/arch.mk", "# nothing\n",
                "xen/arch/x86/Makefile", "subdir-y += mm\n",
                "xen/arch/x86/mm/Makefile", "obj-y += guest_walk_2.o guest_walk_3.o\n"
                        + "guest_walk_%.o: guest_walk.c Makefile\n\t$(CC) $(CFLAGS) -DGUEST_PAGING_LEVELS=$* -c $< -o $@\n",
                "xen/arch/x86/mm/guest_walk.c", "int walk;\n",
                "xen/include/xen/config.h", "/* forced */\n"));
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            CompiledFileSet set = KbuildEvaluator.of(tree).evaluate(XenArch.X86_64, Map.of());
            assertThat(set.warnings()).isEmpty();
            assertThat(set.makeClocList()).containsExactly("xen/arch/x86/mm/guest_walk.c");
            // one unit per object: the same source compiled twice
            assertThat(set.translationUnits()).extracting(TranslationUnit::path, TranslationUnit::object).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("xen/arch/x86/mm/guest_walk.c", "xen/arch/x86/mm/guest_walk_2.o"),
                    org.assertj.core.groups.Tuple.tuple("xen/arch/x86/mm/guest_walk.c", "xen/arch/x86/mm/guest_walk_3.o"));
        }
    }
}
