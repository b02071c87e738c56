package org.xenfusa.sloc.kconfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One entry of the Kconfig menu tree (config, menuconfig, choice, menu, comment, if, or the root),
 * in file order: the order in which a .config lists symbols and menu comment blocks.
 */
public final class MenuNode {
    /** Which statement made the entry. */
    public enum Kind { ROOT, CONFIG, MENUCONFIG, CHOICE, MENU, COMMENT, IF }

    final Kind kind;
    final KconfigSymbol symbol;
    final MenuNode parent;
    final String file;
    final int line;
    final List<MenuNode> children = new ArrayList<>();
    SymbolProperty prompt;
    Expr dependency;
    Expr visibility;
    String help;

    MenuNode(Kind kind, KconfigSymbol symbol, MenuNode parent, String file, int line) {
        this.kind = kind;
        this.symbol = symbol;
        this.parent = parent;
        this.file = file;
        this.line = line;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<KconfigSymbol> symbol() {
        return Optional.ofNullable(symbol);
    }

    /** The prompt text: a menu's title, a comment's text, a symbol's prompt. */
    public Optional<String> promptText() {
        return prompt == null ? Optional.empty() : Optional.of(prompt.text());
    }

    public List<MenuNode> children() {
        return Collections.unmodifiableList(children);
    }

    public Optional<String> help() {
        return Optional.ofNullable(help);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The entry's dependencies including all enclosing ones, in Kconfig notation. */
    public String dependencyText() {
        return Expr.format(dependency);
    }
}
