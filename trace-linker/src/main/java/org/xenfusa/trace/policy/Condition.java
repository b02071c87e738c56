package org.xenfusa.trace.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One applicability condition and where it comes from: the item applies only on one of {@code architectures} (when
 * any), with every Kconfig term of {@code config} true, and on one of {@code boards} (when any).
 *
 * @param source where the condition was declared, for reasons ({@code policy xen, location docs/.../arm64/**})
 * @param config Kconfig terms: {@code CONFIG_X} (y or m), {@code !CONFIG_X} (neither), {@code CONFIG_X=value}
 */
public record Condition(String source, List<String> architectures, List<String> config, List<String> boards) {
    public Condition {
        architectures = List.copyOf(architectures);
        config = List.copyOf(config);
        boards = List.copyOf(boards);
    }

    /** Why the item does not apply to {@code target}; empty when the condition holds (or the target does not say). */
    public Optional<String> failure(Target target) {
        if (!architectures.isEmpty() && target.architecture().isPresent()
                && !architectures.contains(target.architecture().get())) {
            return Optional.of("applies to " + String.join(" or ", architectures) + " only (" + source
                    + "); this configuration is " + target.architecture().get());
        }
        if (!target.symbols().isEmpty()) {
            for (String term : config) {
                String value = value(target, term);
                if (!holds(term, value)) {
                    return Optional.of("applies only with " + term + " (" + source + "); "
                            + symbol(term) + " is " + value + " in this configuration");
                }
            }
        }
        if (!boards.isEmpty() && target.board().isPresent() && !boards.contains(target.board().get())) {
            return Optional.of("applies to board " + String.join(" or ", boards) + " only (" + source
                    + "); this configuration is for " + target.board().get());
        }
        return Optional.empty();
    }

    /** The condition as text: {@code arch arm64, CONFIG_X}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (!architectures.isEmpty()) {
            b.append("arch ").append(String.join(" or ", architectures));
        }
        for (String c : config) {
            b.append(b.isEmpty() ? "" : ", ").append(c);
        }
        if (!boards.isEmpty()) {
            b.append(b.isEmpty() ? "" : ", ").append("board ").append(String.join(" or ", boards));
        }
        return b + " (" + source + ")";
    }

    static String symbol(String term) {
        String t = term.startsWith("!") ? term.substring(1) : term;
        int eq = t.indexOf('=');
        return eq < 0 ? t : t.substring(0, eq);
    }

    private static String value(Target target, String term) {
        return target.symbols().getOrDefault(symbol(term), "n");
    }

    private static boolean holds(String term, String value) {
        boolean set = value.equals("y") || value.equals("m");
        if (term.startsWith("!")) {
            return !set;
        }
        int eq = term.indexOf('=');
        if (eq < 0) {
            return set;
        }
        String wanted = term.substring(eq + 1);
        return wanted.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))
                || ("\"" + wanted + "\"").equals(value);
    }
}
