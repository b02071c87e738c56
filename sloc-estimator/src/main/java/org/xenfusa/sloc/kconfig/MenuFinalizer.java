package org.xenfusa.sloc.kconfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the parsed menu tree into evaluable dependencies, as the C tools' menu finalisation does:
 * every entry and property inherits the dependencies of the menus, ifs and choices around it;
 * {@code select} and {@code imply} become reverse dependencies of their targets; choices learn
 * their values and type; a non-optional choice with a prompt cannot be 'n' while visible.
 */
final class MenuFinalizer {
    private final SymbolTable symbols;
    private final KconfigSymbol modules;
    private final List<KconfigDiagnostic> diagnostics;
    private final Set<KconfigSymbol> checked = new HashSet<>();

    MenuFinalizer(SymbolTable symbols, KconfigSymbol modules, List<KconfigDiagnostic> diagnostics) {
        this.symbols = symbols;
        this.modules = modules;
        this.diagnostics = diagnostics;
    }

    void finalizeTree(MenuNode root) {
        finalizeNode(root);
        new DependencyLoopCheck(symbols, diagnostics).run();
    }

    /** 'm' in a dependency means 'm && MODULES', so that it is 'n' without module support. */
    private Expr rewriteM(Expr e) {
        if (e == null) {
            return null;
        }
        if (e instanceof Expr.Not n) {
            return new Expr.Not(rewriteM(n.operand()));
        }
        if (e instanceof Expr.And a) {
            return new Expr.And(rewriteM(a.left()), rewriteM(a.right()));
        }
        if (e instanceof Expr.Or o) {
            return new Expr.Or(rewriteM(o.left()), rewriteM(o.right()));
        }
        if (e instanceof Expr.Sym s && s.symbol() == symbols.mod) {
            return new Expr.And(s, new Expr.Sym(modules));
        }
        return e;
    }

    private void finalizeNode(MenuNode parent) {
        KconfigSymbol sym = parent.symbol;
        if (!parent.children.isEmpty()) {
            Expr parentDep;
            if (sym != null && sym.isChoice()) {
                if (sym.type == SymbolType.UNKNOWN) {
                    for (MenuNode m : parent.children) {
                        if (m.symbol != null && m.symbol.type != SymbolType.UNKNOWN) {
                            sym.type = m.symbol.type;
                            break;
                        }
                    }
                }
                for (MenuNode m : parent.children) {
                    if (m.symbol != null && m.symbol.type == SymbolType.UNKNOWN) {
                        m.symbol.type = sym.type;
                    }
                }
                parentDep = new Expr.Sym(sym);
            } else if (parent.prompt != null) {
                parentDep = parent.prompt.condition;
            } else {
                parentDep = parent.dependency;
            }
            for (MenuNode menu : parent.children) {
                Expr baseDep = Expr.and(parentDep, rewriteM(menu.dependency));
                menu.dependency = baseDep;
                List<SymbolProperty> props = menu.symbol != null ? menu.symbol.properties
                        : menu.prompt == null ? List.of() : List.of(menu.prompt);
                for (SymbolProperty prop : props) {
                    if (prop.menu != menu) {
                        continue;
                    }
                    Expr dep = Expr.and(baseDep, rewriteM(prop.condition));
                    prop.condition = dep;
                    if (prop.kind == SymbolProperty.Kind.SELECT) {
                        prop.target.reverseDependency = Expr.or(prop.target.reverseDependency,
                                Expr.and(new Expr.Sym(menu.symbol), dep));
                    } else if (prop.kind == SymbolProperty.Kind.IMPLY) {
                        prop.target.impliedBy = Expr.or(prop.target.impliedBy,
                                Expr.and(new Expr.Sym(menu.symbol), dep));
                    }
                }
            }
            for (MenuNode menu : parent.children) {
                finalizeNode(menu);
            }
        } else if (sym != null) {
            sym.directDependency = Expr.or(sym.directDependency, parent.dependency);
        }
        if (sym != null && sym.isChoice()) {
            for (MenuNode menu : choiceEntries(parent)) {
                KconfigSymbol value = menu.symbol;
                if (value.isChoiceValue()) {
                    continue;
                }
                value.flags |= KconfigSymbol.CHOICEVAL;
                value.choice = sym;
                sym.choiceValues.add(value);
                if (menu.prompt == null) {
                    warn(menu, "choice value must have a prompt");
                }
                for (SymbolProperty prop : value.properties) {
                    if (prop.kind == SymbolProperty.Kind.DEFAULT) {
                        diagnostics.add(KconfigDiagnostic.warning(prop.file, prop.line,
                                "defaults for choice values not supported"));
                    }
                }
                // A bool value of a tristate choice can only be set when the choice is 'y'.
                if (sym.type == SymbolType.TRISTATE && value.type != SymbolType.TRISTATE) {
                    Expr isYes = new Expr.Compare(Expr.Relation.EQUAL, sym, symbols.yes);
                    menu.dependency = Expr.and(isYes, menu.dependency);
                    for (SymbolProperty prop : value.properties) {
                        if (prop.menu == menu) {
                            prop.condition = Expr.and(isYes, prop.condition);
                        }
                    }
                }
            }
        }
        if (sym != null && checked.add(sym)) {
            if (sym.type == SymbolType.UNKNOWN) {
                warn(parent, "config symbol defined without type");
            }
            if (sym.isChoice() && parent.prompt == null) {
                warn(parent, "choice must have a prompt");
            }
            checkProperties(sym);
        }
        if (sym != null && (sym.flags & KconfigSymbol.OPTIONAL) == 0 && parent.prompt != null) {
            sym.reverseDependency = Expr.or(sym.reverseDependency,
                    Expr.and(parent.prompt.condition, new Expr.Sym(symbols.mod)));
        }
    }

    /** The symbol entries of a choice, looking through ifs (which only add dependencies). */
    private static List<MenuNode> choiceEntries(MenuNode choice) {
        List<MenuNode> out = new ArrayList<>();
        collect(choice, out);
        return out;
    }

    private static void collect(MenuNode node, List<MenuNode> out) {
        for (MenuNode m : node.children) {
            if (m.symbol != null) {
                out.add(m);
            } else if (m.kind == MenuNode.Kind.IF) {
                collect(m, out);
            }
        }
    }

    private void warn(MenuNode node, String message) {
        diagnostics.add(KconfigDiagnostic.warning(node.file, node.line, message));
    }

    private static boolean validNumber(KconfigSymbol sym, KconfigSymbol value) {
        return value.type == SymbolType.INT || value.type == SymbolType.HEX
                || value.type == SymbolType.UNKNOWN && ValueSyntax.valid(sym.type, value.name == null ? "" : value.name);
    }

    private void checkProperties(KconfigSymbol sym) {
        for (SymbolProperty prop : sym.properties) {
            switch (prop.kind) {
                case DEFAULT -> {
                    KconfigSymbol single = prop.singleSymbol();
                    if ((sym.type == SymbolType.STRING || sym.type == SymbolType.INT || sym.type == SymbolType.HEX)
                            && single == null) {
                        propWarn(prop, "default for config symbol '" + sym.displayName() + "' must be a single symbol");
                    }
                    if (single == null) {
                        break;
                    }
                    if ((sym.type == SymbolType.HEX || sym.type == SymbolType.INT) && !validNumber(sym, single)) {
                        propWarn(prop, "'" + sym.displayName() + "': number is invalid");
                    }
                    if (sym.isChoice() && !sym.choiceValues.contains(single) && single.choice != sym) {
                        propWarn(prop, "choice default symbol '" + single.displayName()
                                + "' is not contained in the choice");
                    }
                }
                case SELECT, IMPLY -> {
                    String use = prop.kind == SymbolProperty.Kind.SELECT ? "select" : "imply";
                    if (!sym.type.isLogic()) {
                        propWarn(prop, "config symbol '" + sym.displayName() + "' uses " + use
                                + ", but is not bool or tristate");
                    } else if (prop.target.type != SymbolType.UNKNOWN && !prop.target.type.isLogic()) {
                        propWarn(prop, "'" + prop.target.displayName() + "' has wrong type. '" + use
                                + "' only accept arguments of bool and tristate type");
                    }
                }
                case RANGE -> {
                    if (sym.type != SymbolType.INT && sym.type != SymbolType.HEX) {
                        propWarn(prop, "range is only allowed for int or hex symbols");
                    }
                    if (!validNumber(sym, prop.target) || !validNumber(sym, prop.rangeHigh)) {
                        propWarn(prop, "range is invalid");
                    }
                }
                default -> {
                }
            }
        }
    }

    private void propWarn(SymbolProperty prop, String message) {
        diagnostics.add(KconfigDiagnostic.warning(prop.file, prop.line, message));
    }
}
