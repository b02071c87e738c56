package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;

/**
 * In real Chromium: an engineer opens a configuration's MISRA C page, uploads cppcheck findings, sees the guideline
 * matrix with each guideline's share of the violations, follows a violation to its code line; a viewer reads the
 * page without the upload form. Screenshots in target/screenshots.
 */
@IntegrationTest
class MisraBrowserTest {
    static final String VIEWER = "misra-viewer";
    static final String VIEWER_PASSWORD = "misra-viewer-password";

    static final String RULES = """
            .. list-table::
               :header-rows: 1

               * - Rule number
                 - Severity
                 - Summary
                 - Notes

               * - `Rule 8.4 <https://example.org/R_08_04.c>`_
                 - Required
                 - A compatible declaration shall be visible
                 -

               * - `Rule 15.6 <https://example.org/R_15_06.c>`_
                 - Required
                 - The body of an iteration-statement shall be a compound statement
                 -
            """;

    static final String SAFE = """
            {
                "version": "1.0",
                "content": [
                    { "id": "SAF-0-safe", "analyser": { "cppcheck": "misra-c2012-8.4" },
                      "name": "Rule 8.4: asm-only", "text": "Used only by asm." }
                ]
            }
            """;

    /** Four violations (three of Rule 15.6), one justified by SAF-0-safe, one in a file x86_64 does not compile. */
    static final String FINDINGS = """
            xen/common/a.c(1,1):misra-c2012-15.6:style:body of the loop
            xen/common/a.c(7,1):misra-c2012-15.6:style:body of the loop
            xen/arch/x86/setup.c(2,1):misra-c2012-15.6:style:body of the loop
            xen/common/a.c(7,1):misra-c2012-8.4:style:z has no declaration
            xen/common/fa.c(3,1):misra-c2012-8.4:style:fa has no declaration
            xen/common/unused.c(1,1):misra-c2012-8.4:style:never compiled
            """;

    static WebDriver driver;

    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired ConfigurationService configurations;
    @Autowired org.xenfusa.web.misra.MisraService misra;
    @LocalServerPort int port;

    @BeforeAll
    static void start() throws Exception {
        driver = Chromium.start("MISRA BROWSER TEST");
    }

    @AfterAll
    static void stop() {
        Chromium.release(driver);
    }

    @Test
    void uploadFindingsAndReadTheGuidelineMatrixOfAConfiguration() throws Exception {
        TraceFixture fixture = new TraceFixture(registrar, ingest, jobs, snapshots, users, encoder);
        if (users.findByUsername(VIEWER).isEmpty()) {
            users.save(new AppUser(VIEWER, encoder.encode(VIEWER_PASSWORD), Role.VIEWER));
        }
        Snapshot s;
        Snapshot earlier;
        try (SyntheticRepository repo = TraceFixture.newRepository()) {
            Map<String, String> tree = TraceFixture.tree(1, TraceFixture.FA_C);
            tree.put("xen/common/fa.c", "/* feature A */\n/* SAF-0-safe asm only */\nint fa;\n");
            tree.put("xen/common/unused.c", "int unused;\n");
            tree.put("docs/misra/rules.rst", RULES);
            tree.put("docs/misra/safe.json", SAFE);
            tree.put("automation/eclair_analysis/ECLAIR/tagging.ecl",
                    "-service_selector={clean_guidelines_common,\n\"MC3A2.R8.4\"\n}\n");
            repo.commit("zero", "RELEASE-0", tree);
            repo.commit("one", "RELEASE-1", Map.of("xen/common/unused.c", "/* SAF-9-safe */\nint unused;\n"));
            var registered = fixture.registerAndIngest("misra-browser", repo);
            s = fixture.snapshot(registered, "RELEASE-1");
            earlier = fixture.snapshot(registered, "RELEASE-0");
        }
        SavedConfiguration cfg = configurations.create(new ConfigurationForm("misra-browser-cfg",
                s.getRepository().getId(), "RELEASE-1", "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");
        // the earlier release had one of the Rule 15.6 violations, and one of Rule 21.1 that is fixed since
        misra.importFindings(earlier.getId(), cfg.getId(), "earlier.txt", ("xen/common/a.c(1,1):misra-c2012-15.6:"
                + "style:body of the loop\nxen/common/a.c(2,1):misra-c2012-21.1:style:reserved\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "tester");
        Path findings = Files.createTempFile("cppcheck", ".txt");
        Files.writeString(findings, FINDINGS);

        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        String base = "http://localhost:" + port;
        login(wait, base, TraceFixture.ENGINEER, TraceFixture.PASSWORD);
        driver.get(base + "/configurations/" + cfg.getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("misra-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("matrix")));
        assertThat(driver.getCurrentUrl()).endsWith("/misra/" + s.getId() + "?configuration=" + cfg.getId());
        assertThat(driver.findElement(By.id("records")).getText()).startsWith("2 accepted guidelines")
                .contains("1 SAF ids").contains("2 SAF comments");
        assertThat(driver.findElement(By.id("dangling")).getText()).contains("xen/common/unused.c:1: SAF-9-safe");
        assertThat(driver.findElement(By.id("no-violations")).getText()).isEqualTo("No violation in this configuration.");

        driver.findElement(By.id("findings-file")).sendKeys(findings.toString());
        driver.findElement(By.id("findings-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-notice")));
        assertThat(driver.findElement(By.id("flash-notice")).getText()).startsWith("Imported 6 findings from ")
                .contains("sha256 ");
        assertThat(driver.findElement(By.id("total-violations")).getText()).isEqualTo("4");
        assertThat(driver.findElement(By.id("total-justified")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.id("total-outside")).getText()).isEqualTo("1");
        assertThat(driver.findElement(By.id("g-Rule-15_6")).getText()).startsWith("Rule 15.6 yes Required")
                .contains(" 3 75.0% 0 ");
        assertThat(driver.findElement(By.id("g-Rule-8_4")).getText()).startsWith("Rule 8.4 yes Required clean")
                .contains(" 1 25.0% 1 1 0 0 1");
        assertThat(driver.findElement(By.id("gates")).getText())
                .contains("not ok no new violation of a clean guideline: Rule 8.4: 1");
        assertThat(driver.findElement(By.id("findings-files")).getText()).contains("xen-analysis-text");
        shot("misra-matrix");

        // between two releases: new and fixed violations per guideline
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("base-select"))).selectByVisibleText(
                "RELEASE-0");
        driver.findElement(By.id("base-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("diff-table")));
        assertThat(driver.findElement(By.id("diff-table")).getText()).contains("Rule 8.4 1 0", "Rule 15.6 2 0",
                "Rule 21.1 0 1");
        assertThat(driver.findElement(By.id("gates")).getText())
                .contains("not ok no new violation of a clean guideline: Rule 8.4: 1 (against ");
        shot("misra-diff");

        WebElement first = driver.findElement(By.cssSelector("#violations tbody tr a"));
        assertThat(first.getText()).isEqualTo("xen/arch/x86/setup.c:2");
        first.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("L2")));
        assertThat(driver.getCurrentUrl()).endsWith("#L2");
        assertThat(driver.findElement(By.id("L2")).getText()).contains("int setup;");

        // a viewer reads the page but has no upload form
        login(wait, base, VIEWER, VIEWER_PASSWORD);
        driver.get(base + "/misra/" + s.getId() + "?configuration=" + cfg.getId());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("matrix")));
        assertThat(driver.findElement(By.id("total-violations")).getText()).isEqualTo("4");
        assertThat(driver.findElements(By.id("findings-form"))).isEmpty();
        shot("misra-viewer");
    }

    private static void login(WebDriverWait wait, String base, String user, String password) {
        Chromium.login(driver, wait, base, user, password);
    }

    private static void shot(String name) throws Exception {
        Chromium.shot(driver, name);
    }
}
