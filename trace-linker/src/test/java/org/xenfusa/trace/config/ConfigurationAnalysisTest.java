package org.xenfusa.trace.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.graph.TraceGraph;
import org.xenfusa.trace.link.LinkFileReader;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationItemId;
import org.xenfusa.trace.spec.SpecificationScanner;

/** Per configuration: which requirements apply, coverage per level, untraced code in cloc lines. */
// [utest->dsn~configuration-coverage~1]
class ConfigurationAnalysisTest {
    @TempDir Path tmp;

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void linkedCompiledCodeMakesItsRequirementsApplyAndTheRestIsUntraced() throws IOException {
        write("docs/reqs.rst", """
                `XenMkt~console~1`

                Needs: XenProd

                `XenProd~console~1`

                Covers:
                 - XenMkt~console~1

                Needs: XenSwdgn

                `XenSwdgn~uart~1`

                Covers:
                 - XenProd~console~1

                Needs: impl

                `XenSwdgn~timer~1`

                Needs: impl
                """);
        write("xen/drivers/uart.c", """
                /* UART driver */
                static int uart_init(void)
                {
                    return 0;
                }

                int uart_put(char c)
                {
                    /* comment */
                    return c;
                }
                """);
        write("xen/common/timer.c", """
                int timer_init(void)
                {
                    return 1;
                }
                """);
        write("xen/arch/x86/notcompiled.c", "int x(void) { return 0; }\n");
        LinkSet links = LinkFileReader.read("links.yaml", """
                version: 1
                links:
                  - requirement: XenSwdgn~uart~1
                    code:
                      - file: xen/drivers/uart.c
                        function: uart_put
                  - requirement: XenSwdgn~timer~1
                    code:
                      - file: xen/arch/x86/notcompiled.c
                        function: x
                """.getBytes(StandardCharsets.UTF_8));
        try (DirectorySourceTree tree = DirectorySourceTree.open(tmp)) {
            FunctionIndex index = FunctionIndex.of(tree);
            SpecificationImport specs = SpecificationScanner.under("").scan(tree);
            TraceGraph graph = TraceGraph.build(specs, links, index);
            assertThat(graph.problems()).isEmpty();
            ConfigurationCoverage cov = new ConfigurationAnalysis().analyse(graph, index,
                    List.of("xen/drivers/uart.c", "xen/common/timer.c"), Map.of());
            assertThat(cov.applicable()).contains(SpecificationItemId.parse("XenSwdgn~uart~1"),
                    SpecificationItemId.parse("XenProd~console~1"), SpecificationItemId.parse("XenMkt~console~1"))
                    .doesNotContain(SpecificationItemId.parse("XenSwdgn~timer~1"));
            // uart.c: 8 code lines, uart_put has 4 of them; timer.c: 4, none traced
            assertThat(cov.compiledCode()).isEqualTo(12);
            assertThat(cov.tracedCode()).isEqualTo(4);
            assertThat(cov.untracedCode()).isEqualTo(8);
            assertThat(cov.untracedFunctions()).extracting(FunctionSloc::name, FunctionSloc::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("timer_init", 4),
                            org.assertj.core.groups.Tuple.tuple("uart_init", 4));
            assertThat(cov.directories()).extracting(DirectorySloc::directory)
                    .containsExactly("xen/common/", "xen/drivers/");
            LevelCoverage design = cov.levels().stream().filter(l -> l.level() == TraceLevel.DESIGN).findFirst()
                    .orElseThrow();
            assertThat(design.items()).isEqualTo(2);
            assertThat(design.applicable()).isEqualTo(1);
            assertThat(design.coveredDeep()).isEqualTo(1);
            LevelCoverage market = cov.levels().get(0);
            assertThat(market.level()).isEqualTo(TraceLevel.MARKET);
            assertThat(market.coveredDeep()).isEqualTo(1);
        }
    }
}
