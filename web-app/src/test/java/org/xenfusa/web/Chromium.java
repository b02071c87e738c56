package org.xenfusa.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by its own chromedriver, with no download manager and no network of its
 * own. Where Chromium is not installed a browser test says so loudly: it fails under CI and is
 * skipped, with the reason, elsewhere.
 */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Starts a headless browser; {@code downloads}, when given, receives downloaded files. */
    static WebDriver start(String testName, Optional<Path> downloads) throws Exception {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            String msg = testName + " NOT RUN: Debian's chromium and chromium-driver are not installed"
                    + " (apt-get install -y chromium chromium-driver; .ci/run installs them)";
            System.err.println("\n!!!!! " + msg + " !!!!!\n");
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(msg);
            }
            Assumptions.abort(msg);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1100",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        if (downloads.isPresent()) {
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.default_directory", downloads.get().toString());
            prefs.put("download.prompt_for_download", false);
            prefs.put("safebrowsing.enabled", false);
            options.setExperimentalOption("prefs", prefs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
