package org.xenfusa.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The job scheduler's heartbeat settings of the test profile, as command-line arguments for the platforms the tests
 * start in child JVMs: instances that share a database must agree on them, or one takes the other's live workers for
 * dead (a child on the platform's 2 s heartbeat looks dead to an instance that expects one every second).
 */
final class TestJobSettings {
    private static final List<String> KEYS = List.of("fusa.jobs.heartbeat", "fusa.jobs.missed-heartbeats");

    private TestJobSettings() {
    }

    /** {@code --fusa.jobs.heartbeat=...} and {@code --fusa.jobs.missed-heartbeats=...}, from application-test.properties. */
    static List<String> arguments() {
        Properties test = new Properties();
        try (InputStream in = TestJobSettings.class.getResourceAsStream("/application-test.properties")) {
            test.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return KEYS.stream().map(k -> "--" + k + "=" + java.util.Objects.requireNonNull(test.getProperty(k),
                k + " in application-test.properties")).toList();
    }
}
