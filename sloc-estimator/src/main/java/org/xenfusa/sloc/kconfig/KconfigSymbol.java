package org.xenfusa.sloc.kconfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A Kconfig symbol as the parsed tree defines it: name, type, properties, and the dependency
 * expressions derived from the menu structure (direct dependencies, reverse dependencies from
 * {@code select}, weak reverse dependencies from {@code imply}). Choices are nameless symbols.
 * Built by the parser and never changed afterwards; values live in a {@link Configuration}.
 */
public final class KconfigSymbol {
    static final int CONST = 1;
    static final int CHOICE = 2;
    static final int CHOICEVAL = 4;
    static final int OPTIONAL = 8;
    static final int NO_WRITE = 16;
    static final int ALLNOCONFIG_Y = 32;

    final int id;
    final String name;
    /** Bucket of the C tools' symbol hash table: their "for all symbols" order drives evaluation order. */
    final int hashBucket;
    SymbolType type = SymbolType.UNKNOWN;
    int flags;
    final List<SymbolProperty> properties = new ArrayList<>();
    final List<MenuNode> menus = new ArrayList<>();
    Expr directDependency;
    Expr reverseDependency;
    Expr impliedBy;
    KconfigSymbol choice;
    final List<KconfigSymbol> choiceValues = new ArrayList<>();
    /** Fixed value of the constants y, m and n. */
    final Tristate fixed;

    KconfigSymbol(int id, String name, int flags, int hashBucket, Tristate fixed) {
        this.id = id;
        this.name = name;
        this.flags = flags;
        this.hashBucket = hashBucket;
        this.fixed = fixed;
    }

    /** The name, empty for a choice without a name. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The name, or {@code <choice>}. */
    public String displayName() {
        return name == null ? "<choice>" : name;
    }

    public SymbolType type() {
        return type;
    }

    public boolean isChoice() {
        return (flags & CHOICE) != 0;
    }

    public boolean isChoiceValue() {
        return (flags & CHOICEVAL) != 0;
    }

    public boolean isConstant() {
        return (flags & CONST) != 0;
    }

    /** Whether some Kconfig file defines it (a config, menuconfig or choice entry). */
    public boolean isDefined() {
        return !menus.isEmpty();
    }

    /** The choice this symbol is a value of. */
    public Optional<KconfigSymbol> choiceGroup() {
        return Optional.ofNullable(choice);
    }

    /** The values of this choice, in definition order (empty for other symbols). */
    public List<KconfigSymbol> choiceMembers() {
        return Collections.unmodifiableList(choiceValues);
    }

    /** Prompts, defaults, selects, implies and ranges in definition order. */
    public List<SymbolProperty> properties() {
        return Collections.unmodifiableList(properties);
    }

    /** Every place the symbol is defined (a symbol may be defined several times). */
    public List<MenuNode> definitions() {
        return Collections.unmodifiableList(menus);
    }

    /** The OR of the dependencies of all its definitions ('y' when none). */
    public String directDependencyText() {
        return Expr.format(directDependency);
    }

    /** The help text of the first definition that has one. */
    public Optional<String> help() {
        return menus.stream().map(MenuNode::help).flatMap(Optional::stream).findFirst();
    }

    /** The first prompt text. */
    public Optional<String> prompt() {
        return properties.stream().filter(p -> p.kind() == SymbolProperty.Kind.PROMPT
                || p.kind() == SymbolProperty.Kind.MENU).map(SymbolProperty::text).findFirst();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
