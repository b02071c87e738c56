package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.web.boards.BoardTable;
import org.xenfusa.web.ingest.RepositoryRegistrar;

/** Boards on a small ARM-like tree of our own: the table, a board's figures, a minimal configuration. */
@IntegrationTest
class BoardIntegrationTest {
    static SyntheticRepository repo;

    @Autowired BoardTable table;
    @Autowired RepositoryRegistrar registrar;
    @LocalServerPort int port;

    static final String TABLE = """
            # a test table
            driver gic gicv2 GICV2 arch/arm/gic-v2.c
            driver timer generic-timer - arch/arm/time.c
            driver uart pl011 HAS_PL011 drivers/char/pl011.c
            board qemu-virt | QEMU virt | arm64 | QEMU | - | - | test mapping
            uses gicv2 | dts says arm,cortex-a15-gic
            uses generic-timer | dts says arm,armv8-timer
            uses pl011 | Kconfig: QEMU selects HAS_PL011
            uses no iommu | no smmu node
            board old32 | An arm32 board | arm32 | ALL_PLAT | - | pl011 | written before components
            """;

    @BeforeAll
    static void build() throws Exception {
        repo = SyntheticRepository.create(Files.createTempDirectory("fusa-boards"));
        repo.commit("arm", "RELEASE-3.0", Map.ofEntries(
                Map.entry("xen/Kconfig", "mainmenu \"Test/$(SRCARCH)\"\n\nsource \"arch/$(SRCARCH)/Kconfig\"\nsource \"drivers/Kconfig\"\n"),
                Map.entry("xen/arch/arm/Kconfig", """
                        config ARM_64
                        \tdef_bool y

                        config GICV2
                        \tbool "GICv2 driver"
                        \tdefault y

                        choice
                        \tprompt "Platform Support"
                        \tdefault ALL_PLAT

                        config ALL_PLAT
                        \tbool "All Platforms"
                        \tselect HAS_PL011

                        config QEMU
                        \tbool "QEMU"
                        \tselect HAS_PL011

                        config NO_PLAT
                        \tbool "No Platforms"

                        endchoice
                        """),
                Map.entry("xen/drivers/Kconfig", "config HAS_PL011\n\tbool \"PL011 UART\"\n"),
                Map.entry("xen/arch/arm/configs/arm64_defconfig", "# defaults\n"),
                Map.entry("xen/Rules.mk", "# driven by the evaluator\n"),
                Map.entry("xen/Makefile", "ALL_OBJS-y := common/built_in.o\nALL_OBJS-y += drivers/built_in.o\n"
                        + "ALL_OBJS-y += arch/$(SRCARCH)/built_in.o\n"),
                Map.entry("xen/scripts/Kbuild.include", "empty :=\n"),
                Map.entry("xen/arch/arm/arch.mk", "# nothing\n"),
                Map.entry("xen/arch/arm/Makefile", "obj-y += setup.o\nobj-$(CONFIG_GICV2) += gic-v2.o\nobj-y += time.o\n"),
                Map.entry("xen/arch/arm/setup.c", "int setup;\n"),
                Map.entry("xen/arch/arm/gic-v2.c", "int gic_a;\nint gic_b;\n"),
                Map.entry("xen/arch/arm/time.c", "int timer;\n"),
                Map.entry("xen/include/xen/config.h", "/* forced include */\n"),
                Map.entry("xen/common/Makefile", "obj-y += core.o\n"),
                Map.entry("xen/common/core.c", "int core;\nint core2;\n"),
                Map.entry("xen/drivers/Makefile", "obj-y += char/\n"),
                Map.entry("xen/drivers/char/Makefile", "obj-$(CONFIG_HAS_PL011) += pl011.o\n"),
                Map.entry("xen/drivers/char/pl011.c", "/* the uart */\nint uart_a;\nint uart_b;\nint uart_c;\n")));
    }

    @Test
    void anUneditedEarlierShippedTableIsUpgradedAndAnEditedOneKept() throws Exception {
        String before;
        try (InputStream in = BoardIntegrationTest.class.getResourceAsStream("/boards/boards-before-components.txt")) {
            before = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            table.update(before.replace("\n", "\r\n")); // saved back unchanged from the page's textarea
            assertThat(table.catalog().board("rcar3").orElseThrow().unrecordedEssentials()).isNotEmpty();
            assertThat(table.upgradeUneditedTable()).isTrue();
            assertThat(table.text().getText()).isEqualTo(BoardTableAccess.shipped());
            assertThat(table.catalog().board("rcar3").orElseThrow().unrecordedEssentials()).isEmpty();
            assertThat(table.history().get(0).who()).isEqualTo("system");

            String edited = before + "# an ADMIN's note\n";
            table.update(edited);
            assertThat(table.upgradeUneditedTable()).isFalse();
            assertThat(table.text().getText()).isEqualTo(edited);
            // still reads: the old board lines, drivers in the column
            assertThat(table.catalog().board("rcar3").orElseThrow().drivers()).extracting(d -> d.name()).containsExactly("scif", "ipmmu-vmsa");
        } finally {
            table.update(BoardTableAccess.shipped());
        }
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    @Test
    void boardFiguresAndMinimalConfiguration() throws Exception {
        SourceRepository r = registrar.register("boards-repo", repo.dir().toString(), "tester");
        assertThatThrownBy(() -> table.update("driver serial x HAS_X drivers/x.c\n"))
                .hasMessageContaining("board table:1:").hasMessageContaining("not serial");
        assertThat(table.catalog().boards()).hasSizeGreaterThan(10); // the shipped table is still in force
        try {
            table.update(TABLE);
            // the history keeps each version's text (Envers audits the inherited columns too)
            assertThat(table.history().get(0).boards()).isEqualTo(2);
            WebSession web = WebSession.login(port, "admin", "test-admin-password");
            String list = web.get("/boards").body();
            assertThat(list).contains("QEMU virt").contains("test mapping")
                    .contains("interrupt controller: gicv2, timer: generic-timer, UART: pl011, IOMMU: none")
                    .contains("dts says arm,cortex-a15-gic").contains("Kconfig: QEMU selects HAS_PL011").contains("no smmu node")
                    // the arm32 row is in the format before components: it still reads, and the page says what it lacks
                    .contains("id=\"unrecorded\"").contains("old32: interrupt controller, timer");
            String board = web.get("/boards/qemu-virt?repositoryId=" + r.getId() + "&ref=RELEASE-3.0").body();
            // allnoconfig + QEMU + GICV2 + HAS_PL011: setup.c 1, gic-v2.c 2, time.c 1, core.c 2, pl011.c 3 code lines
            assertThat(board).contains("id=\"board-make-cloc\">9<").contains("xen/drivers/char/pl011.c")
                    .contains("xen/arch/arm/gic-v2.c").doesNotContain("missing-files").doesNotContain("disabled-symbols")
                    .contains("id=\"components-qemu-virt\"").contains("<td class=\"mono\">GICV2</td>")
                    .contains("dts says arm,cortex-a15-gic");
            String minimal = web.get("/boards/minimal?b=qemu-virt&repositoryId=" + r.getId() + "&ref=RELEASE-3.0").body();
            assertThat(minimal).contains("builds-all").contains("CONFIG_QEMU=y").contains("CONFIG_HAS_PL011=y")
                    .contains("CONFIG_GICV2=y").contains("GICV2, HAS_PL011");
            assertThat(web.get("/boards/no-such-board?repositoryId=" + r.getId()).statusCode()).isEqualTo(404);
            var mixed = web.get("/boards/minimal?b=qemu-virt&b=old32&repositoryId=" + r.getId() + "&ref=RELEASE-3.0");
            assertThat(mixed.statusCode()).isEqualTo(400);
        } finally {
            table.update(BoardTableAccess.shipped());
        }
    }
}
