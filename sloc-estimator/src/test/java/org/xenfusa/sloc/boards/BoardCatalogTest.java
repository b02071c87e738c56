package org.xenfusa.sloc.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xenfusa.sloc.boards.BoardDriver.Kind;
import org.xenfusa.sloc.xen.XenArch;

/** The shipped board table reads with every board's components; the older format still reads; a malformed one is refused with file and line. */
class BoardCatalogTest {
    @Test
    void shippedTableHasTheBoardsAndTheirDrivers() {
        BoardCatalog c = BoardCatalog.shipped();
        assertThat(c.boards()).extracting(Board::id).contains("rcar2", "rcar3", "rcar4", "zynqmp", "sunxi", "arndale", "omap5",
                "midway", "rpi4", "imx8qm", "imx8m", "s32g", "vexpress", "fvp", "seattle", "thunderx", "xgene", "qemu-virt");
        Board zynqmp = c.board("zynqmp").orElseThrow();
        assertThat(zynqmp.arch()).isEqualTo(XenArch.ARM64);
        assertThat(zynqmp.platform()).isEqualTo("MPSOC");
        assertThat(zynqmp.requiredFiles()).containsExactly("arch/arm/platforms/xilinx-zynqmp.c",
                "arch/arm/platforms/xilinx-zynqmp-eemi.c", "arch/arm/gic-v2.c", "arch/arm/time.c", "drivers/char/cadence-uart.c",
                "drivers/passthrough/arm/smmu.c");
        assertThat(zynqmp.requiredSymbols()).containsExactly("GICV2", "HAS_CADENCE_UART", "ARM_SMMU");
        assertThat(c.drivers()).extracting(BoardDriver::name).contains("gicv2", "gicv3", "generic-timer", "scif", "pl011", "cadence",
                "exynos4210", "omap", "meson", "mvebu", "imx-lpuart", "imx-uart", "linflex", "ns16550", "ipmmu-vmsa", "smmu", "smmuv3");
        assertThat(c.boards()).allSatisfy(b -> assertThat(b.source()).isNotBlank());
    }

    @Test
    void everyShippedBoardRecordsItsInterruptControllerTimerUartAndIommuWithTheirSources() {
        for (Board b : BoardCatalog.shipped().boards()) {
            assertThat(b.unrecordedEssentials()).as(b.id()).isEmpty();
            for (Kind k : Kind.values()) {
                assertThat(b.components(k)).as(b.id() + " " + k).isNotEmpty();
            }
            assertThat(b.components()).as(b.id()).allSatisfy(comp -> assertThat(comp.source()).isNotBlank());
            assertThat(b.components(Kind.TIMER)).as(b.id()).extracting(BoardComponent::driverName).containsExactly("generic-timer");
        }
        BoardCatalog c = BoardCatalog.shipped();
        assertThat(gic(c, "rcar3")).isEqualTo("gicv2");
        assertThat(gic(c, "zynqmp")).isEqualTo("gicv2");
        assertThat(gic(c, "rcar4")).isEqualTo("gicv3");
        assertThat(c.board("rcar3").orElseThrow().components(Kind.UART)).extracting(BoardComponent::driverName).containsExactly("scif");
        assertThat(c.board("rcar3").orElseThrow().components(Kind.IOMMU)).extracting(BoardComponent::driverName).containsExactly("ipmmu-vmsa");
        assertThat(c.board("zynqmp").orElseThrow().components(Kind.UART)).extracting(BoardComponent::driverName).containsExactly("cadence");
        assertThat(c.board("zynqmp").orElseThrow().components(Kind.IOMMU)).extracting(BoardComponent::driverName).containsExactly("smmu");
        assertThat(c.board("sunxi").orElseThrow().components(Kind.UART)).extracting(BoardComponent::driverName).containsExactly("ns16550");
        assertThat(c.board("arndale").orElseThrow().components(Kind.UART)).extracting(BoardComponent::driverName).containsExactly("exynos4210");
        assertThat(c.board("omap5").orElseThrow().components(Kind.UART)).extracting(BoardComponent::driverName).containsExactly("omap");
        assertThat(c.board("sunxi").orElseThrow().components(Kind.IOMMU)).extracting(BoardComponent::driverName).containsExactly("none");
        assertThat(c.board("rcar3").orElseThrow().component("gicv2").orElseThrow().source()).contains("arm,gic-400");
    }

    private static String gic(BoardCatalog c, String id) {
        return c.board(id).orElseThrow().components(Kind.GIC).get(0).driverName();
    }

    @Test
    void theFormatWithoutComponentsStillReads() {
        BoardCatalog c = BoardCatalog.parse("old.txt", """
                driver uart scif HAS_SCIF drivers/char/scif-uart.c
                driver iommu smmuv3 ARM_SMMU_V3 drivers/passthrough/arm/smmu-v3.c needs EXPERT=y
                board rcar3 | R-Car | arm64 | RCAR3 | - | scif smmuv3 | the old source column
                """);
        Board b = c.board("rcar3").orElseThrow();
        assertThat(b.drivers()).extracting(BoardDriver::name).containsExactly("scif", "smmuv3");
        assertThat(b.components()).extracting(BoardComponent::source).containsOnly("the old source column");
        assertThat(b.unrecordedEssentials()).containsExactly(Kind.GIC, Kind.TIMER);
        assertThat(b.drivers().get(1).needs()).extracting(n -> n.symbol() + "=" + n.value()).containsExactly("EXPERT=y");
    }

    @Test
    void usesLinesGiveEachComponentItsSource() {
        BoardCatalog c = BoardCatalog.parse("t.txt", """
                driver gic gicv2 GICV2 arch/arm/gic-v2.c
                driver timer generic-timer - arch/arm/time.c
                driver uart scif HAS_SCIF drivers/char/scif-uart.c
                board a | A | arm64 | RCAR3 | - | scif | board source
                uses gicv2 | dts: "arm,gic-400"
                uses generic-timer | dts: "arm,armv8-timer"
                uses scif | Kconfig: RCAR3 selects HAS_SCIF
                uses no iommu | none on this SoC
                board b | B | arm64 | NO_PLAT | - | - | b
                """);
        Board a = c.board("a").orElseThrow();
        assertThat(a.components()).extracting(BoardComponent::driverName).containsExactly("scif", "gicv2", "generic-timer", "none");
        assertThat(a.component("scif").orElseThrow().source()).isEqualTo("Kconfig: RCAR3 selects HAS_SCIF");
        assertThat(a.components(Kind.IOMMU).get(0).driver()).isEqualTo(Optional.empty());
        assertThat(a.requiredSymbols()).containsExactly("HAS_SCIF", "GICV2");
        assertThat(a.requiredFiles()).containsExactly("drivers/char/scif-uart.c", "arch/arm/gic-v2.c", "arch/arm/time.c");
        assertThat(c.board("b").orElseThrow().components()).isEmpty();
    }

    @Test
    void malformedLinesNameFileAndLine() {
        assertThatThrownBy(() -> BoardCatalog.parse("t.txt", "driver uart a HAS_A a.c\nboard x | X | arm64 | QEMU | - | b | src\n"))
                .hasMessage("t.txt:2: unknown driver 'b' (declare it with a 'driver' line first)");
        assertThatThrownBy(() -> BoardCatalog.parse("t.txt", "board x | X | sparc | QEMU | - |  | src\n"))
                .hasMessageStartingWith("t.txt:1: unknown architecture 'sparc'");
        assertThatThrownBy(() -> BoardCatalog.parse("t.txt", "boards\n")).hasMessageStartingWith("t.txt:1: expected a 'driver', 'board' or 'uses' line");
        assertThatThrownBy(() -> BoardCatalog.parse("t.txt", "driver serial a HAS_A a.c\n"))
                .hasMessage("t.txt:1: driver kind is gic, timer, uart or iommu, not serial");
        assertThatThrownBy(() -> BoardCatalog.parse("t.txt", "uses gicv2 | dts\n"))
                .hasMessage("t.txt:1: a 'uses' line belongs to the 'board' line above it; there is none");
        assertThatThrownBy(() -> BoardCatalog.parse("t.txt", "driver gic gicv2 GICV2 g.c\nboard x | X | arm64 | QEMU | - | - | s\nuses gicv2\n"))
                .hasMessageStartingWith("t.txt:3: expected 'uses DRIVER | SOURCE' or 'uses no KIND | SOURCE'");
        assertThatThrownBy(() -> BoardCatalog.parse("t.txt", "board x | X | arm64 | QEMU | - | - | s\nuses gicv9 | dts\n"))
                .hasMessage("t.txt:2: unknown driver 'gicv9' (declare it with a 'driver' line first)");
        assertThatThrownBy(() -> BoardCatalog.parse("t.txt", "board x | X | arm64 | QEMU | - | - | s\nuses no bus | dts\n"))
                .hasMessage("t.txt:2: driver kind is gic, timer, uart or iommu, not bus");
    }
}
