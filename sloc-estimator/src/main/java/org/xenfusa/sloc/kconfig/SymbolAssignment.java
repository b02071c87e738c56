package org.xenfusa.sloc.kconfig;

import java.util.Objects;

/**
 * A user's {@code SYMBOL=value} on top of a starting point (as {@code --set} gives it): applied
 * like a line appended to the defconfig or to the all*config fragment.
 */
public record SymbolAssignment(String symbol, String value) {
    public SymbolAssignment {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(value, "value");
        if (symbol.startsWith("CONFIG_")) {
            symbol = symbol.substring("CONFIG_".length());
        }
    }

    /** Parses {@code SYMBOL=value} or {@code CONFIG_SYMBOL=value}. */
    public static SymbolAssignment parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected SYMBOL=value: " + text);
        }
        return new SymbolAssignment(text.substring(0, eq).strip(), text.substring(eq + 1));
    }

    /** The line a .config would carry for it (strings are quoted unless already quoted). */
    String configLine(SymbolType type) {
        String v = value;
        if (type == SymbolType.STRING && !(v.length() >= 2 && v.startsWith("\"") && v.endsWith("\""))) {
            v = ValueSyntax.quote(v);
        }
        return "CONFIG_" + symbol + "=" + v;
    }
}
