package org.xenfusa.sloc.config;

import java.util.List;
import java.util.Objects;

/**
 * What one option carries in a configuration: the code that switching it off removes (positive
 * numbers are savings), and the other symbols that go with it.
 *
 * @param switchable false when the Kconfig rules keep it on (selected by another symbol, or no prompt)
 * @param alsoOff    other symbols the switch turns off (their dependencies are gone)
 */
public record OptionCost(String symbol, boolean switchable, long makeClocSaved, long withHeadersSaved,
        long activeLinesSaved, int sourcesRemoved, List<String> alsoOff) {
    public OptionCost {
        Objects.requireNonNull(symbol, "symbol");
        alsoOff = List.copyOf(alsoOff);
    }
}
