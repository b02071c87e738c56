package org.xenfusa.sloc.kconfig;

/** Kconfig's three-valued logic (n=0, m=1, y=2): AND is min, OR is max, NOT is 2-x. */
public enum Tristate {
    NO("n"), MOD("m"), YES("y");

    private final String letter;

    Tristate(String letter) {
        this.letter = letter;
    }

    /** The letter a .config uses for this value. */
    public String letter() {
        return letter;
    }

    Tristate and(Tristate other) {
        return ordinal() <= other.ordinal() ? this : other;
    }

    Tristate or(Tristate other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    Tristate not() {
        return values()[2 - ordinal()];
    }

    boolean below(Tristate other) {
        return ordinal() < other.ordinal();
    }
}
