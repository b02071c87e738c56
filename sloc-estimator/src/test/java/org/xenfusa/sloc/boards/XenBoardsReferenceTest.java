package org.xenfusa.sloc.boards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.tree.DirectorySourceTree;

/** Every board's minimal configuration on a real Xen checkout (env XEN_SRC) compiles the files its port needs. */
class XenBoardsReferenceTest {
    @Test
    void everyBoardsMinimalConfigurationBuildsItsPort() throws IOException {
        String xen = System.getenv("XEN_SRC");
        if (xen == null || xen.isBlank()) {
            Assumptions.abort("XEN_SRC not set: point it at a Xen checkout of RELEASE-4.22.0 (e.g. /work/xen) to build the board configurations");
        }
        try (DirectorySourceTree tree = DirectorySourceTree.open(Path.of(xen))) {
            BoardConfigurations boards = new BoardConfigurations(ConfigurationCounter.of(tree));
            BoardCatalog catalog = BoardCatalog.shipped();
            for (Board b : catalog.boards()) {
                BoardFigures f = boards.figures(b);
                MinimalConfiguration m = f.configuration();
                System.out.printf("%-10s %-6s %-9s make cloc %6d code (%d files), only this board %5d code %s; missing %s; unknown %s%n",
                        b.id(), b.arch().targetArch(), b.platform(), m.report().makeCloc().code(), m.report().makeCloc().files(),
                        f.boardOnly().code(), f.boardOnlyFiles(), m.missingFiles(), m.unknownSymbols());
                if (b.id().equals("imx8m")) {
                    // the i.MX UART driver is not in RELEASE-4.22.0
                    assertThat(m.unknownSymbols()).containsExactly("HAS_IMX_UART");
                } else {
                    assertThat(m.missingFiles()).as(b.id()).isEmpty();
                    assertThat(m.unknownSymbols()).as(b.id()).isEmpty();
                }
            }
            MinimalConfiguration two = boards.minimal(List.of(catalog.board("rcar3").orElseThrow(), catalog.board("zynqmp").orElseThrow()));
            System.out.printf("rcar3+zynqmp: %s, make cloc %d; notes %s%n", two.request().overrides(), two.report().makeCloc().code(), two.notes());
            assertThat(two.missingFiles()).isEmpty();
        }
    }
}
