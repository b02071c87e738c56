package org.xenfusa.sloc.boards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xenfusa.sloc.xen.XenArch;

/** The shipped board table reads, and a malformed one is refused with file and line. */
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
                "arch/arm/platforms/xilinx-zynqmp-eemi.c", "drivers/char/cadence-uart.c", "drivers/passthrough/arm/smmu.c");
        assertThat(c.drivers()).extracting(BoardDriver::name).contains("scif", "pl011", "cadence", "exynos4210", "omap", "meson",
                "mvebu", "imx-lpuart", "imx-uart", "linflex", "ns16550", "ipmmu-vmsa", "smmu", "smmuv3");
        assertThat(c.boards()).allSatisfy(b -> assertThat(b.source()).isNotBlank());
    }

    @Test
    void malformedLinesNameFileAndLine() {
        assertThatThrownBy(() -> BoardCatalog.parse("t.txt", "driver uart a HAS_A a.c\nboard x | X | arm64 | QEMU | - | b | src\n"))
                .hasMessage("t.txt:2: unknown driver 'b' (declare it with a 'driver' line first)");
        assertThatThrownBy(() -> BoardCatalog.parse("t.txt", "board x | X | sparc | QEMU | - |  | src\n"))
                .hasMessageStartingWith("t.txt:1: unknown architecture 'sparc'");
        assertThatThrownBy(() -> BoardCatalog.parse("t.txt", "boards\n")).hasMessageStartingWith("t.txt:1: expected a 'driver' or 'board' line");
    }
}
