package org.xenfusa.sloc.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.sloc.xen.XenArch;

/**
 * Minimal configurations on {@link SyntheticArmTree} with the shipped table's R-Car H3 and Zynq UltraScale+
 * rows: the interrupt controller and timer stay in, alone and together (issue 10: allnoconfig turned both
 * GIC drivers off while the page said the configuration compiled every file the ports need).
 */
// [utest->dsn~configuration-comparison~1]
class BoardConfigurationsTest {
    @TempDir
    Path dir;
    DirectorySourceTree tree;
    BoardConfigurations configurations;
    BoardCatalog shipped = BoardCatalog.shipped();

    @BeforeEach
    void open() throws IOException {
        SyntheticArmTree.write(dir);
        tree = DirectorySourceTree.open(dir);
        configurations = new BoardConfigurations(ConfigurationCounter.of(tree));
    }

    @AfterEach
    void close() throws IOException {
        tree.close();
    }

    @Test
    void rcar3KeepsItsGicTimerUartAndIommu() {
        MinimalConfiguration m = configurations.minimal(List.of(shipped.board("rcar3").orElseThrow()));
        assertThat(m.report().value("GICV2")).isEqualTo("y");
        assertThat(m.report().value("GICV3")).isEqualTo("n");
        assertThat(m.report().value("HAS_SCIF")).isEqualTo("y");
        assertThat(m.report().value("IPMMU_VMSA")).isEqualTo("y");
        assertThat(m.requiredSymbols()).containsExactly("GICV2", "HAS_SCIF", "IPMMU_VMSA");
        assertThat(m.report().compiledFiles()).contains("xen/arch/arm/gic-v2.c", "xen/arch/arm/time.c",
                "xen/drivers/char/scif-uart.c", "xen/drivers/passthrough/arm/ipmmu-vmsa.c");
        assertThat(m.requiredFiles()).containsExactly("xen/arch/arm/gic-v2.c", "xen/arch/arm/time.c",
                "xen/drivers/char/scif-uart.c", "xen/drivers/passthrough/arm/ipmmu-vmsa.c");
        assertThat(m.missingFiles()).isEmpty();
        assertThat(m.disabledSymbols()).isEmpty();
        assertThat(m.buildsEveryPort()).isTrue();
        // setup 1, gic 1, gic-v2 2, time 2, core 1, scif 1, ipmmu 1
        assertThat(m.report().makeCloc().code()).isEqualTo(9);
    }

    @Test
    void rcar3AndZynqmpTogetherKeepTheGicNeitherPlatformChoiceSelects() {
        MinimalConfiguration m = configurations.minimal(List.of(shipped.board("rcar3").orElseThrow(),
                shipped.board("zynqmp").orElseThrow()));
        assertThat(m.request().overrides()).extracting(o -> o.symbol() + "=" + o.value())
                .containsExactly("ALL_PLAT=y", "GICV2=y", "HAS_SCIF=y", "IPMMU_VMSA=y", "HAS_CADENCE_UART=y", "ARM_SMMU=y");
        assertThat(m.report().value("GICV2")).isEqualTo("y");
        for (String s : m.requiredSymbols()) {
            assertThat(m.report().value(s)).as(s).isEqualTo("y");
        }
        assertThat(m.report().compiledFiles()).contains("xen/arch/arm/gic-v2.c", "xen/arch/arm/time.c",
                "xen/arch/arm/platforms/xilinx-zynqmp.c", "xen/drivers/char/cadence-uart.c", "xen/drivers/passthrough/arm/smmu.c");
        assertThat(m.report().compiledFiles()).doesNotContain("xen/arch/arm/gic-v3.c");
        assertThat(m.buildsEveryPort()).isTrue();
        assertThat(m.notes()).singleElement().asString().contains("ALL_PLAT");
    }

    @Test
    void aTableWithoutComponentsIsNotSaidToBuildThePort() {
        // the format before components: drivers in the board line's column, no interrupt controller or timer
        BoardCatalog old = BoardCatalog.parse("old.txt", """
                driver uart scif HAS_SCIF drivers/char/scif-uart.c
                driver iommu ipmmu-vmsa IPMMU_VMSA drivers/passthrough/arm/ipmmu-vmsa.c
                board rcar3 | Renesas R-Car H3/M3 (Gen3) | arm64 | RCAR3 | - | scif ipmmu-vmsa | platforms/Kconfig
                """);
        MinimalConfiguration m = configurations.minimal(old.boards());
        assertThat(m.missingFiles()).isEmpty();
        assertThat(m.report().value("GICV2")).isEqualTo("n");
        assertThat(m.unrecordedEssentials()).containsExactly("rcar3: interrupt controller", "rcar3: timer");
        assertThat(m.buildsEveryPort()).isFalse();
    }

    @Test
    void aDriverTheKconfigRulesKeepOffIsReported() {
        BoardCatalog table = BoardCatalog.parse("its.txt", """
                driver gic gicv3 GICV3 arch/arm/gic-v3.c
                driver gic its HAS_ITS arch/arm/gic-v3-its.c
                driver timer generic-timer - arch/arm/time.c
                board b | B | arm64 | NO_PLAT | - | - | test
                uses gicv3 | test
                uses its | test
                uses generic-timer | test
                """);
        MinimalConfiguration m = configurations.minimal(table.boards());
        assertThat(m.disabledSymbols()).containsExactly("HAS_ITS"); // its prompt needs UNSUPPORTED
        assertThat(m.missingFiles()).containsExactly("xen/arch/arm/gic-v3-its.c");
        assertThat(m.buildsEveryPort()).isFalse();
    }

    @Test
    void anArm32AndAnArm64BoardTogetherRaiseANamedError() {
        Board rcar2 = shipped.board("rcar2").orElseThrow();
        Board rcar3 = shipped.board("rcar3").orElseThrow();
        assertThat(rcar2.arch()).isEqualTo(XenArch.ARM32);
        assertThatThrownBy(() -> configurations.minimal(List.of(rcar3, rcar2)))
                .isInstanceOf(MixedArchitectureBoardsException.class)
                .hasMessage("boards of different architectures cannot share one configuration (a Xen build targets one"
                        + " architecture): arm64 rcar3; arm32 rcar2. Choose boards of one architecture, or compute one"
                        + " configuration per architecture.")
                .satisfies(e -> assertThat(((MixedArchitectureBoardsException) e).boardsByArch())
                        .containsEntry(XenArch.ARM32, List.of("rcar2")).containsEntry(XenArch.ARM64, List.of("rcar3")));
    }
}
