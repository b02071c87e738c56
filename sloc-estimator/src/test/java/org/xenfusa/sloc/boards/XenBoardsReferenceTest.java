package org.xenfusa.sloc.boards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.reference.XenReference;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.xen.XenArch;

/**
 * Every board's minimal configuration at RELEASE-4.22.0 of a real Xen clone (env XEN_SRC; read from git, so
 * the clone's work tree may be at any commit) keeps the
 * Kconfig symbols of its interrupt controller, timer, UART and IOMMU drivers enabled and compiles their files;
 * so do boards chosen together.
 */
class XenBoardsReferenceTest {
    static final String REF = XenReference.RELEASE;
    static Repository repository;
    static GitSourceTree tree;
    static BoardConfigurations configurations;
    static final BoardCatalog CATALOG = BoardCatalog.shipped();

    @BeforeAll
    static void open() throws IOException {
        String src = System.getenv("XEN_SRC");
        if (src == null || src.isBlank()) {
            return; // each test is skipped with the reason (see requireXen), not the class reported as 0 tests
        }
        repository = XenReference.xenRepository();
        tree = XenReference.tree(repository, REF);
        assertThat(tree.commit()).contains("d45d5687f1441495f4ee20d5e9940066c5fa5beb");
        configurations = new BoardConfigurations(ConfigurationCounter.of(tree));
    }

    @org.junit.jupiter.api.BeforeEach
    void requireXen() {
        XenReference.xenSource();
    }

    @AfterAll
    static void close() throws IOException {
        if (tree != null) {
            tree.close();
        }
        if (repository != null) {
            repository.close();
        }
    }

    static Stream<String> boards() {
        return CATALOG.boards().stream().map(Board::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boards")
    void aBoardsMinimalConfigurationKeepsItsDriversAndCompilesTheirFiles(String id) {
        Board b = CATALOG.board(id).orElseThrow();
        MinimalConfiguration m = configurations.minimal(List.of(b));
        print(id, m);
        assertThat(b.components(BoardDriver.Kind.GIC)).as(id).isNotEmpty();
        if (id.equals("imx8m")) {
            // the i.MX UART driver is not in RELEASE-4.22.0
            assertThat(m.unknownSymbols()).containsExactly("HAS_IMX_UART");
            assertThat(m.missingFiles()).containsExactly("xen/drivers/char/imx-uart.c");
        } else {
            assertThat(m.unknownSymbols()).as(id).isEmpty();
            assertThat(m.missingFiles()).as(id).isEmpty();
            assertThat(m.buildsEveryPort()).as(id).isTrue();
        }
        for (String s : b.requiredSymbols()) {
            if (!m.unknownSymbols().contains(s)) {
                assertThat(m.report().value(s)).as(id + " " + s).isEqualTo("y");
            }
        }
        assertThat(m.disabledSymbols()).as(id).isEmpty();
        assertThat(m.report().compiledFiles()).as(id).contains("xen/arch/arm/time.c");
        assertThat(m.report().compiledFiles()).as(id).containsAnyOf("xen/arch/arm/gic-v2.c", "xen/arch/arm/gic-v3.c");
    }

    @Test
    void rcar3AndZynqmpTogetherKeepGicV2AndEveryDriver() {
        MinimalConfiguration two = configurations.minimal(List.of(CATALOG.board("rcar3").orElseThrow(), CATALOG.board("zynqmp").orElseThrow()));
        print("rcar3+zynqmp", two);
        assertThat(two.report().value("GICV2")).isEqualTo("y");
        assertThat(two.requiredSymbols()).containsExactly("GICV2", "HAS_SCIF", "IPMMU_VMSA", "HAS_CADENCE_UART", "ARM_SMMU");
        assertThat(two.disabledSymbols()).isEmpty();
        assertThat(two.report().compiledFiles()).contains("xen/arch/arm/gic-v2.c", "xen/arch/arm/time.c",
                "xen/drivers/char/scif-uart.c", "xen/drivers/char/cadence-uart.c", "xen/drivers/passthrough/arm/ipmmu-vmsa.c",
                "xen/drivers/passthrough/arm/smmu.c", "xen/arch/arm/platforms/xilinx-zynqmp.c");
        assertThat(two.buildsEveryPort()).isTrue();
    }

    @Test
    void everyArm64BoardTogetherKeepsBothGicsAndEveryDriver() {
        List<Board> arm64 = CATALOG.boards().stream().filter(b -> b.arch() == XenArch.ARM64 && !b.id().equals("imx8m")).toList();
        MinimalConfiguration all = configurations.minimal(arm64);
        print("all arm64 but imx8m", all);
        assertThat(all.report().value("GICV2")).isEqualTo("y");
        assertThat(all.report().value("GICV3")).isEqualTo("y");
        assertThat(all.disabledSymbols()).isEmpty();
        assertThat(all.missingFiles()).isEmpty();
        assertThat(all.buildsEveryPort()).isTrue();
    }

    @Test
    void everyArm32BoardTogetherKeepsGicV2AndEveryDriver() {
        List<Board> arm32 = CATALOG.boards().stream().filter(b -> b.arch() == XenArch.ARM32).toList();
        MinimalConfiguration all = configurations.minimal(arm32);
        print("all arm32", all);
        assertThat(all.report().value("GICV2")).isEqualTo("y");
        assertThat(all.disabledSymbols()).isEmpty();
        assertThat(all.missingFiles()).isEmpty();
        assertThat(all.buildsEveryPort()).isTrue();
    }

    private static void print(String what, MinimalConfiguration m) {
        System.out.printf("%-20s %s; make cloc %d files %d code; GICV2=%s GICV3=%s; missing %s; unknown %s%n", what,
                m.request().overrides(), m.report().makeCloc().files(), m.report().makeCloc().code(), m.report().value("GICV2"),
                m.report().value("GICV3"), m.missingFiles(), m.unknownSymbols());
    }
}
