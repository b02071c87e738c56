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
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.trace.RequirementService;

/**
 * In real Chromium: the requirement page's suggested functions for a chosen configuration, a draft link made from one
 * with one click, reviewed by a second engineer, and the requirement's coverage turning from uncovered to covered.
 */
@IntegrationTest
class LinkSuggestionsBrowserTest {
    private static final String ITEM = "XenSwdgn~fa_start~1";

    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired ConfigurationService configurations;
    @Autowired RequirementService requirements;

    @BeforeAll
    static void start() throws Exception {
        driver = Chromium.start("LINK SUGGESTIONS BROWSER TEST");
    }

    @AfterAll
    static void stop() {
        Chromium.release(driver);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    private void login(String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-button")).click();
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @Test
    void aSuggestionBecomesADraftAndCoversOnceAnotherEngineerReviewsIt() throws Exception {
        TraceFixture fixture = new TraceFixture(registrar, ingest, jobs, snapshots, users, encoder);
        Snapshot s;
        try (SyntheticRepository repo = TraceFixture.newRepository()) {
            repo.commit("one", "RELEASE-1", TraceFixture.tree(1, TraceFixture.FA_C));
            s = fixture.snapshot(fixture.registerAndIngest("suggest-browser", repo), "RELEASE-1");
        }
        SavedConfiguration cfg = configurations.create(new ConfigurationForm("suggest-browser-default",
                s.getRepository().getId(), "RELEASE-1", "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");
        requirements.importSnapshot(s.getId(), TraceFixture.ENGINEER);
        String page = "http://localhost:" + port + "/trace/" + s.getId() + "/items/" + ITEM;

        login(TraceFixture.ENGINEER, TraceFixture.PASSWORD);
        driver.get(page);
        By state = By.id("state-" + cfg.getId());
        assertThat(driver.findElement(state).getText()).isEqualTo("uncovered");
        new Select(driver.findElement(By.id("suggest-configuration"))).selectByVisibleText("suggest-browser-default");
        driver.findElement(By.id("suggest-button")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("suggestion-list")));
        assertThat(driver.findElement(By.cssSelector("#suggestion-list .suggestion-function")).getText())
                .isEqualTo("fa_start");
        assertThat(driver.findElement(By.cssSelector("#suggestion-list .suggestion-reasons")).getText())
                .contains("Start in name");
        shot("link-suggestions");
        driver.findElement(By.cssSelector("#suggestion-list .suggestion-link button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Linked " + ITEM + " to fa_start in xen/common/fa.c (draft)"));
        // back on the suggestions; the draft is listed under Code and does not count
        assertThat(driver.findElement(By.cssSelector("#suggestion-list")).getText()).contains("linked");
        assertThat(driver.findElement(state).getText()).isEqualTo("uncovered");

        login(TraceFixture.REVIEWER, TraceFixture.PASSWORD);
        driver.get(page);
        driver.findElement(By.cssSelector(".anchor .review-comment-input")).sendKeys("fa_start starts fa, as asked");
        driver.findElement(By.cssSelector(".anchor .review-button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Reviewed the link"));
        driver.get(page);
        assertThat(driver.findElement(state).getText()).isEqualTo("covered");
    }

    private static void shot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
