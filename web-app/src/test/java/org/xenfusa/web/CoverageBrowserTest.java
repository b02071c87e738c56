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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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
 * In real Chromium: an engineer opens a configuration's structural coverage page, uploads lcov data of a unit test
 * with a path map, reads the figures per file, the compiled code's criteria at the level set, and a requirement's
 * coverage by its own test; data from another version of the file is refused and nothing is stored; a viewer reads
 * the page without the forms. Screenshots in target/screenshots.
 */
// [utest->dsn~structural-coverage~1]
@IntegrationTest
class CoverageBrowserTest {
    static final String VIEWER = "coverage-viewer";
    static final String VIEWER_PASSWORD = "coverage-viewer-password";

    /** Feature A's file with its design tag above fa_start (line 5); fa_helper starts at line 11. */
    static final String FA_C = """
            /* feature A */
            int fa;

            /* [impl->XenSwdgn~fa_start~1] */
            int fa_start(void)
            {
                fa = 1;
                return fa;
            }

            static int fa_helper(int x)
            {
                return x + fa;
            }
            """;

    static final String DESIGN = """
            # Design

            ### Start feature A
            `XenSwdgn~fa_start~1`

            Feature A starts by returning one.

            Covers:
            * `XenProd~feature_a~1`

            Needs: impl, utest
            """;

    /** The unit test's lcov data: fa_start ran (3 of its lines), fa_helper never; one branch of two taken. */
    static final String LCOV = """
            TN:
            SF:/build/xen/common/fa.c
            FN:5,fa_start
            FN:11,fa_helper
            FNDA:3,fa_start
            FNDA:0,fa_helper
            FNF:2
            FNH:1
            DA:5,3
            DA:7,3
            DA:8,3
            DA:13,0
            BRDA:7,0,0,3
            BRDA:7,0,1,0
            BRF:2
            BRH:1
            LF:4
            LH:3
            end_of_record
            SF:/build/tools/tests/fa/missing.c
            DA:1,1
            LF:1
            LH:1
            end_of_record
            """;

    static WebDriver driver;

    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired ConfigurationService configurations;
    @LocalServerPort int port;

    @BeforeAll
    static void start() throws Exception {
        driver = Chromium.start("COVERAGE BROWSER TEST");
    }

    @AfterAll
    static void stop() {
        Chromium.release(driver);
    }

    @Test
    void uploadCoverageAndReadARequirementsCoverage() throws Exception {
        TraceFixture fixture = new TraceFixture(registrar, ingest, jobs, snapshots, users, encoder);
        if (users.findByUsername(VIEWER).isEmpty()) {
            users.save(new AppUser(VIEWER, encoder.encode(VIEWER_PASSWORD), Role.VIEWER));
        }
        Snapshot s;
        try (SyntheticRepository repo = TraceFixture.newRepository()) {
            Map<String, String> tree = TraceFixture.tree(1, FA_C);
            tree.put("docs/fusa/reqs/design.md", DESIGN);
            tree.put("tools/tests/fa/test-fa.c", "/* [utest->XenSwdgn~fa_start~1] */\nint main(void)\n{\n"
                    + "    return 0;\n}\n");
            repo.commit("zero", "RELEASE-0", tree);
            s = fixture.snapshot(fixture.registerAndIngest("coverage-browser", repo), "RELEASE-0");
        }
        SavedConfiguration cfg = configurations.create(new ConfigurationForm("coverage-browser-cfg",
                s.getRepository().getId(), "RELEASE-0", "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");
        Path lcov = Files.createTempFile("fa", ".info");
        Files.writeString(lcov, LCOV);
        Path stale = Files.createTempFile("stale", ".info");
        // line 20 is past the end of fa.c: data of another version of the file
        Files.writeString(stale, "SF:xen/common/fa.c\nDA:20,1\nend_of_record\n");

        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        String base = "http://localhost:" + port;
        login(wait, base, TraceFixture.ENGINEER, TraceFixture.PASSWORD);
        driver.get(base + "/configurations/" + cfg.getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("coverage-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-data")));
        assertThat(driver.getCurrentUrl()).endsWith("/coverage/" + s.getId() + "?configuration=" + cfg.getId());
        assertThat(driver.findElement(By.id("target-level")).getText()).contains("DAL A").contains("not set");
        assertThat(driver.findElement(By.id("criterion-MCDC")).getText()).contains("not measured");

        driver.findElement(By.id("data-file")).sendKeys(lcov.toString());
        driver.findElement(By.id("data-test")).sendKeys("tools/tests/fa");
        driver.findElement(By.id("data-path-map")).sendKeys("/build/=");
        driver.findElement(By.id("data-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-notice")));
        assertThat(driver.findElement(By.id("flash-notice")).getText()).startsWith("Imported fa")
                .contains("for test run 'tools/tests/fa': data for 1 files of the snapshot")
                .contains("1 files not in the snapshot are listed, not counted");
        assertThat(driver.findElement(By.id("files")).getText()).contains("xen/common/fa.c yes 3/4 75.0% 1/2 50.0%"
                + " 0/0 - 1/2 50.0%");
        assertThat(driver.findElement(By.id("not-in-snapshot")).getText()).contains("tools/tests/fa/missing.c");
        assertThat(driver.findElement(By.id("never")).getText()).contains("xen/common/fa.c:11 fa_helper");
        shot("coverage-page");

        // DAL C asks for statement coverage only
        new Select(driver.findElement(By.id("level-select"))).selectByVisibleText("DAL C");
        driver.findElement(By.id("level-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-notice")));
        assertThat(driver.findElement(By.id("target-level")).getText()).contains("DAL C")
                .contains("by " + TraceFixture.ENGINEER);
        assertThat(driver.findElement(By.id("criteria")).getText()).contains("statement lines 3/4 75.0% measured")
                .doesNotContain("MC/DC");

        // the requirement's coverage by its own test: the utest tag in tools/tests/fa/ names the run's folder
        driver.findElement(By.linkText("XenSwdgn~fa_start~1")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("requirement-detail")));
        assertThat(driver.findElement(By.id("requirement-data-sets")).getText()).contains("tools/tests/fa");
        assertThat(driver.findElement(By.id("requirement-by-its-tests")).getText())
                .startsWith("by its tests (requirements-based) 3/3 100.0% 1/2 50.0%");
        assertThat(driver.findElement(By.id("requirement-functions")).getText()).contains("xen/common/fa.c:5 fa_start");
        shot("coverage-requirement");

        // data of another version of fa.c is refused by name, and nothing is stored
        driver.findElement(By.id("data-file")).sendKeys(stale.toString());
        driver.findElement(By.id("data-test")).sendKeys("stale");
        driver.findElement(By.id("data-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-error")));
        assertThat(driver.findElement(By.id("flash-error")).getText()).startsWith("Not imported, nothing stored:")
                .contains("xen/common/fa.c");
        assertThat(driver.findElements(By.cssSelector("#data-sets tbody tr"))).hasSize(1);
        shot("coverage-refused");

        // twelve files at once (more parts than Tomcat's default of 10 per request): all stored together
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            Path part = Files.createTempFile("part-" + i + "-", ".info");
            Files.writeString(part, "SF:xen/common/fa.c\nDA:7," + i + "\nend_of_record\n");
            parts.add(part.toString());
        }
        driver.findElement(By.id("data-file")).sendKeys(String.join("\n", parts));
        driver.findElement(By.id("data-test")).sendKeys("many");
        driver.findElement(By.id("data-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-notice")));
        assertThat(driver.findElement(By.id("flash-notice")).getText()).startsWith("Imported 12 data files (lcov)")
                .contains("for test run 'many'");
        assertThat(driver.findElements(By.cssSelector("#data-sets tbody tr"))).hasSize(13);

        // a viewer reads the page but has neither form
        login(wait, base, VIEWER, VIEWER_PASSWORD);
        driver.get(base + "/coverage/" + s.getId() + "?configuration=" + cfg.getId());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("files")));
        assertThat(driver.findElements(By.id("data-form"))).isEmpty();
        assertThat(driver.findElements(By.id("level-form"))).isEmpty();
        // without a configuration the page asks for one instead of failing
        driver.get(base + "/coverage/" + s.getId());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("configuration-choices")));
        assertThat(driver.findElement(By.id("configuration-choices")).getText()).contains("coverage-browser-cfg");
        shot("coverage-viewer");
    }

    private static void login(WebDriverWait wait, String base, String user, String password) {
        Chromium.login(driver, wait, base, user, password);
    }

    private static void shot(String name) throws Exception {
        Chromium.shot(driver, name);
    }
}
