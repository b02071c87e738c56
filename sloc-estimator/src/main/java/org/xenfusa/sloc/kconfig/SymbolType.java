package org.xenfusa.sloc.kconfig;

/** The declared type of a Kconfig symbol; UNKNOWN for numbers, undefined names and constants. */
public enum SymbolType {
    UNKNOWN("unknown"), BOOL("bool"), TRISTATE("tristate"), INT("int"), HEX("hex"), STRING("string");

    private final String keyword;

    SymbolType(String keyword) {
        this.keyword = keyword;
    }

    /** The Kconfig keyword of the type. */
    public String keyword() {
        return keyword;
    }

    boolean isLogic() {
        return this == BOOL || this == TRISTATE;
    }
}
