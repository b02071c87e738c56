package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            driver uart pl011 HAS_PL011 drivers/char/pl011.c
            board qemu-virt | QEMU virt | arm64 | QEMU | - | pl011 | test mapping
            """;

    @BeforeAll
    static void build() throws Exception {
        repo = SyntheticRepository.create(Files.createTempDirectory("fusa-boards"));
        repo.commit("arm", "RELEASE-3.0", Map.ofEntries(
                Map.entry("xen/Kconfig", "mainmenu \"Test/$(SRCARCH)\"\n\nsource \"arch/$(SRCARCH)/Kconfig\"\nsource \"drivers/Kconfig\"\n"),
                Map.entry("xen/arch/arm/Kconfig", """
                        config ARM_64
                        \tdef_bool y

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
                Map.entry("xen/arch/arm/Makefile", "obj-y += setup.o\n"),
                Map.entry("xen/arch/arm/setup.c", "int setup;\n"),
                Map.entry("xen/include/xen/config.h", "/* forced include */\n"),
                Map.entry("xen/common/Makefile", "obj-y += core.o\n"),
                Map.entry("xen/common/core.c", "int core;\nint core2;\n"),
                Map.entry("xen/drivers/Makefile", "obj-y += char/\n"),
                Map.entry("xen/drivers/char/Makefile", "obj-$(CONFIG_HAS_PL011) += pl011.o\n"),
                Map.entry("xen/drivers/char/pl011.c", "/* the uart */\nint uart_a;\nint uart_b;\nint uart_c;\n")));
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
            assertThat(table.history().get(0).boards()).isEqualTo(1);
            WebSession web = WebSession.login(port, "admin", "test-admin-password");
            String list = web.get("/boards").body();
            assertThat(list).contains("QEMU virt").contains("test mapping");
            String board = web.get("/boards/qemu-virt?repositoryId=" + r.getId() + "&ref=RELEASE-3.0").body();
            // allnoconfig + QEMU + HAS_PL011: setup.c 1, core.c 2, pl011.c 3 code lines
            assertThat(board).contains("id=\"board-make-cloc\">6<").contains("xen/drivers/char/pl011.c")
                    .doesNotContain("missing-files");
            String minimal = web.get("/boards/minimal?b=qemu-virt&repositoryId=" + r.getId() + "&ref=RELEASE-3.0").body();
            assertThat(minimal).contains("builds-all").contains("CONFIG_QEMU=y").contains("CONFIG_HAS_PL011=y");
            assertThat(web.get("/boards/no-such-board?repositoryId=" + r.getId()).statusCode()).isEqualTo(404);
        } finally {
            table.update(BoardTableAccess.shipped());
        }
    }
}
