package org.xenfusa.trace.config;

import java.util.Locale;
import java.util.Map;

/** The levels of the V: which artifact types are market, product, design requirements, code or tests. */
public enum TraceLevel {
    MARKET, PRODUCT, DESIGN, CODE, TEST, OTHER;

    /** Xen's types and OFT's customary ones. */
    private static final Map<String, TraceLevel> DEFAULT = Map.ofEntries(Map.entry("XenMkt", MARKET),
            Map.entry("feat", MARKET), Map.entry("XenProd", PRODUCT), Map.entry("req", PRODUCT),
            Map.entry("XenSwdgn", DESIGN), Map.entry("dsn", DESIGN), Map.entry("arch", DESIGN),
            Map.entry("impl", CODE), Map.entry("utest", TEST), Map.entry("itest", TEST), Map.entry("test", TEST));

    public static TraceLevel of(String artifactType) {
        return DEFAULT.getOrDefault(artifactType, OTHER);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
