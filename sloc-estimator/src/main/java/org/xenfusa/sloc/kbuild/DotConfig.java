package org.xenfusa.sloc.kbuild;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The symbol values of a {@code .config} file as make sees them through {@code auto.conf}: only set
 * symbols are present ({@code # CONFIG_X is not set} leaves the variable undefined) and values are
 * kept as written, string quotes included, because Makefiles compare them so
 * ({@code ifneq ($(CONFIG_DTB_FILE),"")}).
 */
public record DotConfig(Map<String, String> values) {
    public DotConfig {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Parses the text of a {@code .config}; lines that are neither assignments nor comments are ignored. */
    public static DotConfig parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1);
            values.put(name, value.strip());
        }
        return new DotConfig(values);
    }

    /** A string value without its quotes and escapes, as the C preprocessor sees it. */
    public static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < value.length() - 1; i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length() - 1) {
                    c = value.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        return value;
    }
}
