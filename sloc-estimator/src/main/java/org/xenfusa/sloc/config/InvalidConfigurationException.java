package org.xenfusa.sloc.config;

/**
 * A configuration's words that do not name one: an unknown architecture, a seed that is not a number, an override
 * that is not {@code SYMBOL=value} or names no Kconfig symbol, an unknown toolchain profile. The message says what is
 * wrong in words a person can act on; {@link #part()} and {@link #given()} let a caller name its own option or field
 * (the command line says {@code --set NOPE=y: ...}).
 */
public final class InvalidConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Which part of the configuration is wrong. */
    public enum Part {
        ARCHITECTURE, STARTING_POINT, OVERRIDE, TOOLCHAIN
    }

    private final Part part;
    private final String given;
    private final String problem;

    /**
     * @param given   the text that was given, as given
     * @param problem what is wrong with it, without repeating it
     */
    InvalidConfigurationException(Part part, String given, String problem, String message) {
        super(message);
        this.part = part;
        this.given = given;
        this.problem = problem;
    }

    public Part part() {
        return part;
    }

    /** The text that was given for {@link #part()}, as given. */
    public String given() {
        return given;
    }

    /** What is wrong with {@link #given()}, without repeating it. */
    public String problem() {
        return problem;
    }
}
