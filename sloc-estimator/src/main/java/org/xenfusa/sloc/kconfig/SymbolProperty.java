package org.xenfusa.sloc.kconfig;

import java.util.Optional;

/**
 * One property of a symbol or menu entry: a prompt, a default, a select, an imply or a range,
 * with its condition. After parsing, the condition includes every enclosing dependency (menus,
 * ifs, {@code depends on}), as the C tools propagate it.
 */
public final class SymbolProperty {
    /** What the property states. */
    public enum Kind { PROMPT, MENU, COMMENT, DEFAULT, SELECT, IMPLY, RANGE }

    final int id;
    final Kind kind;
    final String text;
    final Expr value;
    final KconfigSymbol target;
    final KconfigSymbol rangeHigh;
    Expr condition;
    final MenuNode menu;
    final String file;
    final int line;

    SymbolProperty(int id, Kind kind, String text, Expr value, KconfigSymbol target,
            KconfigSymbol rangeHigh, Expr condition, MenuNode menu, String file, int line) {
        this.id = id;
        this.kind = kind;
        this.text = text;
        this.value = value;
        this.target = target;
        this.rangeHigh = rangeHigh;
        this.condition = condition;
        this.menu = menu;
        this.file = file;
        this.line = line;
    }

    public Kind kind() {
        return kind;
    }

    /** The prompt text (empty string for other kinds). */
    public String text() {
        return text == null ? "" : text;
    }

    /** The value expression of a default. */
    public Optional<Expr> value() {
        return Optional.ofNullable(value);
    }

    /** The symbol a select or imply names, or the low end of a range. */
    public Optional<KconfigSymbol> target() {
        return Optional.ofNullable(target);
    }

    /** The condition with all enclosing dependencies, in Kconfig notation. */
    public String conditionText() {
        return Expr.format(condition);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The symbol a default names when it is a single symbol (int/hex/string defaults). */
    KconfigSymbol singleSymbol() {
        return value instanceof Expr.Sym s ? s.symbol() : null;
    }

    String describe() {
        return switch (kind) {
            case DEFAULT -> "default " + Expr.format(value);
            case SELECT -> "select " + target.displayName();
            case IMPLY -> "imply " + target.displayName();
            case RANGE -> "range " + target.displayName() + " " + rangeHigh.displayName();
            default -> "prompt \"" + text() + "\"";
        } + (condition == null ? "" : " if " + Expr.format(condition)) + " (" + file + ":" + line + ")";
    }
}
