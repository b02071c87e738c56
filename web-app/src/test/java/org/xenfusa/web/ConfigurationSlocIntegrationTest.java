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
        // the addresses exported workbooks link to lead to the pages
        var link = web.get("/sloc/directories?configuration=sloc-default&path=xen/common");
        assertThat(link.statusCode()).isEqualTo(302);
        assertThat(link.headers().firstValue("Location").orElse(""))
                .endsWith("/configurations/" + saved.getId() + "/files?dir=xen%2Fcommon");
        assertThat(web.get("/sloc/files?configuration=no-such&path=x").statusCode()).isEqualTo(404);
        String ranking = web.get("/configurations/" + saved.getId() + "/ranking").body();
        assertThat(ranking).contains(">FEATURE_A<").contains("FEATURE_B");
    }

    @LocalServerPort int port;
}
