package org.xenfusa.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by its own chromedriver, with no download manager and no network of its
 * own. Where Chromium is not installed a browser test says so loudly: it fails under CI and is
 * skipped, with the reason, elsewhere.
 * <p>
 * One browser for all browser test classes of the run (starting one took 2-5 s a class): each class
 * gets it back with no cookies (so not logged in) on a blank page, and {@link #release} after it; the
 * browser quits when the test JVM ends.
 */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private static ChromeDriver shared;
    private static Path downloads;

    private Chromium() {
    }

    /** The headless browser, as a new one would be: no cookies, a blank page. */
    static synchronized WebDriver start(String testName) throws Exception {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            String msg = testName + " NOT RUN: Debian's chromium and chromium-driver are not installed"
                    + " (apt-get install -y chromium chromium-driver; .ci/run installs them)";
            System.err.println("\n!!!!! " + msg + " !!!!!\n");
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(msg);
            }
            Assumptions.abort(msg);
        }
        if (shared == null) {
            downloads = Files.createTempDirectory("chromium-downloads");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,1100",
                    "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.default_directory", downloads.toString());
            prefs.put("download.prompt_for_download", false);
            prefs.put("safebrowsing.enabled", false);
            options.setExperimentalOption("prefs", prefs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit, "chromium-quit"));
            shared = driver;
        }
        clean(shared);
        return shared;
    }

    /**
     * The folder the browser downloads into, emptied: only what the caller downloads from now on lands there
     * (ExportBrowserTest is the one browser test that downloads).
     */
    static synchronized Path downloads() throws Exception {
        if (downloads != null) {
            try (Stream<Path> files = Files.list(downloads)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
        }
        return downloads;
    }

    /** Done with the browser for this class: logged out of everything, on a blank page. */
    static synchronized void release(WebDriver driver) {
        if (driver != null && driver == shared) {
            clean(shared);
        }
    }

    private static void clean(ChromeDriver driver) {
        driver.get("about:blank");
        // every site's cookies, not only those of the page shown (WebDriver's deleteAllCookies)
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Logs {@code user} in on a fresh session (the cookies of the one before are dropped). */
    static void login(WebDriver driver, org.openqa.selenium.support.ui.WebDriverWait wait, String base, String user,
            String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/login");
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
                org.openqa.selenium.By.id("username"))).sendKeys(user);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.id("login-button")).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.not(
                org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login")));
    }

    /** A screenshot of the window in target/screenshots/NAME.png (a build artifact to look at). */
    static void shot(WebDriver driver, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name + ".png"), ((org.openqa.selenium.TakesScreenshot) driver)
                .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
}
