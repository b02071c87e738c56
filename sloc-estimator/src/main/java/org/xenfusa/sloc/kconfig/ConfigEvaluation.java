package org.xenfusa.sloc.kconfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The mutable state of one configuration run, mirroring the C tools step for step: lazily
 * computed, cached symbol values (so that evaluation order and caching quirks match), user
 * values read from a config file, and the walks of {@code conf}: read, set all new symbols,
 * write. Lives inside one {@link Configuration}; never shared.
 */
// [impl->dsn~kconfig-evaluation~1]
final class ConfigEvaluation {
    static final int VALID = 1;
    static final int WRITE = 2;
    static final int DEF_USER = 4;
    static final int NEED_SET_CHOICE_VALUES = 8;
    static final int WRITTEN = 16;

    final KconfigTree tree;
    final SymbolTable table;
    final int[] flags;
    final Tristate[] tri;
    final String[] val;
    final KconfigSymbol[] selected;
    final Tristate[] visible;
    final Tristate[] dirDep;
    final Tristate[] revDep;
    final Tristate[] implied;
    final Tristate[] userTri;
    final String[] userVal;
    final KconfigSymbol[] userChoice;
    final Tristate[] propVisible;
    final List<KconfigDiagnostic> diagnostics = new ArrayList<>();
    private final Set<KconfigSymbol> unmetReported = new HashSet<>();
    private final List<KconfigSymbol> hashOrder;
    Tristate modulesValue = Tristate.NO;
    boolean changed = true;

    ConfigEvaluation(KconfigTree tree) {
        this.tree = tree;
        this.table = tree.table;
        int n = table.all().size();
        flags = new int[n];
        tri = new Tristate[n];
        val = new String[n];
        selected = new KconfigSymbol[n];
        visible = new Tristate[n];
        dirDep = new Tristate[n];
        revDep = new Tristate[n];
        implied = new Tristate[n];
        userTri = new Tristate[n];
        userVal = new String[n];
        userChoice = new KconfigSymbol[n];
        propVisible = new Tristate[tree.properties.size()];
        java.util.Arrays.fill(tri, Tristate.NO);
        java.util.Arrays.fill(visible, Tristate.NO);
        java.util.Arrays.fill(dirDep, Tristate.NO);
        java.util.Arrays.fill(revDep, Tristate.NO);
        java.util.Arrays.fill(implied, Tristate.NO);
        java.util.Arrays.fill(userTri, Tristate.NO);
        java.util.Arrays.fill(propVisible, Tristate.NO);
        for (KconfigSymbol s : table.all()) {
            if (s.fixed != null) {
                flags[s.id] = VALID;
                tri[s.id] = s.fixed;
                val[s.id] = s.name;
            } else {
                val[s.id] = "";
            }
        }
        hashOrder = tree.hashOrder;
    }

    boolean hasValue(KconfigSymbol s) {
        return (flags[s.id] & DEF_USER) != 0;
    }

    SymbolType effectiveType(KconfigSymbol s) {
        if (s.type == SymbolType.TRISTATE) {
            if (s.isChoiceValue() && visible[s.id] == Tristate.YES) {
                return SymbolType.BOOL;
            }
            if (modulesValue == Tristate.NO) {
                return SymbolType.BOOL;
            }
        }
        return s.type;
    }

    // ---- expressions ----

    Tristate eval(Expr e) {
        if (e == null) {
            return Tristate.YES;
        }
        if (e instanceof Expr.Sym s) {
            calc(s.symbol());
            return tri[s.symbol().id];
        }
        if (e instanceof Expr.And a) {
            Tristate l = eval(a.left());
            return l.and(eval(a.right()));
        }
        if (e instanceof Expr.Or o) {
            Tristate l = eval(o.left());
            return l.or(eval(o.right()));
        }
        if (e instanceof Expr.Not n) {
            return eval(n.operand()).not();
        }
        return compare((Expr.Compare) e);
    }

    private Tristate compare(Expr.Compare c) {
        calc(c.left());
        calc(c.right());
        String s1 = stringValue(c.left());
        String s2 = stringValue(c.right());
        int res;
        Number n1 = null;
        Number n2 = null;
        if (c.left().type != SymbolType.STRING || c.right().type != SymbolType.STRING) {
            n1 = parseForCompare(s1, c.left().type);
            n2 = parseForCompare(s2, c.right().type);
        }
        if (n1 == null || n2 == null) {
            res = Integer.signum(compareBytes(s1, s2));
        } else if (n1 instanceof UnsignedValue || n2 instanceof UnsignedValue) {
            res = Long.compareUnsigned(n1.longValue(), n2.longValue());
        } else {
            res = Long.compare(n1.longValue(), n2.longValue());
        }
        boolean r = switch (c.relation()) {
            case EQUAL -> res == 0;
            case UNEQUAL -> res != 0;
            case LESS -> res < 0;
            case LESS_EQUAL -> res <= 0;
            case GREATER -> res > 0;
            case GREATER_EQUAL -> res >= 0;
        };
        return r ? Tristate.YES : Tristate.NO;
    }

    private static int compareBytes(String a, String b) {
        byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }

    /** Marks a number parsed as hex, which compares unsigned. */
    private static final class UnsignedValue extends Number {
        private final long v;

        UnsignedValue(long v) {
            this.v = v;
        }

        @Override
        public int intValue() {
            return (int) v;
        }

        @Override
        public long longValue() {
            return v;
        }

        @Override
        public float floatValue() {
            return v;
        }

        @Override
        public double doubleValue() {
            return v;
        }
    }

    /** A value as a number for a comparison, or null when it compares as a string. */
    private static Number parseForCompare(String s, SymbolType type) {
        switch (type) {
            case BOOL, TRISTATE -> {
                return switch (s) {
                    case "n" -> 0L;
                    case "m" -> 1L;
                    case "y" -> 2L;
                    default -> -1L;
                };
            }
            default -> {
            }
        }
        ValueSyntax.Parsed p = switch (type) {
            case INT -> ValueSyntax.parse(s, 10, false);
            case HEX -> ValueSyntax.parse(s, 16, true);
            default -> ValueSyntax.parse(s, 0, false);
        };
        boolean ok = !p.overflow() && p.complete() && p.end() > 0
                && Character.digit(s.charAt(p.end() - 1), 16) >= 0;
        if (!ok) {
            return null;
        }
        return type == SymbolType.HEX ? new UnsignedValue(p.value()) : (Number) p.value();
    }

    String stringValue(KconfigSymbol s) {
        if (s.type.isLogic()) {
            return switch (tri[s.id]) {
                case NO -> "n";
                case MOD -> {
                    calc(tree.modules);
                    yield tri[tree.modules.id] == Tristate.NO ? "n" : "m";
                }
                case YES -> "y";
            };
        }
        return val[s.id];
    }

    // ---- symbol values ----

    private SymbolProperty defaultProperty(KconfigSymbol s) {
        for (SymbolProperty p : s.properties) {
            if (p.kind == SymbolProperty.Kind.DEFAULT) {
                propVisible[p.id] = eval(p.condition);
                if (propVisible[p.id] != Tristate.NO) {
                    return p;
                }
            }
        }
        return null;
    }

    SymbolProperty rangeProperty(KconfigSymbol s) {
        for (SymbolProperty p : s.properties) {
            if (p.kind == SymbolProperty.Kind.RANGE) {
                propVisible[p.id] = eval(p.condition);
                if (propVisible[p.id] != Tristate.NO) {
                    return p;
                }
            }
        }
        return null;
    }

    void calcVisibility(KconfigSymbol s) {
        int id = s.id;
        Tristate t = Tristate.NO;
        KconfigSymbol choice = s.isChoiceValue() ? s.choice : null;
        for (SymbolProperty p : s.properties) {
            if (p.text == null) {
                continue;
            }
            Tristate pv = eval(p.condition);
            // a tristate value of a choice that is 'y' cannot be 'm'
            if (choice != null && s.type == SymbolType.TRISTATE && pv == Tristate.MOD
                    && tri[choice.id] == Tristate.YES) {
                pv = Tristate.NO;
            }
            propVisible[p.id] = pv;
            t = t.or(pv);
        }
        if (t == Tristate.MOD && (s.type != SymbolType.TRISTATE || modulesValue == Tristate.NO)) {
            t = Tristate.YES;
        }
        visible[id] = t;
        if (s.isChoiceValue()) {
            return;
        }
        t = s.directDependency == null ? Tristate.YES : eval(s.directDependency);
        if (t == Tristate.MOD && effectiveType(s) == SymbolType.BOOL) {
            t = Tristate.YES;
        }
        dirDep[id] = t;
        t = s.reverseDependency == null ? Tristate.NO : eval(s.reverseDependency);
        if (t == Tristate.MOD && effectiveType(s) == SymbolType.BOOL) {
            t = Tristate.YES;
        }
        revDep[id] = t;
        t = Tristate.NO;
        if (s.impliedBy != null && dirDep[id] != Tristate.NO) {
            t = eval(s.impliedBy);
        }
        if (t == Tristate.MOD && effectiveType(s) == SymbolType.BOOL) {
            t = Tristate.YES;
        }
        implied[id] = t;
    }

    KconfigSymbol choiceDefault(KconfigSymbol choice) {
        for (SymbolProperty p : choice.properties) {
            if (p.kind != SymbolProperty.Kind.DEFAULT) {
                continue;
            }
            propVisible[p.id] = eval(p.condition);
            if (propVisible[p.id] == Tristate.NO) {
                continue;
            }
            KconfigSymbol d = p.singleSymbol();
            if (d != null && visible[d.id] != Tristate.NO) {
                return d;
            }
        }
        for (KconfigSymbol v : choice.choiceValues) {
            if (visible[v.id] != Tristate.NO) {
                return v;
            }
        }
        return null;
    }

    private KconfigSymbol calcChoice(KconfigSymbol choice) {
        int f = flags[choice.id];
        for (KconfigSymbol v : choice.choiceValues) {
            calcVisibility(v);
            if (visible[v.id] != Tristate.NO) {
                f &= flags[v.id];
            }
        }
        flags[choice.id] &= f | ~DEF_USER;
        KconfigSymbol user = userChoice[choice.id];
        if (user != null && visible[user.id] != Tristate.NO) {
            return user;
        }
        KconfigSymbol d = choiceDefault(choice);
        if (d == null) {
            tri[choice.id] = Tristate.NO;
        }
        return d;
    }

    void calc(KconfigSymbol s) {
        int id = s.id;
        if ((flags[id] & VALID) != 0) {
            return;
        }
        if (s.isChoiceValue() && (flags[id] & NEED_SET_CHOICE_VALUES) != 0) {
            flags[id] &= ~NEED_SET_CHOICE_VALUES;
            calc(s.choice);
        }
        flags[id] |= VALID;
        Tristate oldTri = tri[id];
        Tristate newTri = Tristate.NO;
        String newVal;
        switch (s.type) {
            case INT, HEX, STRING -> newVal = "";
            case BOOL, TRISTATE -> newVal = "n";
            default -> {
                val[id] = s.name == null ? "" : s.name;
                tri[id] = Tristate.NO;
                return;
            }
        }
        flags[id] &= ~WRITE;
        calcVisibility(s);
        if (visible[id] != Tristate.NO) {
            flags[id] |= WRITE;
        }
        // a recursive reference sees the type's empty value
        tri[id] = newTri;
        val[id] = newVal;
        selected[id] = null;
        switch (effectiveType(s)) {
            case BOOL, TRISTATE -> {
                if (s.isChoiceValue() && visible[id] == Tristate.YES) {
                    newTri = selected[s.choice.id] == s ? Tristate.YES : Tristate.NO;
                } else {
                    boolean fromUser = false;
                    if (visible[id] != Tristate.NO && hasValue(s)) {
                        newTri = userTri[id].and(visible[id]);
                        fromUser = true;
                    }
                    if (!fromUser) {
                        if (revDep[id] != Tristate.NO) {
                            flags[id] |= WRITE;
                        }
                        if (!s.isChoice()) {
                            SymbolProperty p = defaultProperty(s);
                            if (p != null) {
                                newTri = eval(p.value).and(propVisible[p.id]);
                                if (newTri != Tristate.NO) {
                                    flags[id] |= WRITE;
                                }
                            }
                            if (implied[id] != Tristate.NO) {
                                flags[id] |= WRITE;
                                newTri = newTri.or(implied[id]);
                            }
                        }
                    }
                    if (dirDep[id].below(revDep[id])) {
                        warnUnmet(s);
                    }
                    newTri = newTri.or(revDep[id]);
                }
                if (newTri == Tristate.MOD
                        && (effectiveType(s) == SymbolType.BOOL || implied[id] == Tristate.YES)) {
                    newTri = Tristate.YES;
                }
            }
            case STRING, HEX, INT -> {
                if (visible[id] != Tristate.NO && hasValue(s)) {
                    newVal = userVal[id];
                } else {
                    SymbolProperty p = defaultProperty(s);
                    if (p != null) {
                        KconfigSymbol ds = p.singleSymbol();
                        if (ds != null) {
                            flags[id] |= WRITE;
                            calc(ds);
                            newVal = ds.type.isLogic() ? "n" : val[ds.id];
                            if (ds.fixed != null) {
                                newVal = ds.name;
                            }
                        }
                    }
                }
            }
            default -> {
            }
        }
        tri[id] = newTri;
        val[id] = newVal;
        if (s.isChoice() && newTri == Tristate.YES) {
            selected[id] = calcChoice(s);
        }
        validateRange(s);
        if (s == tree.modules && tri[id] != oldTri) {
            modulesValue = tri[id];
        }
        if (s.isChoice()) {
            for (KconfigSymbol v : s.choiceValues) {
                if ((flags[id] & WRITE) != 0 && visible[v.id] != Tristate.NO) {
                    flags[v.id] |= WRITE;
                }
            }
        }
        if ((s.flags & KconfigSymbol.NO_WRITE) != 0) {
            flags[id] &= ~WRITE;
        }
        if ((flags[id] & NEED_SET_CHOICE_VALUES) != 0) {
            setAllChoiceValues(s);
        }
    }

    private void warnUnmet(KconfigSymbol s) {
        if (!unmetReported.add(s)) {
            return;
        }
        StringBuilder sb = new StringBuilder("unmet direct dependencies detected for ").append(s.displayName())
                .append(": depends on [").append(dirDep[s.id] == Tristate.MOD ? 'm' : 'n').append("]: ")
                .append(Expr.format(s.directDependency)).append("; selected by: ");
        List<String> by = new ArrayList<>();
        for (Expr term : Explainer.orTerms(s.reverseDependency)) {
            Tristate t = eval(term);
            if (t != Tristate.NO) {
                by.add(Expr.format(term) + " [=" + t.letter() + "]");
            }
        }
        sb.append(String.join(", ", by));
        diagnostics.add(new KconfigDiagnostic("", 0, KconfigDiagnostic.Severity.WARNING, sb.toString()));
    }

    long rangeValue(KconfigSymbol bound, int base) {
        calc(bound);
        if (bound.type == SymbolType.INT) {
            base = 10;
        } else if (bound.type == SymbolType.HEX) {
            base = 16;
        }
        String v = bound.type.isLogic() ? "n" : val[bound.id];
        return ValueSyntax.strtoll(v, base);
    }

    private void validateRange(KconfigSymbol s) {
        int base;
        if (s.type == SymbolType.INT) {
            base = 10;
        } else if (s.type == SymbolType.HEX) {
            base = 16;
        } else {
            return;
        }
        SymbolProperty p = rangeProperty(s);
        if (p == null) {
            return;
        }
        long v = ValueSyntax.strtoll(val[s.id], base);
        long bound = rangeValue(p.target, base);
        if (v >= bound) {
            bound = rangeValue(p.rangeHigh, base);
            if (v <= bound) {
                return;
            }
        }
        val[s.id] = s.type == SymbolType.INT ? Long.toString(bound) : "0x" + Long.toHexString(bound);
    }

    void setAllChoiceValues(KconfigSymbol choice) {
        for (KconfigSymbol v : choice.choiceValues) {
            if (!hasValue(v)) {
                userTri[v.id] = Tristate.NO;
            }
        }
        flags[choice.id] |= DEF_USER;
        flags[choice.id] &= ~(VALID | NEED_SET_CHOICE_VALUES);
    }

    void clearAllValid() {
        for (KconfigSymbol s : hashOrder) {
            flags[s.id] &= ~VALID;
        }
        changed = true;
        calc(tree.modules);
    }

    boolean stringWithinRange(KconfigSymbol s, String str) {
        switch (s.type) {
            case STRING:
                return true;
            case INT:
            case HEX: {
                if (!ValueSyntax.valid(s.type, str)) {
                    return false;
                }
                SymbolProperty p = rangeProperty(s);
                if (p == null) {
                    return true;
                }
                int base = s.type == SymbolType.INT ? 10 : 16;
                long v = ValueSyntax.strtoll(str, base);
                return v >= rangeValue(p.target, base) && v <= rangeValue(p.rangeHigh, base);
            }
            default:
                return false;
        }
    }

    // ---- reading a config file (conf_read_simple) ----

    /** Reads user values; returns false when no line could be read at all (never here). */
    void readUserValues(List<ConfigText> inputs) {
        for (KconfigSymbol s : hashOrder) {
            flags[s.id] &= ~(DEF_USER | VALID);
            if (s.isChoice()) {
                flags[s.id] |= DEF_USER;
            }
            userVal[s.id] = null;
            userTri[s.id] = Tristate.NO;
            userChoice[s.id] = null;
        }
        for (ConfigText input : inputs) {
            String[] lines = input.text().split("\n", -1);
            int count = input.text().endsWith("\n") ? lines.length - 1 : lines.length;
            for (int i = 0; i < count; i++) {
                readLine(input, i + 1, lines[i]);
            }
        }
    }

    /** One input file of a configuration run (a defconfig, a .config, a fragment, the overrides). */
    record ConfigText(String name, String text, boolean overrides) {
    }

    private int confWarnings;

    private void confWarning(ConfigText in, int line, String message) {
        confWarnings++;
        diagnostics.add(KconfigDiagnostic.warning(in.name(), line, message));
    }

    private void readLine(ConfigText in, int lineNo, String line) {
        KconfigSymbol sym;
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.startsWith("#")) {
            if (line.length() < 2 || !line.startsWith("CONFIG_", 2)) {
                return;
            }
            int sp = line.indexOf(' ', 2 + 7);
            if (sp < 0 || !line.startsWith("is not set", sp + 1)) {
                return;
            }
            String name = line.substring(2 + 7, sp);
            sym = table.find(name);
            if (sym == null || sym.fixed != null) {
                unknownSymbol(in, lineNo, name);
                return;
            }
            if (hasValue(sym)) {
                overrideNote(in, lineNo, sym);
            }
            if (sym.type.isLogic()) {
                userTri[sym.id] = Tristate.NO;
                flags[sym.id] |= DEF_USER;
            }
        } else if (line.startsWith("CONFIG_")) {
            int eq = line.indexOf('=', 7);
            if (eq < 0) {
                return;
            }
            String name = line.substring(7, eq);
            String value = line.substring(eq + 1);
            sym = table.find(name);
            if (sym == null || sym.fixed != null) {
                unknownSymbol(in, lineNo, name);
                return;
            }
            if (hasValue(sym)) {
                overrideNote(in, lineNo, sym);
            }
            if (!setUserValue(in, lineNo, sym, value)) {
                return;
            }
            if (in.overrides() && !sym.isDefined()) {
                unknownSymbol(in, lineNo, name);
            }
        } else {
            if (!line.isEmpty()) {
                confWarning(in, lineNo, "unexpected data: " + line);
            }
            return;
        }
        if (sym.isChoiceValue()) {
            KconfigSymbol cs = sym.choice;
            switch (userTri[sym.id]) {
                case NO -> {
                }
                case MOD -> {
                    if (userTri[cs.id] == Tristate.YES) {
                        confWarning(in, lineNo, sym.displayName() + " creates inconsistent choice state");
                        flags[cs.id] &= ~DEF_USER;
                    }
                }
                case YES -> {
                    if (userTri[cs.id] != Tristate.NO) {
                        confWarning(in, lineNo, "override: " + sym.displayName() + " changes choice state");
                    }
                    userChoice[cs.id] = sym;
                }
            }
            userTri[cs.id] = userTri[cs.id].or(userTri[sym.id]);
        }
    }

    private void unknownSymbol(ConfigText in, int lineNo, String name) {
        changed = true;
        if (in.overrides()) {
            diagnostics.add(KconfigDiagnostic.error(in.name(), lineNo, "unknown symbol " + name
                    + ": no Kconfig file of this tree defines it"));
        }
    }

    private void overrideNote(ConfigText in, int lineNo, KconfigSymbol sym) {
        diagnostics.add(new KconfigDiagnostic(in.name(), lineNo,
                in.overrides() ? KconfigDiagnostic.Severity.INFO : KconfigDiagnostic.Severity.WARNING,
                "override: reassigning to symbol " + sym.displayName()));
        if (!in.overrides()) {
            confWarnings++;
        }
    }

    private boolean setUserValue(ConfigText in, int lineNo, KconfigSymbol sym, String p) {
        switch (sym.type) {
            case BOOL, TRISTATE -> {
                char c = p.isEmpty() ? 0 : p.charAt(0);
                if (c == 'm' && sym.type == SymbolType.TRISTATE) {
                    userTri[sym.id] = Tristate.MOD;
                } else if (c == 'y') {
                    userTri[sym.id] = Tristate.YES;
                } else if (c == 'n') {
                    userTri[sym.id] = Tristate.NO;
                } else {
                    confWarning(in, lineNo, "symbol value '" + p + "' invalid for " + sym.displayName());
                    return false;
                }
                flags[sym.id] |= DEF_USER;
                return true;
            }
            case STRING -> {
                if (!p.startsWith("\"")) {
                    if (in.overrides()) {
                        confWarning(in, lineNo, "string value for " + sym.displayName() + " must be quoted");
                    }
                    return true;
                }
                StringBuilder sb = new StringBuilder();
                int i = 1;
                boolean closed = false;
                while (i < p.length()) {
                    char c = p.charAt(i);
                    if (c == '"') {
                        closed = true;
                        break;
                    }
                    if (c == '\\') {
                        i++;
                        if (i < p.length()) {
                            sb.append(p.charAt(i));
                        }
                        i++;
                        continue;
                    }
                    sb.append(c);
                    i++;
                }
                if (!closed) {
                    confWarning(in, lineNo, "invalid string found");
                    return false;
                }
                userVal[sym.id] = sb.toString();
                flags[sym.id] |= DEF_USER;
                return true;
            }
            case INT, HEX -> {
                if (ValueSyntax.valid(sym.type, p)) {
                    userVal[sym.id] = p;
                    flags[sym.id] |= DEF_USER;
                    return true;
                }
                confWarning(in, lineNo, "symbol value '" + p + "' invalid for " + sym.displayName());
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    // ---- conf's steps ----

    /** conf_read: read, compute every symbol, drop values that are out of range or no longer visible. */
    void confRead(List<ConfigText> inputs) {
        changed = false;
        confWarnings = 0;
        readUserValues(inputs);
        calc(tree.modules);
        int unsaved = 0;
        for (KconfigSymbol s : hashOrder) {
            calc(s);
            if (s.isChoice() || (s.flags & KconfigSymbol.NO_WRITE) != 0) {
                continue;
            }
            if (hasValue(s) && (flags[s.id] & WRITE) != 0) {
                if (s.type.isLogic() ? userTri[s.id] == tri[s.id] : val[s.id].equals(userVal[s.id])) {
                    continue;
                }
            } else if (!hasValue(s) && (flags[s.id] & WRITE) == 0) {
                continue;
            }
            unsaved++;
        }
        for (KconfigSymbol s : hashOrder) {
            if (hasValue(s) && !s.isChoiceValue()) {
                if (visible[s.id] == Tristate.NO && unsaved == 0) {
                    flags[s.id] &= ~DEF_USER;
                }
                switch (s.type) {
                    case STRING, INT, HEX -> {
                        if (!stringWithinRange(s, userVal[s.id] == null ? "" : userVal[s.id])) {
                            flags[s.id] &= ~(VALID | DEF_USER);
                            unsaved++;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        changed = unsaved > 0 || confWarnings > 0 || changed;
    }

    /** conf_set_all_new_symbols for allyes/allno/alldef/defconfig. */
    boolean setAllNewSymbols(Mode mode, GlibcRandom random) {
        boolean hasChanged = false;
        for (KconfigSymbol s : hashOrder) {
            if (hasValue(s) || (flags[s.id] & VALID) != 0) {
                continue;
            }
            SymbolType t = effectiveType(s);
            if (t == SymbolType.BOOL || t == SymbolType.TRISTATE) {
                hasChanged = true;
                switch (mode) {
                    case YES -> userTri[s.id] = Tristate.YES;
                    case NO -> userTri[s.id] = (s.flags & KconfigSymbol.ALLNOCONFIG_Y) != 0 ? Tristate.YES : Tristate.NO;
                    case RANDOM -> {
                        userTri[s.id] = Tristate.NO;
                        int cnt = Integer.remainderUnsigned(random.next(), 100);
                        if (s.type == SymbolType.TRISTATE) {
                            if (cnt < 33) {
                                userTri[s.id] = Tristate.YES;
                            } else if (cnt < 66) {
                                userTri[s.id] = Tristate.MOD;
                            }
                        } else if (cnt < 50) {
                            userTri[s.id] = Tristate.YES;
                        }
                    }
                    case DEFAULT -> {
                        continue;
                    }
                }
                if (!(s.isChoice() && mode == Mode.RANDOM)) {
                    flags[s.id] |= DEF_USER;
                }
            }
        }
        clearAllValid();
        if (mode != Mode.RANDOM) {
            for (KconfigSymbol s : hashOrder) {
                if ((s.isChoice() && !hasValue(s)) || s.isChoiceValue()) {
                    flags[s.id] |= NEED_SET_CHOICE_VALUES;
                }
            }
        }
        for (KconfigSymbol cs : hashOrder) {
            if (hasValue(cs) || !cs.isChoice()) {
                continue;
            }
            calc(cs);
            if (mode == Mode.RANDOM) {
                hasChanged = randomizeChoice(cs, random);
            } else {
                setAllChoiceValues(cs);
                hasChanged = true;
            }
        }
        return hasChanged;
    }

    private boolean randomizeChoice(KconfigSymbol cs, GlibcRandom random) {
        if (tri[cs.id] != Tristate.YES) {
            return false;
        }
        int count = cs.choiceValues.size();
        int pick = Integer.remainderUnsigned(random.next(), count);
        for (int i = 0; i < count; i++) {
            KconfigSymbol v = cs.choiceValues.get(i);
            if (i == pick) {
                userTri[v.id] = Tristate.YES;
                userChoice[cs.id] = v;
            } else {
                userTri[v.id] = Tristate.NO;
            }
            flags[v.id] |= DEF_USER;
            flags[v.id] &= ~VALID;
        }
        flags[cs.id] |= DEF_USER;
        flags[cs.id] &= ~VALID;
        return true;
    }

    /** The all*config modes. */
    enum Mode { YES, NO, DEFAULT, RANDOM }

    // ---- writing (conf_write) ----

    boolean menuVisible(MenuNode m) {
        if (m.prompt == null) {
            return false;
        }
        if (m.visibility != null && eval(m.visibility) == Tristate.NO) {
            return false;
        }
        if (m.symbol != null) {
            calc(m.symbol);
            return propVisible[m.prompt.id] != Tristate.NO;
        }
        propVisible[m.prompt.id] = eval(m.prompt.condition);
        return propVisible[m.prompt.id] != Tristate.NO;
    }

    /** The value a .config line states for a written symbol. */
    String configValue(KconfigSymbol s) {
        String v = stringValue(s);
        return s.type == SymbolType.STRING ? ValueSyntax.quote(v) : v;
    }

    String write(java.util.Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        out.append("#\n# Automatically generated file; DO NOT EDIT.\n# ").append(tree.root.prompt.text())
                .append("\n#\n");
        if (!changed) {
            clearAllValid();
        }
        boolean[] needNewline = {false};
        for (MenuNode child : tree.root.children) {
            writeNode(child, out, needNewline, values);
        }
        for (KconfigSymbol s : table.all()) {
            flags[s.id] &= ~WRITTEN;
        }
        return out.toString();
    }

    private void writeNode(MenuNode m, StringBuilder out, boolean[] needNewline, java.util.Map<String, String> values) {
        KconfigSymbol s = m.symbol;
        if (s == null) {
            if (menuVisible(m)) {
                out.append("\n#\n# ").append(m.prompt.text()).append("\n#\n");
                needNewline[0] = false;
            }
        } else if (!s.isChoice() && (flags[s.id] & WRITTEN) == 0) {
            calc(s);
            if ((flags[s.id] & WRITE) != 0) {
                if (needNewline[0]) {
                    out.append('\n');
                    needNewline[0] = false;
                }
                flags[s.id] |= WRITTEN;
                String v = configValue(s);
                if (s.type.isLogic() && v.startsWith("n")) {
                    out.append("# CONFIG_").append(s.name).append(" is not set\n");
                } else {
                    out.append("CONFIG_").append(s.name).append('=').append(v).append('\n');
                }
                values.put("CONFIG_" + s.name, v);
            }
        }
        for (MenuNode c : m.children) {
            writeNode(c, out, needNewline, values);
        }
        if (!m.children.isEmpty() && s == null && menuVisible(m)) {
            out.append("# end of ").append(m.prompt.text()).append('\n');
            needNewline[0] = true;
        }
    }
}
