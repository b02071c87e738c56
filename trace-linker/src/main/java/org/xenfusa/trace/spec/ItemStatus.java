package org.xenfusa.trace.spec;

import java.util.Locale;

/** The status of a specification item, as OFT's {@code Status:} line spells it; approved unless given. */
public enum ItemStatus {
    APPROVED, PROPOSED, DRAFT, REJECTED;

    public static ItemStatus parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
