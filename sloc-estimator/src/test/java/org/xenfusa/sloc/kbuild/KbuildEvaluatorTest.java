package org.xenfusa.sloc.kbuild;

import org.xenfusa.sloc.xen.XenArch;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.tree.DirectorySourceTree;

/** The synthetic tree of {@link SyntheticXenTree}; expectations reasoned out and the Makefile constructs checked with GNU make 4.3. */
// [utest->dsn~makefile-walk~1] [utest->err~compiled-file-missed~1]
class KbuildEvaluatorTest {
    @TempDir
    Path dir;
    CompiledFileSet result;

    @BeforeEach
    void evaluate() throws IOException {
        SyntheticXenTree.write(dir);
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            DotConfig config = DotConfig.parse("""
                    CONFIG_FOO=y
                    # CONFIG_BAR is not set
                    CONFIG_X86=y
                    CONFIG_NAME="xen"
                    CONFIG_PV=y
                    """);
            result = KbuildEvaluator.of(tree).evaluate(XenArch.X86_64, config);
        }
    }

    @Test
    void evaluatesEveryMakefileConstruct() {
        assertThat(result.translationUnits()).extracting(TranslationUnit::path).containsExactly(
                "xen/arch/x86/efi/boot.c", "xen/arch/x86/efi/stub.c", "xen/arch/x86/setup.c",
                "xen/common/a.c", "xen/common/called.c", "xen/common/dash-name.c", "xen/common/early.S",
                "xen/common/foo-not-bar.c", "xen/common/foo.c", "xen/common/from-include.c", "xen/common/gen-x.c",
                "xen/common/gen-y.c", "xen/common/gen.S", "xen/common/iffoo.c", "xen/common/lazy.c",
                "xen/common/loop-p.c", "xen/common/loop-q.c", "xen/common/named.c", "xen/common/no-baz.c",
                "xen/common/only-foo.c", "xen/common/qdef.c", "xen/common/sub/never-closed.c", "xen/common/sub/s.c",
                "xen/common/wild-1.c", "xen/common/wild-2.c", "xen/common/x.c", "xen/lib/l1.c", "xen/lib/lx.c");
    }

    @Test
    void namesGeneratedSourcesAndWhereTheirContentComesFrom() {
        Map<String, SourceOrigin> origins = result.translationUnits().stream()
                .collect(java.util.stream.Collectors.toMap(TranslationUnit::path, TranslationUnit::origin));
        assertThat(origins.get("xen/arch/x86/efi/boot.c")).isEqualTo(SourceOrigin.copyOf("xen/common/efi/boot.c"));
        assertThat(origins.get("xen/common/gen.S")).isEqualTo(SourceOrigin.generatedFrom("xen/tools/mkgen"));
        assertThat(origins.get("xen/common/a.c")).isEqualTo(SourceOrigin.tracked());
        assertThat(result.translationUnits()).filteredOn(u -> u.path().endsWith("early.S"))
                .extracting(TranslationUnit::object).containsExactly("xen/common/early.o");
    }

    @Test
    void makeClocListAddsIncludedSourcesInLiveOrUndecidedBranches() {
        List<String> units = result.translationUnits().stream().map(TranslationUnit::path).toList();
        assertThat(result.makeClocList()).containsAll(units);
        assertThat(result.makeClocList()).filteredOn(p -> !units.contains(p)).containsExactly(
                "xen/common/inc-foo.c", "xen/common/inc-undecided.c", "xen/common/inc-value.c");
        assertThat(result.undecidedConditions()).isEqualTo(1);
    }

    @Test
    void followsIncludePathsAndNamesGeneratedHeaders() {
        assertThat(result.headers()).containsExactly(
                new HeaderFile("xen/arch/x86/efi/efi.h", false),
                new HeaderFile("xen/arch/x86/include/asm/asm-offsets.h", true),
                new HeaderFile("xen/arch/x86/include/generated/asm/div64.h", true),
                new HeaderFile("xen/common/local.h", false),
                new HeaderFile("xen/include/asm-generic/div64.h", false),
                new HeaderFile("xen/include/xen/config.h", false),
                new HeaderFile("xen/include/xen/kconfig.h", false),
                new HeaderFile("xen/include/xen/lib.h", false),
                new HeaderFile("xen/include/xen/linkage.h", false),
                new HeaderFile("xen/include/xen/types.h", false));
    }

    @Test
    void warnsWithFileAndLineAndKeepsGoing() {
        assertThat(result.warnings()).extracting(KbuildWarning::toString).containsExactlyInAnyOrder(
                "xen/common/Makefile:45: unparsable Makefile line (missing separator): this line is not make",
                "xen/common/sub/Makefile:2: conditional never closes (missing endif)",
                "xen/common/Makefile:0: object with no source: xen/common/ghost.o",
                "xen/arch/x86/Makefile:0: object with no source: xen/arch/x86/pv.o",
                "xen/common/a.c:23: #include <nowhere.h> resolves nowhere",
                // a generated source make cloc would count, whose content only a real build makes
                "xen/common/gen.S:0: made at build time from xen/tools/mkgen; its content needs a real build and"
                        + " the toolchain profile debian12-gcc12-x86_64 declares no count for it: not counted");
    }
}
