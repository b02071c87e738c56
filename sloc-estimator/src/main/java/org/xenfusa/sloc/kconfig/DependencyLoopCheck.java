package org.xenfusa.sloc.kconfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds recursive dependencies (a symbol whose value depends on itself through depends on,
 * select, imply, defaults, prompts or ranges), which the C tools reject.
 */
final class DependencyLoopCheck {
    private final SymbolTable symbols;
    private final List<KconfigDiagnostic> diagnostics;
    private final Map<KconfigSymbol, Integer> state = new HashMap<>();
    private final List<KconfigSymbol> stack = new ArrayList<>();

    DependencyLoopCheck(SymbolTable symbols, List<KconfigDiagnostic> diagnostics) {
        this.symbols = symbols;
        this.diagnostics = diagnostics;
    }

    void run() {
        for (KconfigSymbol s : symbols.hashOrder()) {
            if (s.isDefined() && !state.containsKey(s)) {
                visit(s);
            }
        }
    }

    private List<KconfigSymbol> edges(KconfigSymbol s) {
        List<KconfigSymbol> out = new ArrayList<>();
        if (s.isChoice()) {
            out.addAll(s.choiceValues);
            for (SymbolProperty p : s.properties) {
                collect(p.condition, out, null);
            }
            collect(s.directDependency, out, null);
            return out;
        }
        // a choice value's own choice appears in all its conditions: that is how choices work, no loop
        KconfigSymbol own = s.choice;
        collect(s.directDependency, out, own);
        collect(s.reverseDependency, out, own);
        collect(s.impliedBy, out, own);
        for (SymbolProperty p : s.properties) {
            // a select's condition is a dependency of the selected symbol (its reverse dependency), not of this one
            if (p.kind == SymbolProperty.Kind.SELECT || p.kind == SymbolProperty.Kind.IMPLY) {
                continue;
            }
            collect(p.condition, out, own);
            collect(p.value, out, own);
        }
        out.removeIf(x -> !x.isDefined());
        return out;
    }

    private static void collect(Expr e, List<KconfigSymbol> out, KconfigSymbol skip) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.Sym s) {
            if (s.symbol() != skip) {
                out.add(s.symbol());
            }
        } else if (e instanceof Expr.Not n) {
            collect(n.operand(), out, skip);
        } else if (e instanceof Expr.And a) {
            collect(a.left(), out, skip);
            collect(a.right(), out, skip);
        } else if (e instanceof Expr.Or o) {
            collect(o.left(), out, skip);
            collect(o.right(), out, skip);
        } else if (e instanceof Expr.Compare c) {
            if (c.left() != skip) {
                out.add(c.left());
            }
            if (c.right() != skip) {
                out.add(c.right());
            }
        }
    }

    private void visit(KconfigSymbol s) {
        state.put(s, 1);
        stack.add(s);
        for (KconfigSymbol t : edges(s)) {
            Integer st = state.get(t);
            if (st == null) {
                visit(t);
            } else if (st == 1) {
                report(t);
            }
        }
        stack.remove(stack.size() - 1);
        state.put(s, 2);
    }

    private void report(KconfigSymbol target) {
        StringBuilder sb = new StringBuilder("recursive dependency detected: ");
        int from = stack.indexOf(target);
        for (int i = from; i < stack.size(); i++) {
            sb.append(stack.get(i).displayName()).append(" -> ");
        }
        sb.append(target.displayName());
        MenuNode where = target.menus.get(0);
        diagnostics.add(KconfigDiagnostic.error(where.file, where.line, sb.toString()));
    }
}
