package org.xenfusa.sloc.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How one configuration's compiled code differs from another's: files added and removed, the
 * three figures' change in total and per directory, and the symbols whose values differ.
 *
 * @param sourcesAdded   make-cloc files only {@code after} has
 * @param sourcesRemoved make-cloc files only {@code before} has
 * @param headersAdded   tracked headers only {@code after} reaches
 * @param headersRemoved tracked headers only {@code before} reaches
 * @param makeCloc       after minus before (negative: less code)
 * @param directories    per directory, after minus before, only rows that changed
 */
// [impl->dsn~configuration-comparison~1]
public record ConfigurationDiff(List<String> sourcesAdded, List<String> sourcesRemoved, List<String> headersAdded,
        List<String> headersRemoved, LineFigures makeCloc, LineFigures withHeaders, LineFigures activeLines,
        List<DirectoryFigures> directories, List<SymbolChange> symbols) {

    /** A symbol whose .config value differs ({@code n} when not written). */
    public record SymbolChange(String symbol, String before, String after) {
        public SymbolChange {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    public ConfigurationDiff {
        sourcesAdded = List.copyOf(sourcesAdded);
        sourcesRemoved = List.copyOf(sourcesRemoved);
        headersAdded = List.copyOf(headersAdded);
        headersRemoved = List.copyOf(headersRemoved);
        Objects.requireNonNull(makeCloc, "makeCloc");
        Objects.requireNonNull(withHeaders, "withHeaders");
        Objects.requireNonNull(activeLines, "activeLines");
        directories = List.copyOf(directories);
        symbols = List.copyOf(symbols);
    }

    public static ConfigurationDiff between(ConfigurationReport before, ConfigurationReport after) {
        Set<String> sb = paths(before, FileRole.SOURCE);
        Set<String> sa = paths(after, FileRole.SOURCE);
        Set<String> hb = paths(before, FileRole.HEADER);
        Set<String> ha = paths(after, FileRole.HEADER);
        Map<String, DirectoryFigures> rows = new TreeMap<>();
        after.directories().forEach(d -> rows.put(d.directory(), d));
        for (DirectoryFigures d : before.directories()) {
            DirectoryFigures a = rows.getOrDefault(d.directory(),
                    new DirectoryFigures(d.directory(), LineFigures.NONE, LineFigures.NONE, LineFigures.NONE));
            rows.put(d.directory(), new DirectoryFigures(d.directory(), a.makeCloc().minus(d.makeCloc()),
                    a.withHeaders().minus(d.withHeaders()), a.activeLines().minus(d.activeLines())));
        }
        Set<String> onlyAfter = new TreeSet<>(rows.keySet());
        before.directories().forEach(d -> onlyAfter.remove(d.directory()));
        List<DirectoryFigures> changed = new ArrayList<>();
        for (DirectoryFigures d : rows.values()) {
            boolean unchanged = d.makeCloc().equals(LineFigures.NONE) && d.withHeaders().equals(LineFigures.NONE)
                    && d.activeLines().equals(LineFigures.NONE);
            if (!unchanged || onlyAfter.contains(d.directory())) {
                changed.add(d);
            }
        }
        List<SymbolChange> symbols = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(before.values().keySet());
        names.addAll(after.values().keySet());
        for (String s : names) {
            String vb = before.values().getOrDefault(s, "n");
            String va = after.values().getOrDefault(s, "n");
            if (!vb.equals(va)) {
                symbols.add(new SymbolChange(s, vb, va));
            }
        }
        return new ConfigurationDiff(minus(sa, sb), minus(sb, sa), minus(ha, hb), minus(hb, ha),
                after.makeCloc().minus(before.makeCloc()), after.withHeaders().minus(before.withHeaders()),
                after.activeLines().minus(before.activeLines()), changed, symbols);
    }

    private static Set<String> paths(ConfigurationReport r, FileRole role) {
        Set<String> out = new TreeSet<>();
        r.files().stream().filter(f -> f.role() == role).forEach(f -> out.add(f.path()));
        return out;
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).sorted().toList();
    }
}
