package org.xenfusa.trace.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.spec.ItemStatus;
import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;

// [utest->dsn~link-suggestions~1]
class FunctionSuggesterTest {
    @TempDir
    Path dir;

    private FunctionIndex index;

    @BeforeEach
    void tree() throws IOException {
        write("xen/arch/arm/timer.c", """
                /* SPDX-License-Identifier: GPL-2.0-only */
                /* Generic timer of the boot CPU */
                static unsigned int cpu_khz;

                /* Read the frequency of the system counter */
                static void read_counter_frequency(void)
                {
                    cpu_khz = READ_SYSREG(HSR_CNTFRQ_EL0) / 1000;
                }

                void phys_timer_expired(void *data)
                {
                    inject_irq(data);
                }
                """);
        write("xen/arch/arm/vuart.c", """
                /*
                 * Virtual SBSA UART
                 */
                static int vuart_mmio_read(int reg)
                {
                    switch ( reg )
                    {
                    case DR: return read_data();
                    case FR: return flags();
                    }
                    return 0;
                }

                int make_uart_node(void *fdt)
                {
                    return fdt_property_string(fdt, "compatible", "arm,sbsa-uart");
                }
                """);
        write("xen/common/version.c", """
                long do_version(int cmd)
                {
                    switch ( cmd )
                    {
                    case XENVER_version:
                        return 4;
                    }
                    return -1;
                }
                """);
        // the same function in two files: equal scores, the earlier path first
        String same = """
                int count_widgets(void)
                {
                    return widget_count;
                }
                """;
        write("xen/common/b.c", same);
        write("xen/common/a.c", same);
        // not compiled: never suggested, although it names the register
        write("xen/arch/x86/other.c", """
                void other_cntfrq(void) { use(CNTFRQ_EL0); }
                """);
        index = FunctionIndex.of(DirectorySourceTree.open(dir));
    }

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private FunctionSuggester suggester() {
        return FunctionSuggester.of(index, List.of("xen/arch/arm/timer.c", "xen/arch/arm/vuart.c",
                "xen/common/version.c", "xen/common/a.c", "xen/common/b.c", "xen/generated/asm-offsets.c"));
    }

    private static SpecificationItem requirement(String name, String title, String description) {
        return new SpecificationItem(SpecificationItemId.parse("XenSwdgn~" + name + "~1"), title, description, "", "",
                new Location("docs/fusa/reqs/design-reqs/arm64/reqs.rst", 10), ItemStatus.APPROVED, List.of(),
                List.of(), List.of(), List.of(), false);
    }

    @Test
    void aRegisterNamedInTheRequirementFindsTheFunctionThatReadsIt() {
        try (FunctionSuggester s = suggester()) {
            assertThat(s.functions()).isEqualTo(7);
            assertThat(s.files()).isEqualTo(5);
            List<LinkSuggestion> found = s.suggest(requirement("read_freq", "Read system counter frequency",
                    "Xen shall expose the frequency of the system counter to the domains in CNTFRQ_EL0 register."), 5);
            LinkSuggestion first = found.get(0);
            assertThat(first.function()).isEqualTo("read_counter_frequency");
            assertThat(first.file()).isEqualTo("xen/arch/arm/timer.c");
            assertThat(first.lines().toString()).isEqualTo("6-9");
            assertThat(first.reasons()).contains(new MatchReason("CNTFRQ_EL0", true, List.of("body")));
            assertThat(first.reasonText()).contains("frequency in name, comment").contains("counter in name, comment");
            assertThat(found).extracting(LinkSuggestion::file).doesNotContain("xen/arch/x86/other.c");
            assertThat(found).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        }
    }

    @Test
    void aDeviceTreeCompatibleMatchesAStringLiteral() {
        try (FunctionSuggester s = suggester()) {
            List<LinkSuggestion> found = s.suggest(requirement("uart_probe_dt", "Probe the UART device tree node",
                    "Xen shall generate a device tree node \"arm,sbsa-uart\" for the SBSA UART."), 3);
            assertThat(found.get(0).function()).isEqualTo("make_uart_node");
            assertThat(found.get(0).reasonText()).contains("arm,sbsa-uart in string").contains("node in name");
        }
    }

    @Test
    void aRegisterOfADeviceIsFoundByItsShortNameAndAnEmulatedDeviceByAVirtualOne() {
        try (FunctionSuggester s = suggester()) {
            List<LinkSuggestion> found = s.suggest(requirement("uart_flag", "Access UART flag register",
                    "Xen shall emulate the UARTFR register."), 3);
            assertThat(found.get(0).function()).isEqualTo("vuart_mmio_read");
            assertThat(found.get(0).reasonText()).contains("UARTFR in body").contains("emulate (virtual) in comment, file");
        }
    }

    @Test
    void abbreviationsOfTheCodeMatchTheRequirementsWords() {
        try (FunctionSuggester s = suggester()) {
            List<LinkSuggestion> found = s.suggest(requirement("phys_irq", "Trigger the physical timer interrupt",
                    "Xen shall generate physical timer interrupts."), 3);
            assertThat(found.get(0).function()).isEqualTo("phys_timer_expired");
            assertThat(found.get(0).reasonText()).contains("physical (phys) in name").contains("timer in name");
        }
    }

    @Test
    void anAbbreviationIsOfItsWordOnlyNotOfAnotherWithTheSameStem() {
        try (FunctionSuggester s = suggester()) {
            // Porter stems generic and generate alike: only "generate" stands for make_*
            List<LinkSuggestion> generic = s.suggest(requirement("g", "Generic", "A generic one."), 5);
            assertThat(generic).extracting(LinkSuggestion::function).containsExactly("read_counter_frequency",
                    "phys_timer_expired");
            assertThat(generic).extracting(LinkSuggestion::reasonText).containsOnly("Generic in file");
            List<LinkSuggestion> generate = s.suggest(requirement("g", "Generate", "Generate it."), 5);
            assertThat(generate).extracting(LinkSuggestion::function).startsWith("make_uart_node");
            assertThat(generate.get(0).reasonText()).isEqualTo("Generate (make) in name");
        }
    }

    @Test
    void aHypercallCommandFindsItsHandler() {
        try (FunctionSuggester s = suggester()) {
            List<LinkSuggestion> found = s.suggest(requirement("version", "Version",
                    "Xen shall return its version when XENVER_version command is invoked."), 1);
            assertThat(found).hasSize(1);
            assertThat(found.get(0).function()).isEqualTo("do_version");
            assertThat(found.get(0).reasonText()).startsWith("XENVER_version in body");
        }
    }

    @Test
    void equalScoresAreOrderedByFileThenLine() {
        try (FunctionSuggester s = suggester()) {
            List<LinkSuggestion> found = s.suggest(requirement("widgets", "Count widgets", "Count the widgets."), 2);
            assertThat(found).extracting(LinkSuggestion::file).containsExactly("xen/common/a.c", "xen/common/b.c");
            assertThat(found.get(0).score()).isEqualTo(found.get(1).score());
        }
    }

    @Test
    void nothingInCommonGivesNoSuggestionAndZeroSuggestionsAreRefused() {
        try (FunctionSuggester s = suggester()) {
            assertThat(s.suggest(requirement("none", "Quux", "Zorblax."), 5)).isEmpty();
            assertThatThrownBy(() -> s.suggest(requirement("none", "Quux", "Zorblax."), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        }
    }

    @Test
    void identifiersOfRequirementText() {
        assertThat(RequirementQuery.identifiers("Expose CNTV_CTL_EL0 and UARTDR; compatible \"arm,sbsa-uart\", "
                + "CONFIG_SBSA_VUART_CONSOLE, file vtimer.c, xen-3.0-aarch64, x16, 0xEA1"))
                .contains("CNTV_CTL_EL0", "UARTDR", "arm,sbsa-uart", "CONFIG_SBSA_VUART_CONSOLE", "vtimer.c",
                        "xen-3.0-aarch64", "x16", "0xEA1");
    }
}
