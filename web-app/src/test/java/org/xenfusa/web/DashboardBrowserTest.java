package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.web.analysis.AnalysisResults;
import org.xenfusa.web.analysis.TrackedConfigurations;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;

/**
 * The dashboard in real Chromium with a synthetic repository of a few tags and four tracked configurations: the slide
 * table, the trend charts with a value per release, no part wider than the window at 1400 px and at 1280x720, and one
 * landscape page when printed. Screenshots and the PDF are kept under {@code target/screenshots}.
 */
@IntegrationTest
class DashboardBrowserTest {
    static SyntheticRepository repo;
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired ConfigurationService configurations;
    @Autowired TrackedConfigurations tracking;
    @Autowired AnalysisResults results;

    @BeforeAll
    static void start() throws Exception {
        repo = DashboardFixture.repository("fusa-dashboard-browser");
        driver = Chromium.start("DASHBOARD BROWSER TEST");
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            Chromium.release(driver);
        }
        if (repo != null) {
            repo.close();
        }
    }

    @Test
    void theSigSeesTheReleaseAtAGlanceOnScreenAndOnOnePrintedPage() throws Exception {
        DashboardFixture.viewer(users, encoder);
        TraceFixture fixture = new TraceFixture(registrar, ingest, jobs, snapshots, users, encoder);
        SourceRepository r = fixture.registerAndIngest("dash-browser-repo", repo);
        // four tracked configurations, as the SIG tracks (two defconfigs, a minimal one, a safety one)
        for (String[] c : new String[][] {{"x86_64 defconfig", "", ""}, {"x86_64 without feature A", "", "CONFIG_FEATURE_A=n"},
                {"x86_64 no_a_defconfig", "no_a_defconfig", ""}, {"x86_64 limit 8", "", "CONFIG_LIMIT=8"}}) {
            SavedConfiguration saved = configurations.create(new ConfigurationForm(c[0], r.getId(), "RELEASE-1.0",
                    "x86_64", StartKind.DEFCONFIG, c[1], c[2], "", ""), "tester");
            tracking.track(saved.getId(), true);
        }
        DashboardFixture.settled(results, r);

        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1400, 1000));
        driver.get(base + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(DashboardFixture.VIEWER);
        driver.findElement(By.id("password")).sendKeys(DashboardFixture.PASSWORD);
        driver.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        driver.get(base + "/?repositoryId=" + r.getId());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("slide-table")));
        assertThat(driver.findElement(By.id("dash-release")).getText()).isEqualTo("dash-browser-repo RELEASE-1.2");
        String table = driver.findElement(By.id("slide-table")).getText();
        assertThat(table).contains("x86_64 defconfig").contains("x86_64 without feature A").contains("x86_64 limit 8")
                .contains("x86_64 no_a_defconfig").contains("xen/common")
                .contains("DAL A").contains(" PY");
        assertThat(driver.findElements(By.cssSelector("#slide-table .result-state"))).isEmpty();
        // structural coverage: a stored result per configuration, which says when no data is imported
        assertThat(driver.findElement(By.id("coverage-card")).getText())
                .contains("x86_64 defconfig DAL A: no coverage data imported (import it)");
        assertThat(driver.findElement(By.id("misra-card")).getText())
                .contains("x86_64 defconfig: no analyser findings imported (import them)");

        // four charts, each a value per ingested release in release order, and values where results are stored
        JavascriptExecutor js = (JavascriptExecutor) driver;
        for (String chart : List.of("trend-sloc", "trend-effort", "trend-requirements", "trend-readiness")) {
            assertThat(js.executeScript("return Chart.getChart('" + chart + "').data.labels.join(',')"))
                    .isEqualTo("RELEASE-0.9,RELEASE-1.0,RELEASE-1.1,RELEASE-1.2");
            assertThat(((Number) js.executeScript("return Chart.getChart('" + chart
                    + "').data.datasets[0].data.filter(v => v !== null).length")).intValue()).isEqualTo(3);
        }
        // hovering a point shows its value with its unit
        Object tooltip = js.executeScript("const c = Chart.getChart('trend-sloc');"
                + "c.tooltip.setActiveElements([{datasetIndex: 0, index: 3}], {x: 10, y: 10}); c.update();"
                + "return c.tooltip.body.map(b => b.lines.join(' ')).join(' | ');");
        assertThat((String) tooltip).matches("x86_64 defconfig: [0-9,]+ code lines.*");
        assertNothingWiderThanTheWindow("1400 px");
        shot("dashboard-1400");
        // the whole page at 1400 px, for a look at every part (a build artifact, as the others)
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1400, (int) height + 200));
        shot("dashboard-1400-full");

        driver.manage().window().setSize(new Dimension(1280, 720));
        wait.until(d -> ((Number) js.executeScript("return window.innerWidth")).intValue() <= 1280);
        assertNothingWiderThanTheWindow("1280x720");
        shot("dashboard-1280x720");

        // the print stylesheet as Chromium applies it, at an A4 landscape page's size in CSS pixels
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        driver.manage().window().setSize(new Dimension(1123, 1000));
        shot("dashboard-print-media");
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        PrintOptions print = new PrintOptions();
        print.setOrientation(PrintOptions.Orientation.LANDSCAPE);
        print.setPageSize(new PageSize(21.0, 29.7));
        print.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(((PrintsPage) driver).print(print).getContent());
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve("dashboard-print.pdf"), pdf);
        assertThat(pages(pdf)).as("printed pages of the dashboard").isEqualTo(1);
    }

    private void assertNothingWiderThanTheWindow(String size) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long scroll = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long width = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        assertThat(scroll).as("page width at " + size).isLessThanOrEqualTo(width);
    }

    /** The page count a PDF states in its page tree ({@code /Type /Pages ... /Count n}). */
    static int pages(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("/Type\\s*/Page(?![a-zA-Z])").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void shot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
