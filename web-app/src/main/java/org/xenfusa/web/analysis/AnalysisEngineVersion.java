package org.xenfusa.web.analysis;

import java.util.Objects;

/**
 * The engine version results are stored and read under: the libraries' {@link org.xenfusa.exports.AnalysisEngine}
 * in the app, another one in tests that show a result of an older engine is never shown as current.
 */
public record AnalysisEngineVersion(String value) {
    public AnalysisEngineVersion {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("an engine version is 1 to 200 characters, not '" + value + "'");
        }
    }
}
