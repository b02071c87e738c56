package org.xenfusa.sloc.kconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds a {@link SymbolExplanation} from the state of an evaluated configuration. */
final class Explainer {
    private Explainer() {
    }

    static List<Expr> orTerms(Expr e) {
        List<Expr> out = new ArrayList<>();
        flatten(e, out);
        return out;
    }

    private static void flatten(Expr e, List<Expr> out) {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.Or o) {
            flatten(o.left(), out);
            flatten(o.right(), out);
        } else {
            out.add(e);
        }
    }

    private static List<SymbolExplanation.Reason> reasons(ConfigEvaluation ev, Expr e) {
        List<SymbolExplanation.Reason> out = new ArrayList<>();
        for (Expr term : orTerms(e)) {
            Expr head = term instanceof Expr.And a ? leftmost(a) : term;
            if (head instanceof Expr.Sym s && s.symbol().isDefined()) {
                out.add(new SymbolExplanation.Reason(s.symbol().displayName(), Expr.format(term),
                        ev.eval(term).letter()));
            }
        }
        return out;
    }

    private static Expr leftmost(Expr.And a) {
        Expr e = a;
        while (e instanceof Expr.And x) {
            e = x.left();
        }
        return e;
    }

    static SymbolExplanation explain(ConfigEvaluation ev, KconfigSymbol s) {
        ev.calc(s);
        int id = s.id;
        List<SymbolExplanation.PromptState> prompts = new ArrayList<>();
        for (SymbolProperty p : s.properties) {
            if (p.text != null) {
                prompts.add(new SymbolExplanation.PromptState(p.text, p.file + ":" + p.line,
                        Expr.format(p.condition), ev.eval(p.condition).letter()));
            }
        }
        String value = s.type.isLogic() || s.type == SymbolType.UNKNOWN ? ev.stringValue(s) : ev.configValue(s);
        boolean written = (ev.flags[id] & ConfigEvaluation.WRITE) != 0;
        Optional<String> user = ev.hasValue(s) && !s.isChoice()
                ? Optional.of(s.type.isLogic() ? ev.userTri[id].letter()
                        : ev.userVal[id] == null ? "" : ev.userVal[id])
                : Optional.empty();
        Optional<SymbolExplanation.AppliedDefault> applied = Optional.empty();
        boolean userApplies = user.isPresent() && ev.visible[id] != Tristate.NO;
        if (!userApplies && !s.isChoice()) {
            for (SymbolProperty p : s.properties) {
                if (p.kind == SymbolProperty.Kind.DEFAULT && ev.eval(p.condition) != Tristate.NO) {
                    String result = s.type.isLogic() ? ev.eval(p.value).letter()
                            : p.singleSymbol() == null ? "" : ev.stringValue(p.singleSymbol());
                    applied = Optional.of(new SymbolExplanation.AppliedDefault(Expr.format(p.value),
                            Expr.format(p.condition), p.file + ":" + p.line, result));
                    break;
                }
            }
        }
        List<SymbolExplanation.Reason> selected = reasons(ev, s.reverseDependency);
        if (s.isChoice()) {
            selected = List.of();
        }
        List<SymbolExplanation.Reason> implied = reasons(ev, s.impliedBy);
        Tristate dep = ev.dirDep[id];
        Optional<String> unmet = Optional.empty();
        if (!s.isChoiceValue() && !s.isChoice() && s.directDependency != null && dep == Tristate.NO) {
            unmet = Optional.of(Expr.format(s.directDependency));
        }
        Optional<String> choice = s.isChoiceValue()
                ? Optional.of("value of the choice at " + s.choice.menus.get(0).file + ":" + s.choice.menus.get(0).line
                        + "; selected: " + (ev.selected[s.choice.id] == null ? "none" : ev.selected[s.choice.id].displayName()))
                : Optional.empty();
        List<String> defined = s.menus.stream().map(m -> m.file + ":" + m.line).toList();

        StringBuilder sum = new StringBuilder();
        sum.append(s.displayName()).append(" = ").append(value).append(". ");
        if (!s.isDefined()) {
            sum.append("No Kconfig file defines it. ");
        } else if (prompts.isEmpty()) {
            sum.append("It has no prompt, so only defaults, select and imply set it. ");
        } else {
            sum.append("Its prompt is ").append(ev.visible[id] == Tristate.NO ? "hidden" : "visible").append(". ");
        }
        if (unmet.isPresent()) {
            sum.append("Its dependencies are unmet: ").append(unmet.get()).append(". ");
        }
        if (userApplies) {
            sum.append("The starting point or an override set it to ").append(user.get()).append(". ");
        } else if (user.isPresent()) {
            sum.append("A value ").append(user.get()).append(" was given but ignored because the prompt is hidden. ");
        }
        applied.ifPresent(d -> sum.append("Default ").append(d.expression()).append(" applies (")
                .append(d.location()).append("). "));
        List<String> active = selected.stream().filter(r -> !r.value().equals("n")).map(SymbolExplanation.Reason::symbol)
                .toList();
        if (!active.isEmpty()) {
            sum.append("Selected by ").append(String.join(", ", active)).append(". ");
        }
        List<String> activeImply = implied.stream().filter(r -> !r.value().equals("n"))
                .map(SymbolExplanation.Reason::symbol).toList();
        if (!activeImply.isEmpty()) {
            sum.append("Implied by ").append(String.join(", ", activeImply)).append(". ");
        }
        choice.ifPresent(c -> sum.append("It is a ").append(c).append(". "));
        if (!written && s.isDefined()) {
            sum.append("It is not written to .config. ");
        }
        return new SymbolExplanation(s.displayName(), s.type, value, written, List.copyOf(prompts),
                ev.visible[id].letter(), user, applied, List.copyOf(selected), List.copyOf(implied),
                Expr.format(s.directDependency), s.isChoiceValue() ? "y" : dep.letter(), unmet, choice, defined,
                sum.toString().strip());
    }
}
