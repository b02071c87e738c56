package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.web.config.ConfigurationHistory;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.config.ConfigurationService.SymbolChange;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.ingest.RepositoryRegistrar;

/** Saved configurations on a small Kconfig tree of our own: evaluate, explain, change, compare, history. */
@IntegrationTest
class ConfigurationIntegrationTest {
    static SyntheticRepository repo;

    @Autowired RepositoryRegistrar registrar;
    @Autowired ConfigurationService service;
    @Autowired ConfigurationHistory history;
    @LocalServerPort int port;

    @BeforeAll
    static void build() throws Exception {
        repo = SyntheticRepository.create(Files.createTempDirectory("fusa-config-test"));
        repo.commit("one", "RELEASE-1.0", SyntheticKconfig.FILES);
        repo.commit("two", "RELEASE-1.1", Map.of("xen/common/Kconfig", SyntheticKconfig.COMMON.replace("endmenu", """
                config FEATURE_C
                \tbool "Feature C"
                \tdefault y

                endmenu""")));
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    private SavedConfiguration create(String name, String overrides) throws Exception {
        SourceRepository r = registrar.findByGitDir(repo.dir().resolve(".git").toRealPath())
                .orElseGet(() -> {
                    try {
                        return registrar.register("config-repo", repo.dir().toString(), "tester");
                    } catch (InvalidInputException e) {
                        throw new IllegalStateException(e);
                    }
                });
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken("engineer-1", "x", List.of()));
        try {
            return service.create(new ConfigurationForm(name, r.getId(), "RELEASE-1.0", "x86_64", StartKind.DEFCONFIG, "", overrides,
                    "", ""), "engineer-1");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void evaluatesExplainsAndPreviewsAChange() throws Exception {
        SavedConfiguration saved = create("cfg-eval", "");
        var e = service.evaluate(saved);
        assertThat(e.configuration().value("FEATURE_B")).contains("y");
        assertThat(e.configuration().value("HAS_TIMER")).contains("y");
        assertThat(e.configuration().writeDotConfig()).contains("# Common Features").contains("CONFIG_LIMIT=16");
        assertThat(e.configuration().explain("HAS_TIMER").orElseThrow().selectedBy())
                .extracting(r -> r.symbol()).contains("X86_64");

        var after = service.evaluate(saved, saved.getRefName(), List.of(SymbolAssignment.parse("FEATURE_A=n")));
        List<SymbolChange> changes = ConfigurationService.diff(e.configuration(), after.configuration());
        assertThat(changes).contains(new SymbolChange("CONFIG_FEATURE_A", "y", "n"));
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.symbol()).isEqualTo("CONFIG_FEATURE_B");
            assertThat(c.after()).isEmpty();
            assertThat(c.kind()).isEqualTo("removed");
        });
    }

    @Test
    void changesAreKeptWithWhoAndWhen() throws Exception {
        SavedConfiguration saved = create("cfg-history", "CONFIG_LIMIT=32");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken("engineer-2", "x", List.of()));
        try {
            service.setValue(saved.getId(), "FEATURE_A", "n");
        } finally {
            SecurityContextHolder.clearContext();
        }
        var revisions = history.revisions(saved.getId());
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).change()).isEqualTo("changed");
        assertThat(revisions.get(0).who()).isEqualTo("engineer-2");
        assertThat(revisions.get(0).overrides()).isEqualTo("CONFIG_LIMIT=32\nCONFIG_FEATURE_A=n\n");
        assertThat(revisions.get(1).change()).isEqualTo("created");
        assertThat(revisions.get(1).who()).isEqualTo("engineer-1");
    }

    @Test
    void comparesAcrossTags() throws Exception {
        SavedConfiguration saved = create("cfg-tags", "");
        var older = service.evaluate(saved);
        var newer = service.evaluate(saved, "RELEASE-1.1", List.of());
        assertThat(ConfigurationService.diff(older.configuration(), newer.configuration()))
                .containsExactly(new SymbolChange("CONFIG_FEATURE_C", "", "y"));
    }

    @Test
    void badInputIsRefusedWithItsReason() throws Exception {
        assertThatThrownBy(() -> create("cfg-bad", "CONFIG_NO_SUCH_SYMBOL=y"))
                .hasMessageContaining("NO_SUCH_SYMBOL");
        assertThatThrownBy(() -> create("cfg-bad2", "not an assignment"))
                .hasMessageContaining("overrides line 1");
        create("cfg-dup", "");
        assertThatThrownBy(() -> create("cfg-dup", "")).hasMessageContaining("exists already");
    }

    @Test
    void pagesShowTheMenuAndServeTheDotConfig() throws Exception {
        SavedConfiguration saved = create("cfg-pages", "CONFIG_LIMIT=12\nCONFIG_FEATURE_B=n");
        // the pages are behind form login
        var cookies = new java.net.CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(m.find()).isTrue();
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=test-admin-password&_csrf="
                        + java.net.URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.discarding());
        // the list shows each configuration's overrides on one line
        String list = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/configurations")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(list).contains("cfg-pages").contains("CONFIG_LIMIT=12, CONFIG_FEATURE_B=n");
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/configurations/" + saved.getId() + "?q=feature")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("FEATURE_A").contains("FEATURE_B").contains("Common Features").doesNotContain(">LIMIT<");
        String symbol = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/configurations/" + saved.getId() + "/symbols/FEATURE_A?preview=n")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(symbol).contains("Turns on feature A.").contains("consequences").contains("CONFIG_FEATURE_B");
        HttpResponse<String> dot = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/configurations/" + saved.getId() + "/dotconfig")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(dot.headers().firstValue("Content-Disposition").orElse("")).contains("cfg-pages.config");
        assertThat(dot.body()).isEqualTo(service.evaluate(saved).configuration().writeDotConfig());
    }
}
