package org.xenfusa.web.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.xenfusa.sloc.kconfig.Configuration;
import org.xenfusa.sloc.kconfig.KconfigSymbol;
import org.xenfusa.sloc.kconfig.MenuNode;
import org.xenfusa.sloc.kconfig.SymbolType;

/**
 * One entry of the Kconfig menu as {@code menuconfig} shows it: menus, choices and menuconfig
 * symbols hold their entries, and an entry that depends on the symbol just above it is shown
 * under that symbol (kconfig's own rule, from {@code menu_finalize}). {@code if} blocks leave no
 * entry of their own.
 *
 * @param kind     MENU, CHOICE, MENUCONFIG, CONFIG or COMMENT
 * @param marker   the value as menuconfig draws it: {@code [*]}, {@code [ ]}, {@code <M>}, {@code (16)}
 * @param prompted false for a symbol without a prompt: nobody can set it, it is hidden by default
 * @param open     whether a search opened it (it or an entry beneath it matched)
 */
public record MenuEntry(String kind, String prompt, String symbol, String value, String marker, String valueClass,
        String location, boolean prompted, boolean open, List<MenuEntry> children) {

    /** The menu tree; with a query, only entries that match it and the menus that lead to them, opened. */
    public static List<MenuEntry> of(Configuration configuration, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return build(flatten(configuration.tree().menu().children()), configuration, q);
    }

    /** How many symbols without a prompt the tree holds (hidden until asked for). */
    public static int hiddenCount(List<MenuEntry> entries) {
        return entries.stream().mapToInt(e -> (e.prompted ? 0 : 1) + hiddenCount(e.children)).sum();
    }

    public boolean isGroup() {
        return !children.isEmpty() || kind.equals("MENU") || kind.equals("CHOICE");
    }

    /** The children of {@code if} blocks stand where the block stands. */
    private static List<MenuNode> flatten(List<MenuNode> nodes) {
        List<MenuNode> out = new ArrayList<>();
        for (MenuNode n : nodes) {
            if (n.kind() == MenuNode.Kind.IF) {
                out.addAll(flatten(n.children()));
            } else {
                out.add(n);
            }
        }
        return out;
    }

    private static List<MenuEntry> build(List<MenuNode> siblings, Configuration cfg, String q) {
        List<MenuEntry> out = new ArrayList<>();
        int i = 0;
        while (i < siblings.size()) {
            MenuNode node = siblings.get(i++);
            List<MenuNode> below = new ArrayList<>(flatten(node.children()));
            String symbol = node.symbol().flatMap(KconfigSymbol::name).orElse("");
            if (node.kind() == MenuNode.Kind.CONFIG || node.kind() == MenuNode.Kind.MENUCONFIG) {
                // the entries right after a symbol that depend on it are shown under it
                while (!symbol.isEmpty() && i < siblings.size() && dependsOn(siblings.get(i), symbol)) {
                    below.add(siblings.get(i++));
                }
            }
            entry(node, symbol, build(below, cfg, q), cfg, q).ifPresent(out::add);
        }
        return out;
    }

    private static java.util.Optional<MenuEntry> entry(MenuNode node, String symbol, List<MenuEntry> children,
            Configuration cfg, String q) {
        String prompt = node.promptText().orElse("");
        boolean matches = q.isEmpty() || symbol.toLowerCase(Locale.ROOT).contains(q)
                || prompt.toLowerCase(Locale.ROOT).contains(q);
        if (!matches && children.isEmpty()) {
            return java.util.Optional.empty();
        }
        String value = "";
        String marker = "";
        String valueClass = "";
        if (node.kind() == MenuNode.Kind.CHOICE) {
            // a choice shows the member it chose
            value = children.stream().filter(c -> c.value.equals("y")).map(MenuEntry::symbol).findFirst().orElse("");
            marker = value.isEmpty() ? "" : "(" + value + ")";
            valueClass = "v-other";
        } else if (!symbol.isEmpty()) {
            value = cfg.value(symbol).orElse("");
            SymbolType type = node.symbol().map(KconfigSymbol::type).orElse(SymbolType.UNKNOWN);
            boolean inChoice = node.symbol().map(KconfigSymbol::isChoiceValue).orElse(false);
            marker = marker(type, value, inChoice);
            valueClass = value.isEmpty() ? "v-unset" : value.equals("y") ? "v-y" : value.equals("m") ? "v-m"
                    : value.equals("n") ? "v-n" : "v-other";
        }
        boolean prompted = node.kind() != MenuNode.Kind.CONFIG && node.kind() != MenuNode.Kind.MENUCONFIG
                || !prompt.isEmpty();
        return java.util.Optional.of(new MenuEntry(node.kind().name(), prompt, symbol, value, marker, valueClass,
                node.file() + ":" + node.line(), prompted, !q.isEmpty(), children));
    }

    /** The value as menuconfig draws it beside the prompt. */
    static String marker(SymbolType type, String value, boolean inChoice) {
        if (value.isEmpty()) {
            return "-";
        }
        return switch (type) {
            case BOOL -> inChoice ? (value.equals("y") ? "(X)" : "( )") : value.equals("y") ? "[*]" : "[ ]";
            case TRISTATE -> value.equals("y") ? "<*>" : value.equals("m") ? "<M>" : "< >";
            default -> "(" + value.replaceAll("^\"|\"$", "") + ")";
        };
    }

    /**
     * Whether an entry's dependencies require {@code symbol}, as kconfig's
     * {@code expr_depends_symbol}: one of the top-level {@code &&} terms is the symbol, or
     * {@code symbol=y}, {@code symbol=m}, {@code symbol!=n}.
     */
    static boolean dependsOn(MenuNode node, String symbol) {
        if (node.kind() == MenuNode.Kind.MENU || node.kind() == MenuNode.Kind.CHOICE) {
            return false;
        }
        Pattern term = Pattern.compile(Pattern.quote(symbol) + "(\\s*(=\\s*[ym]|!=\\s*n))?");
        for (String t : topLevelTerms(node.dependencyText())) {
            if (term.matcher(t.strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> topLevelTerms(String expr) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && expr.startsWith("&&", i)) {
                terms.add(expr.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        terms.add(expr.substring(start));
        return terms;
    }
}
