package org.xenfusa.web.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xenfusa.sloc.kconfig.Configuration;
import org.xenfusa.sloc.kconfig.MenuNode;

/** One line of the Kconfig menu as the configurations page shows it: depth, text, symbol and value. */
public record MenuRow(int depth, String kind, String prompt, String symbol, String value, String location) {

    /** The menu flattened in order; with a query, only symbols and prompts that match it, and their menus. */
    public static List<MenuRow> of(Configuration configuration, String query) {
        List<MenuRow> rows = new ArrayList<>();
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        for (MenuNode child : configuration.tree().menu().children()) {
            walk(child, 0, configuration, q, rows);
        }
        return rows;
    }

    private static boolean walk(MenuNode node, int depth, Configuration cfg, String q, List<MenuRow> out) {
        if (node.kind() == MenuNode.Kind.IF) {
            boolean any = false;
            for (MenuNode c : node.children()) {
                any |= walk(c, depth, cfg, q, out);
            }
            return any;
        }
        String symbol = node.symbol().flatMap(s -> s.name()).orElse("");
        String prompt = node.promptText().orElse("");
        String value = symbol.isEmpty() ? "" : cfg.value(symbol).orElse("");
        MenuRow row = new MenuRow(depth, node.kind().name(), prompt, symbol, value, node.file() + ":" + node.line());
        int at = out.size();
        out.add(row);
        boolean childMatched = false;
        for (MenuNode c : node.children()) {
            childMatched |= walk(c, depth + 1, cfg, q, out);
        }
        boolean matches = q.isEmpty() || symbol.toLowerCase(Locale.ROOT).contains(q)
                || prompt.toLowerCase(Locale.ROOT).contains(q);
        if (!matches && !childMatched) {
            out.remove(at);
            return false;
        }
        return true;
    }

    public boolean isOn() {
        return value.equals("y") || value.equals("m");
    }

    public boolean isOff() {
        return value.equals("n");
    }
}
