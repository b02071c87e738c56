package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.effort.EffortModelSettings;
import org.xenfusa.model.ingest.IngestJob;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.ingest.IngestState;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;
import org.xenfusa.sloc.effort.Asil;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.SlocFigure;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.effort.EffortModels;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.ingest.RepositoryRegistrar;

/**
 * In real Chromium: the effort model edited and its history, the error pages (403, 404, 400 with
 * the reason, JSON kept under /api), live ingest progress, and the Kconfig menu tree.
 */
@IntegrationTest
class PlatformPagesBrowserTest {
    /** A menu with a submenu, a choice, an entry that depends on the one above it and a promptless symbol. */
    static final String COMMON = """
            menu "Common Features"

            config HAS_TIMER
            \tbool

            config FEATURE_A
            \tbool "Feature A"
            \tdefault y

            config FEATURE_B
            \tbool "Feature B"
            \tdepends on FEATURE_A
            \tdefault y

            menu "Scheduling"

            choice
            \tprompt "Default scheduler"
            \tdefault SCHED_CREDIT2

            config SCHED_CREDIT
            \tbool "Credit"

            config SCHED_CREDIT2
            \tbool "Credit2"

            endchoice

            endmenu

            config LIMIT
            \tint "A limit"
            \trange 1 64
            \tdefault 16

            endmenu
            """;

    static SyntheticRepository repo;
    static WebDriver driver;

    @LocalServerPort int port;
    @Autowired EffortModels effort;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired RepositoryRegistrar registrar;
    @Autowired ConfigurationService configurations;
    @Autowired IngestJobRepository jobs;

    @BeforeAll
    static void start() throws Exception {
        repo = SyntheticRepository.create(Files.createTempDirectory("fusa-pages"));
        Map<String, String> files = new HashMap<>(SyntheticKconfig.FILES);
        files.put("xen/common/Kconfig", COMMON);
        repo.commit("one", "RELEASE-1.0", files);
        driver = Chromium.start("PLATFORM PAGES BROWSER TEST");
    }

    @AfterAll
    static void stop() {
        Chromium.release(driver);
        if (repo != null) {
            repo.close();
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    private void login(String user, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base() + "/login");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-button")).click();
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void user(String name, Role role) {
        if (users.findByUsername(name).isEmpty()) {
            users.save(new AppUser(name, encoder.encode(name + "-password"), role));
        }
    }

    private SourceRepository repository() throws Exception {
        return registrar.findByGitDir(repo.dir().resolve(".git").toRealPath()).orElseGet(() -> {
            try {
                return registrar.register("pages-repo", repo.dir().toString(), "tester");
            } catch (InvalidInputException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void anAdminEditsARateAndAnAsilMappingAndSeesThemWithTheirHistory() throws Exception {
        EffortModelSettings before = effort.settings();
        login("admin", "test-admin-password");
        try {
            driver.get(base() + "/effort");
            WebDriverWait wait = waiting();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("effort-form")));
            List<WebElement> history = driver.findElements(By.cssSelector("#effort-history tbody tr"));
            assertThat(history.get(history.size() - 1).getText()).contains(EffortModels.SHIPPED_DEFAULT)
                    .doesNotContain("admin");

            WebElement dalC = driver.findElement(By.id("dalC"));
            dalC.clear();
            dalC.sendKeys("0.25");
            Select asilB = new Select(driver.findElement(By.id("asilB")));
            assertThat(asilB.getFirstSelectedOption().getAttribute("value")).isNotEqualTo("DAL_E");
            asilB.selectByValue("DAL_E");
            driver.findElement(By.id("effort-save")).click();

            wait.until(ExpectedConditions.textToBe(By.id("flash-notice"), "Effort model saved"));
            assertThat(rowText("rates", "DAL C")).contains("0.250");
            assertThat(rowText("crosswalk", "ASIL B")).isEqualTo("ASIL B DAL E");
            assertThat(new Select(driver.findElement(By.id("asilB"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("DAL_E");
            String newest = driver.findElement(By.cssSelector("#effort-history tbody tr")).getText();
            assertThat(newest).contains("admin").contains("C 0.25");
            shot("effort-model");
        } finally {
            Map<Asil, DesignAssuranceLevel> crosswalk = new EnumMap<>(Asil.class);
            crosswalk.put(Asil.ASIL_A, DesignAssuranceLevel.valueOf(before.getAsilA()));
            crosswalk.put(Asil.ASIL_B, DesignAssuranceLevel.valueOf(before.getAsilB()));
            crosswalk.put(Asil.ASIL_C, DesignAssuranceLevel.valueOf(before.getAsilC()));
            crosswalk.put(Asil.ASIL_D, DesignAssuranceLevel.valueOf(before.getAsilD()));
            effort.update(before.getDalA(), before.getDalB(), before.getDalC(), before.getDalD(), before.getDalE(),
                    crosswalk, before.getHoursPerPersonYear(), SlocFigure.valueOf(before.getFigure()), before.getSource());
        }
    }

    private String rowText(String table, String firstCell) {
        return driver.findElements(By.cssSelector("#" + table + " tbody tr")).stream().map(WebElement::getText)
                .filter(t -> t.startsWith(firstCell)).findFirst().orElseThrow();
    }

    @Test
    void errorsArePagesOfThePlatformWithTheReasonAndAWayBack() throws Exception {
        user("pages-assessor", Role.ASSESSOR);
        login("pages-assessor", "pages-assessor-password");
        WebDriverWait wait = waiting();

        driver.get(base() + "/users");
        wait.until(ExpectedConditions.textToBe(By.id("error-title"), "403 Forbidden"));
        assertThat(driver.findElement(By.id("error-reason")).getText()).contains("role ASSESSOR")
                .contains("does not allow");
        assertPlatformPage();
        shot("error-403");

        driver.get(base() + "/no-such-page");
        wait.until(ExpectedConditions.textToBe(By.id("error-title"), "404 Not Found"));
        assertThat(driver.findElement(By.id("error-reason")).getText()).isEqualTo("There is no page at /no-such-page.");
        assertPlatformPage();

        // an arm32 and an arm64 board cannot share one configuration: the page says why
        driver.get(base() + "/boards");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("pick-rcar2"))).click();
        driver.findElement(By.id("pick-rcar3")).click();
        driver.findElement(By.id("minimal-button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("error-title"), "400 Bad Request"));
        assertThat(driver.findElement(By.id("error-reason")).getText()).contains("different architectures")
                .contains("arm32").contains("arm64");
        assertPlatformPage();
        shot("error-400-boards");
        driver.findElement(By.id("error-back")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("minimal-form")));

        // the REST API keeps JSON errors, even for a client that prefers HTML (a browser's Accept header)
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(base() + "/api/jobs/987654321")).header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "pages-assessor:pages-assessor-password".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(api.body()).contains("\"status\":404").contains("no job 987654321").doesNotContain("<html");
    }

    private void assertPlatformPage() {
        assertThat(driver.findElement(By.cssSelector("header.top .brand")).getText()).isEqualTo("Xen FuSa evidence");
        assertThat(driver.findElement(By.id("error-home")).getAttribute("href")).isEqualTo(base() + "/");
        assertThat(driver.getPageSource()).doesNotContain("Whitelabel").doesNotContain("Exception");
        assertThat(driver.findElements(By.id("flash-error"))).as("the layout's flash repeats nothing").isEmpty();
    }

    @Test
    void liveIngestProgressShowsFiguresNeverUndefined() throws Exception {
        SourceRepository r = repository();
        IngestJob job = jobs.save(new IngestJob(r.getId(), IngestMode.REF, "RELEASE-1.0", "tester"));
        try {
            jobs.markRunning(job.getId(), Instant.now());
            login("admin", "test-admin-password");
            driver.get(base() + "/repositories/" + r.getId());
            By files = By.cssSelector("tr[data-job='" + job.getId() + "'] .job-files");
            WebDriverWait wait = waiting();
            wait.until(ExpectedConditions.visibilityOfElementLocated(files));
            // the worker reports progress: the page, polling, shows it
            jobs.progress(job.getId(), 3, 1, 5000, 1234, 1000, "RELEASE-1.0", 56.4);
            wait.until(ExpectedConditions.textToBe(files, "1,234 / 5,000 files, ref 1 / 3"));
            String row = driver.findElement(By.cssSelector("tr[data-job='" + job.getId() + "']")).getText();
            assertThat(row).contains("RUNNING").contains("56").doesNotContain("undefined").doesNotContain("NaN");
            shot("job-progress");

            WebElement before = driver.findElement(files);
            jobs.finish(job.getId(), IngestState.SUCCEEDED, Instant.now(), "done");
            wait.until(ExpectedConditions.stalenessOf(before)); // the page reloads when the job ends
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("tr[data-job='" + job.getId() + "'] .job-state"), "SUCCEEDED"));
            assertThat(driver.findElement(By.id("jobs")).getText()).doesNotContain("undefined").doesNotContain("NaN");
        } finally {
            jobs.deleteById(job.getId());
        }
    }

    @Test
    void theKconfigMenuIsATreeAsMenuconfigShowsIt() throws Exception {
        SourceRepository r = repository();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken("engineer-1", "x", List.of()));
        SavedConfiguration saved;
        try {
            saved = configurations.create(new ConfigurationForm("menu-tree-" + System.nanoTime(), r.getId(), "RELEASE-1.0", "x86_64",
                    StartKind.DEFCONFIG, "", "", "", ""), "engineer-1");
        } finally {
            SecurityContextHolder.clearContext();
        }
        login("admin", "test-admin-password");
        driver.get(base() + "/configurations/" + saved.getId());
        WebDriverWait wait = waiting();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu")));
        assertThat(driver.findElement(By.id("menu-legend")).getText()).contains("[*]").contains("<M>")
                .contains("module").contains("(X)");

        // menus start closed, as in menuconfig
        assertThat(driver.findElement(symbol("FEATURE_A")).isDisplayed()).isFalse();
        summary("Common Features").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(symbol("FEATURE_A")));
        assertThat(marker("FEATURE_A")).isEqualTo("[*]");
        assertThat(marker("LIMIT")).isEqualTo("(16)");

        // FEATURE_B depends on FEATURE_A, so it is shown under it
        assertThat(driver.findElement(symbol("FEATURE_B")).isDisplayed()).isFalse();
        driver.findElement(By.xpath("//details[@data-symbol='FEATURE_A']/summary/span[contains(@class,'prompt')]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(symbol("FEATURE_B")));

        // a submenu with a choice that shows the member it chose
        summary("Scheduling").click();
        WebElement choice = wait.until(ExpectedConditions.visibilityOf(summary("Default scheduler")));
        assertThat(choice.getText()).contains("(SCHED_CREDIT2)");
        choice.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(symbol("SCHED_CREDIT2")));
        assertThat(marker("SCHED_CREDIT2")).isEqualTo("(X)");
        assertThat(marker("SCHED_CREDIT")).isEqualTo("( )");

        // a symbol without a prompt is hidden until asked for
        assertThat(driver.findElement(symbol("HAS_TIMER")).isDisplayed()).isFalse();
        driver.findElement(By.id("show-hidden")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(symbol("HAS_TIMER")));
        shot("menu-tree");

        // no Apply when nothing would change
        driver.get(base() + "/configurations/" + saved.getId() + "/symbols/FEATURE_A?preview=y");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-change")));
        assertThat(driver.findElements(By.id("apply-button"))).isEmpty();
        driver.get(base() + "/configurations/" + saved.getId() + "/symbols/FEATURE_A?preview=n");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("apply-button")));
        assertThat(driver.findElements(By.id("no-change"))).isEmpty();
    }

    /** A symbol's link, found whether it is shown or not (link text only matches what is shown). */
    private static By symbol(String name) {
        return By.xpath("//a[normalize-space(.)='" + name + "']");
    }

    private WebElement summary(String title) {
        return driver.findElement(By.xpath("//summary[.//strong[normalize-space()='" + title + "']]"));
    }

    private String marker(String symbol) {
        return driver.findElement(By.xpath("//a[normalize-space()='" + symbol + "']/preceding-sibling::span[contains(@class,'marker')]"))
                .getText();
    }

    private static void shot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
