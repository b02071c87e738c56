package org.xenfusa.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.xenfusa.trace.report.TraceEngineVersion;

/**
 * The analysis engine version: the rules of every analysis library (sloc-estimator, trace-linker, the readiness gates
 * of this one) and the project version. A result stored under another engine version is never shown as current: it is
 * computed again. It changes whenever a figure could change: a library's rules constant is raised, or a new release of
 * the project is built.
 */
// [impl->dsn~engine-version~1]
public final class AnalysisEngine {
    /** Raised with every change of evidence assembly or readiness evaluation that can change a verdict. */
    public static final int READINESS_RULES = 3;

    private static final String VERSION = TraceEngineVersion.version() + ", readiness " + READINESS_RULES
            + ", fusa " + projectVersion();

    private AnalysisEngine() {
    }

    /** For example {@code sloc 1.3, trace 1, readiness 1, fusa 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    /** The Maven project version, written into {@code engine.properties} when the library is built. */
    static String projectVersion() {
        try (InputStream in = AnalysisEngine.class.getResourceAsStream("engine.properties")) {
            if (in == null) {
                throw new IllegalStateException("engine.properties is missing from assessor-exports: rebuild it");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("project.version", "");
            if (v.isBlank() || v.contains("@")) {
                throw new IllegalStateException("engine.properties carries no project version: rebuild assessor-exports");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
