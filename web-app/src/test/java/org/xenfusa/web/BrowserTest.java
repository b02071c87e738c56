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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real Chromium: log in, register a synthetic repository, ingest its tags, watch the job
 * finish, open the SLOC page with its chart, and keep a screenshot in target/screenshots.
 */
@IntegrationTest
class BrowserTest {

    static SyntheticRepository repo;
    static WebDriver driver;

    @LocalServerPort int port;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createTempDirectory("fusa-browser");
        repo = SyntheticRepository.create(root);
        repo.commit("one", "RELEASE-4.0.0", Map.of("xen/common/a.c", SyntheticRepository.cFile("a", 20),
                "xen/arch/arm/b.c", SyntheticRepository.cFile("b", 8)));
        repo.commit("two", "RELEASE-4.1.0", Map.of("xen/common/a.c", SyntheticRepository.cFile("a", 30),
                "xen/drivers/c.c", SyntheticRepository.cFile("c", 4)));
        Map<String, String> kconfig = new java.util.HashMap<>(SyntheticKconfig.FILES);
        kconfig.putAll(SyntheticKconfig.BUILD);
        repo.commit("kconfig", "RELEASE-4.2.0", kconfig);

        driver = Chromium.start("BROWSER TEST");
    }

    @AfterAll
    static void stop() {
        Chromium.release(driver);
        if (repo != null) {
            repo.close();
        }
    }

    @Test
    void registerIngestAndSeeTheSlocChart() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        String base = "http://localhost:" + port;
        driver.get(base + "/repositories");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("test-admin-password");
        driver.findElement(By.id("login-button")).click();
        // the home page is the dashboard; repositories are registered on their own page
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        driver.get(base + "/repositories");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("repo-location"))).sendKeys(repo.dir().toString());
        driver.findElement(By.id("repo-name")).sendKeys("browser-xen");
        driver.findElement(By.id("register-button")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ingest-mode")));
        new Select(driver.findElement(By.id("ingest-mode"))).selectByValue("TAGS");
        driver.findElement(By.id("ingest-spec")).sendKeys("RELEASE-*");
        driver.findElement(By.id("ingest-button")).click();

        // the page polls the job and reloads when it ends: wait for the page rendered after the end (no row the
        // server rendered as active, so no reload to come), with the snapshot links; a page rendered while the last
        // snapshot was already stored but the job not yet ended has the links too, and reloads under the test's feet
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs"), "SUCCEEDED"));
        wait.until(d -> d.findElements(By.cssSelector("tr.job-row[data-state='RUNNING'], tr.job-row[data-state='QUEUED']"))
                .isEmpty() && !d.findElements(By.linkText("RELEASE-4.1.0")).isEmpty());
        assertThat(driver.findElement(By.id("snapshots")).getText()).contains("RELEASE-4.0.0").contains("RELEASE-4.1.0");
        shot("repository");

        driver.findElement(By.linkText("RELEASE-4.1.0")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sum-code")));
        // a.c 30 + b.c 8 + c.c 4 code lines
        assertThat(driver.findElement(By.id("sum-code")).getText()).isEqualTo("42");
        assertThat(driver.findElement(By.id("languages")).getText()).contains("C");
        assertThat(driver.findElement(By.id("directories")).getText()).contains("xen/arch/arm").contains("xen/common");
        Object bars = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return Chart.getChart('dir-chart').data.labels.length");
        assertThat(((Number) bars).intValue()).isEqualTo(3);
        shot("snapshot-sloc");

        // a configuration: create it, explain a symbol, preview a change and apply it
        driver.get(base + "/configurations");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("config-name"))).sendKeys("browser-cfg");
        new Select(driver.findElement(By.id("config-repository"))).selectByVisibleText("browser-xen");
        driver.findElement(By.id("config-ref")).sendKeys("RELEASE-4.2.0");
        driver.findElement(By.id("config-overrides")).sendKeys("CONFIG_LIMIT=8");
        driver.findElement(By.id("config-create")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu")));
        driver.findElement(By.id("menu-expand")).click(); // menus start closed, as in menuconfig
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("FEATURE_B")));
        assertThat(driver.findElement(By.id("menu")).getText()).contains("Feature A").contains("FEATURE_B");
        shot("configuration");
        driver.findElement(By.linkText("FEATURE_A")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-value"))).sendKeys("n");
        driver.findElement(By.id("preview-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("consequences")));
        assertThat(driver.findElement(By.id("consequences")).getText()).contains("CONFIG_FEATURE_B");
        driver.findElement(By.id("apply-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("symbol-value"), "n"));
        shot("symbol");

        // its compiled code: FEATURE_A is now off, so only setup.c and a.c are compiled (2 + 7 code lines)
        driver.findElement(By.linkText("browser-cfg")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sloc-link"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("make-cloc-code")));
        assertThat(driver.findElement(By.id("make-cloc-code")).getText()).isEqualTo("9");
        shot("configuration-sloc");
        driver.findElement(By.linkText("xen/common")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("xen/common/a.c"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inactive-count")));
        // FEATURE_B depends on FEATURE_A, so its block in a.c is inactive
        assertThat(driver.findElement(By.id("inactive-count")).getText()).isNotEqualTo("0");
        shot("file-active-lines");
    }

    private static void shot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
