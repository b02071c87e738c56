package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.xenfusa.exports.model.Sha256;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.exports.ExportJob;
import org.xenfusa.model.exports.ExportJobRepository;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;

/**
 * In real Chromium, as an ASSESSOR: pick a configuration on the exports page, export the XLSX workbook, wait for the
 * downloaded file and open it with POI; then the readiness pages. Screenshots go to target/screenshots.
 */
@IntegrationTest
class ExportBrowserTest {
    static WebDriver driver;
    static Path downloads;

    @LocalServerPort int port;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository ingestJobs;
    @Autowired ConfigurationService configurations;
    @Autowired ExportJobRepository exports;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;

    @BeforeAll
    static void start() throws Exception {
        driver = Chromium.start("EXPORT BROWSER TEST");
        downloads = Chromium.downloads();
    }

    @AfterAll
    static void stop() {
        Chromium.release(driver);
    }

    @Test
    void assessorDownloadsTheWorkbook() throws Exception {
        ExportFixture.users(users, encoder);
        SourceRepository repo = ExportFixture.create("browser-export-repo", registrar, ingest, ingestJobs);
        SavedConfiguration saved = configurations.create(new ConfigurationForm("browser-export-cfg", repo.getId(), "RELEASE-2.0", "x86_64",
                StartKind.DEFCONFIG, "", "", "", ""), "tester");

        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        String base = "http://localhost:" + port;
        driver.get(base + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("export-assessor");
        driver.findElement(By.id("password")).sendKeys("export-assessor-password");
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.urlToBe(base + "/"));

        driver.findElement(By.linkText("Exports")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("export-form")));
        new Select(driver.findElement(By.id("export-repository"))).selectByVisibleText("browser-export-repo");
        driver.findElement(By.id("export-ref")).sendKeys("RELEASE-2.0");
        driver.findElement(By.id("export-c-browser-export-cfg")).click();
        new Select(driver.findElement(By.id("export-format"))).selectByValue("XLSX");
        shot("exports-form");
        driver.findElement(By.id("export-button")).click();

        Path file = awaitDownload(Duration.ofSeconds(60));
        assertThat(file.getFileName().toString()).isEqualTo("traceability-and-sloc-RELEASE-2.0.xlsx");
        byte[] bytes = Files.readAllBytes(file);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            assertThat(wb.getSheet("Traceability")).isNotNull();
            assertThat(ExportIntegrationTest.text(wb.getSheetAt(0))).contains("RELEASE-2.0").contains("browser-export-cfg");
        }
        ExportJob job = exports.findTop50ByOrderByCreatedAtDesc().get(0);
        assertThat(job.getSha256()).isEqualTo(Sha256.hex(bytes));
        assertThat(job.getRequestedBy()).isEqualTo("export-assessor");

        driver.get(base + "/exports");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("exports")));
        assertThat(driver.findElement(By.id("exports")).getText()).contains(job.getSha256().substring(0, 8));
        shot("exports-list");

        driver.get(base + "/readiness?repositoryId=" + repo.getId() + "&ref=RELEASE-2.0&c=" + saved.getId());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
        assertThat(driver.findElement(By.id("gates")).getText()).contains("Suspect links");
        assertThat(driver.findElement(By.id("previous-ref")).getText()).isEqualTo("RELEASE-1.0");
        shot("readiness-release");
        driver.findElement(By.id("history-link")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history")));
        Object bars = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return Chart.getChart('history-chart').data.labels.length");
        assertThat(((Number) bars).intValue()).isEqualTo(2);
        shot("readiness-history");
        driver.get(base + "/readiness/gates");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gate-keys")));
        shot("readiness-gates");
    }

    /** The one finished download (while it downloads, Chromium writes hidden temporary and .crdownload files). */
    private static Path awaitDownload(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(p -> !p.toString().endsWith(".crdownload")
                        && !p.getFileName().toString().startsWith(".")).toList();
                if (!done.isEmpty() && Files.size(done.get(0)) > 0) {
                    return done.get(0);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no download in " + downloads + " within " + timeout);
    }

    private static void shot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
