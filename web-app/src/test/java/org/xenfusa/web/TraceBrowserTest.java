package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
import org.xenfusa.model.trace.TraceLink;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;

/**
 * In real Chromium: import a snapshot's requirements, open a design requirement, link it to a
 * function picked from the snapshot's function index, and see its verdict and its coverage in a
 * configuration change; screenshots in target/screenshots.
 */
@IntegrationTest
class TraceBrowserTest {
    static WebDriver driver;

    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired ConfigurationService configurations;
    @Autowired org.xenfusa.model.trace.TraceLinkRepository traceLinks;
    @LocalServerPort int port;

    @BeforeAll
    static void start() throws Exception {
        driver = Chromium.start("TRACE BROWSER TEST");
    }

    @AfterAll
    static void stop() {
        Chromium.release(driver);
    }

    @Test
    void linkADesignRequirementToAFunctionAndSeeItsCoverageChange() throws Exception {
        TraceFixture fixture = new TraceFixture(registrar, ingest, jobs, snapshots, users, encoder);
        Snapshot s;
        try (SyntheticRepository repo = TraceFixture.newRepository()) {
            repo.commit("one", "RELEASE-1", TraceFixture.tree(1, TraceFixture.FA_C));
            s = fixture.snapshot(fixture.registerAndIngest("trace-browser", repo), "RELEASE-1");
        }
        SavedConfiguration cfg = configurations.create(new ConfigurationForm("trace-browser-cfg", s.getRepository().getId(), "RELEASE-1",
                "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");

        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        String base = "http://localhost:" + port;
        driver.get(base + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(TraceFixture.ENGINEER);
        driver.findElement(By.id("password")).sendKeys(TraceFixture.PASSWORD);
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Requirements"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "trace-browser"));

        driver.get(base + "/trace/" + s.getId());
        wait.until(ExpectedConditions.elementToBeClickable(By.id("import-button"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tree"), "XenSwdgn~fa_start~1"));
        assertThat(driver.findElement(By.id("flash-notice")).getText()).contains("Imported 3 requirements");
        shot("trace-browser");

        driver.findElement(By.id("tree")).findElement(By.linkText("XenSwdgn~fa_start~1")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
        assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("uncovered");
        // nothing links it yet: missing coverage, whatever the configuration compiles
        assertThat(driver.findElement(By.id("state-" + cfg.getId())).getText()).isEqualTo("uncovered");
        assertThat(driver.findElement(By.id("location")).getText()).isEqualTo("docs/fusa/reqs/design.md:4");

        driver.findElement(By.id("link-file")).sendKeys("xen/common/fa.c");
        driver.findElement(By.id("show-functions")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-function")));
        new Select(driver.findElement(By.id("link-function"))).selectByVisibleText("fa_start (lines 4-8)");
        shot("trace-link-form");
        driver.findElement(By.id("link-button")).click();

        // a draft link is shown, and does not count until another engineer reviews it
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "xen/common/fa.c : fa_start"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("DRAFT").contains("fa = 1;");
        assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("uncovered");
        assertThat(driver.findElement(By.id("state-" + cfg.getId())).getText()).isEqualTo("uncovered");
        shot("trace-requirement-draft-link");
        // its author cannot review it: the page says so and the link stays a draft
        String page = driver.getCurrentUrl();
        driver.findElement(By.cssSelector(".anchor .review-comment-input")).sendKeys("looks right to me");
        driver.findElement(By.cssSelector(".anchor .review-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-error")));
        assertThat(driver.findElement(By.id("flash-error")).getText())
                .contains("Not reviewed: a link is reviewed by another engineer than its author");
        assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("uncovered");
        shot("trace-self-review-refused");

        // a second engineer reviews it with a comment
        driver.findElement(By.cssSelector("form.who button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(TraceFixture.REVIEWER);
        driver.findElement(By.id("password")).sendKeys(TraceFixture.PASSWORD);
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Requirements")));
        driver.get(page);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".anchor .review-comment-input")))
                .sendKeys("fa_start sets fa as the design asks");
        driver.findElement(By.cssSelector(".anchor .review-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("verdict"), "covered"));
        assertThat(driver.findElement(By.id("state-" + cfg.getId())).getText()).isEqualTo("covered");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("REVIEWED")
                .contains("Reviewed by " + TraceFixture.REVIEWER + " at ").contains("fa_start sets fa as the design asks");
        TraceLink reviewed = traceLinks.findByRepositoryIdOrderByIdAsc(s.getRepository().getId()).get(0);
        assertThat(reviewed.getReviewComment()).contains("fa_start sets fa as the design asks");
        shot("trace-requirement-linked");

        driver.get(base + "/trace/" + s.getId() + "/matrix");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("matrix")));
        assertThat(driver.findElement(By.id("matrix")).getText()).contains("trace-browser-cfg").contains("covered");
        shot("trace-matrix");
        driver.get(base + "/trace/" + s.getId() + "/untraced?configuration=" + cfg.getId());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("untraced-functions")));
        assertThat(driver.findElement(By.id("untraced-functions")).getText()).contains("fa_helper")
                .doesNotContain("fa_start");
        shot("trace-untraced");
    }

    private static void shot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
