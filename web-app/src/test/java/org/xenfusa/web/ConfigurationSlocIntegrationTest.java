package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.ingest.RepositoryRegistrar;

/** The three SLOC figures of saved configurations on a small Xen-like tree of our own. */
@IntegrationTest
class ConfigurationSlocIntegrationTest {
    static SyntheticRepository repo;

    @Autowired RepositoryRegistrar registrar;
    @Autowired ConfigurationService service;
    @Autowired ConfigurationReports reports;

    @BeforeAll
    static void build() throws Exception {
        repo = SyntheticRepository.create(Files.createTempDirectory("fusa-config-sloc"));
        Map<String, String> files = new HashMap<>(SyntheticKconfig.FILES);
        files.putAll(SyntheticKconfig.BUILD);
        repo.commit("tree", "RELEASE-2.0", files);
        // as Xen's arch/arm/efi: the build links boot.c to common/efi's, a file the repository does not have there
        files.put("xen/arch/x86/Makefile", "obj-y += setup.o\nobj-y += efi/\n");
        files.put("xen/arch/x86/efi/Makefile", """
                obj-y += boot.o
                $(obj)/%.c: $(srctree)/common/efi/%.c FORCE
                \tln -nfs ../../../common/efi/$(<F) $@
                """);
        files.put("xen/common/efi/boot.c", "/* the EFI boot path */\nint efi_boot;\n#ifdef CONFIG_FEATURE_B\nint efi_b;\n#endif\n");
        repo.commit("a file the build links", "RELEASE-2.1", files);
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    @Test
    void threeFiguresFollowTheConfiguration() throws Exception {
        SourceRepository r = registrar.register("config-sloc-repo", repo.dir().toString(), "tester");
        SavedConfiguration saved = service.create(new ConfigurationForm("sloc-default", r.getId(), "RELEASE-2.0", "x86_64",
                StartKind.DEFCONFIG, "", "", "", ""), "tester");

        ConfigurationReport all = reports.report(saved);
        assertThat(all.translationUnits()).containsExactly("xen/arch/x86/setup.c", "xen/common/a.c", "xen/common/fa.c");
        // setup.c 2, a.c 7 (directives count as code for cloc), fa.c 2
        assertThat(all.makeCloc().files()).isEqualTo(3);
        assertThat(all.makeCloc().code()).isEqualTo(11);
        assertThat(all.withHeaders().files()).isGreaterThan(3);
        assertThat(all.headers()).contains("xen/include/xen/lib.h");

        ConfigurationReport noB = reports.report(saved, "RELEASE-2.0", List.of(SymbolAssignment.parse("FEATURE_B=n")));
        assertThat(noB.makeCloc()).isEqualTo(all.makeCloc());
        assertThat(noB.activeLines().code()).isEqualTo(all.activeLines().code() - 3);
        assertThat(noB.activity("xen/common/a.c").orElseThrow().isActive(3)).isFalse();

        ConfigurationReport noA = reports.report(saved, "RELEASE-2.0", List.of(SymbolAssignment.parse("FEATURE_A=n")));
        assertThat(noA.translationUnits()).doesNotContain("xen/common/fa.c");
        assertThat(noA.makeCloc().code()).isEqualTo(9);
        assertThat(noA.dotConfigSha256()).isNotEqualTo(all.dotConfigSha256());

        // the slide table and the trend, as pages
        SavedConfiguration withoutA = service.create(new ConfigurationForm("sloc-no-a", r.getId(), "RELEASE-2.0", "x86_64",
                StartKind.DEFCONFIG, "", "CONFIG_FEATURE_A=n", "", ""), "tester");
        WebSession web = WebSession.login(port, "admin", "test-admin-password");
        String table = web.get("/sloc-table?c=" + saved.getId() + "&c=" + withoutA.getId()).body();
        assertThat(table).contains("sloc-default").contains("sloc-no-a").contains("xen/common")
                .contains(">11 / ").contains(">9 / ").contains("DAL A effort").contains("DAL B effort (interpolated)");
        String trend = web.get("/configurations/" + saved.getId() + "/trend").body();
        assertThat(trend).contains("RELEASE-2.0");

        // one option switched: fa.c (2 code lines) goes, and DAL A effort drops by 2 x 0.67 h
        String diff = web.get("/configurations/" + saved.getId() + "/diff?set=CONFIG_FEATURE_A=n").body();
        assertThat(diff).contains("id=\"diff-make-cloc\">-2<").contains("xen/common/fa.c").contains(">-1.3<");
        // a symbol no Kconfig file defines is refused, as the command line refuses it (it showed a change of 0)
        var unknown = web.get("/configurations/" + saved.getId() + "/diff?set=CONFIG_NOPE_SYM=y");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no Kconfig file defines CONFIG_NOPE_SYM");
        // the addresses exported workbooks link to lead to the pages
        var link = web.get("/sloc/directories?configuration=sloc-default&path=xen/common");
        assertThat(link.statusCode()).isEqualTo(302);
        assertThat(link.headers().firstValue("Location").orElse(""))
                .endsWith("/configurations/" + saved.getId() + "/files?dir=xen%2Fcommon");
        assertThat(web.get("/sloc/files?configuration=no-such&path=x").statusCode()).isEqualTo(404);
        String ranking = web.get("/configurations/" + saved.getId() + "/ranking").body();
        assertThat(ranking).contains(">FEATURE_A<").contains("FEATURE_B");
    }

    /**
     * A file the build makes as a link to another (Xen's arch/arm/efi/boot.c) has its page: the linked file's lines,
     * which are the ones counted, and a note saying so (it answered 400, "no file ... at ...", as it is not in the tree).
     */
    @Test
    void aFileTheBuildLinksIsShownWithTheContentOfTheFileItLinksTo() throws Exception {
        SourceRepository r = registrar.register("config-sloc-link-repo", repo.dir().toString(), "tester");
        SavedConfiguration saved = service.create(new ConfigurationForm("sloc-link", r.getId(), "RELEASE-2.1", "x86_64",
                StartKind.DEFCONFIG, "", "", "", ""), "tester");
        ConfigurationReport report = reports.report(saved);
        assertThat(report.translationUnits()).contains("xen/arch/x86/efi/boot.c");
        assertThat(report.generated()).anySatisfy(g -> {
            assertThat(g.path()).isEqualTo("xen/arch/x86/efi/boot.c");
            assertThat(g.kind()).isEqualTo(org.xenfusa.sloc.config.GeneratedFile.Kind.COPY);
            assertThat(g.from()).isEqualTo("xen/common/efi/boot.c");
        });
        WebSession web = WebSession.login(port, "admin", "test-admin-password");
        String files = web.get("/configurations/" + saved.getId() + "/files").body();
        assertThat(files).contains("/configurations/" + saved.getId() + "/file?path=xen/arch/x86/efi/boot.c");
        var page = web.get("/configurations/" + saved.getId() + "/file?path=xen/arch/x86/efi/boot.c");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"generated-note\"").contains("xen/common/efi/boot.c")
                .contains("int efi_boot;").contains("the EFI boot path");
        // FEATURE_B is on in the default configuration: no line is struck through
        assertThat(page.body()).contains("id=\"inactive-count\">0<");
        // a file neither in the tree nor made by the build is still refused, as before
        assertThat(web.get("/configurations/" + saved.getId() + "/file?path=xen/arch/x86/efi/none.c").statusCode())
                .isEqualTo(404);
    }

    @LocalServerPort int port;
}
