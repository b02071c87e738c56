package org.xenfusa.sloc.boards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.reference.XenReference;
import org.xenfusa.sloc.tree.GitSourceTree;

/** Every board's minimal configuration on RELEASE-4.22.0 of a real Xen clone (env XEN_SRC) compiles the files its port needs. */
class XenBoardsReferenceTest {
    @Test
    void everyBoardsMinimalConfigurationBuildsItsPort() throws IOException {
        try (Repository repo = XenReference.xenRepository();
             GitSourceTree tree = XenReference.tree(repo, XenReference.RELEASE)) {
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
