package org.xenfusa.sloc.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.xenfusa.sloc.kconfig.KconfigSymbol;
import org.xenfusa.sloc.kconfig.KconfigTree;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.kconfig.SymbolType;

/**
 * Ranks the options of a configuration by the SLOC each carries: the configuration again with one
 * option set to {@code n}, resolved by the Kconfig engine, counted, and compared.
 */
// [impl->dsn~configuration-comparison~1]
public final class OptionRanking {
    private OptionRanking() {
    }

    /** The options worth trying: bool symbols set to {@code y} that have a prompt (a user can switch them). */
    public static List<String> candidates(ConfigurationReport base, KconfigTree kconfig) {
        List<String> out = new ArrayList<>();
        for (KconfigSymbol s : kconfig.symbols()) {
            if ((s.type() == SymbolType.BOOL || s.type() == SymbolType.TRISTATE) && s.prompt().isPresent() && !s.isChoiceValue()
                    && base.value(s.displayName()).equals("y")) {
                out.add(s.displayName());
            }
        }
        return out.stream().distinct().toList();
    }

    /** Each candidate's cost, the most expensive (make-cloc SLOC saved) first. */
    public static List<OptionCost> rank(ConfigurationCounter counter, ConfigurationRequest request, ConfigurationReport base,
            List<String> symbols) {
        List<OptionCost> out = new ArrayList<>();
        for (String symbol : symbols) {
            ConfigurationReport off = counter.report(request.with(new SymbolAssignment(symbol, "n")));
            out.add(cost(symbol, base, off));
        }
        out.sort(Comparator.comparingLong(OptionCost::makeClocSaved).reversed()
                .thenComparing(Comparator.comparingLong(OptionCost::activeLinesSaved).reversed())
                .thenComparing(OptionCost::symbol));
        return out;
    }

    static OptionCost cost(String symbol, ConfigurationReport base, ConfigurationReport off) {
        ConfigurationDiff d = ConfigurationDiff.between(base, off);
        String key = symbol.startsWith("CONFIG_") ? symbol : "CONFIG_" + symbol;
        boolean switched = !off.value(key).equals("y");
        List<String> alsoOff = d.symbols().stream()
                .filter(c -> !c.symbol().equals(key) && c.before().equals("y") && !c.after().equals("y"))
                .map(ConfigurationDiff.SymbolChange::symbol).toList();
        return new OptionCost(symbol, switched, -d.makeCloc().code(), -d.withHeaders().code(), -d.activeLines().code(),
                d.sourcesRemoved().size(), alsoOff);
    }
}
