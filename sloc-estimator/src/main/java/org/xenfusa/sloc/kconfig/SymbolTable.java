package org.xenfusa.sloc.kconfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every symbol of a tree, looked up as the C tools do (constants and choices apart from plain
 * symbols; 'y', 'm', 'n' are the three fixed constants), and listed in the order of the C tools'
 * symbol hash table, which decides the order of some evaluation steps.
 */
final class SymbolTable {
    private static final int HASH_SIZE = 9973;

    final KconfigSymbol yes;
    final KconfigSymbol mod;
    final KconfigSymbol no;
    private final List<KconfigSymbol> all = new ArrayList<>();
    private final Map<String, KconfigSymbol> plain = new HashMap<>();
    private final Map<String, KconfigSymbol> constants = new HashMap<>();
    private final Map<String, KconfigSymbol> namedChoices = new HashMap<>();

    SymbolTable() {
        yes = create("y", KconfigSymbol.CONST, -1, Tristate.YES);
        mod = create("m", KconfigSymbol.CONST, -1, Tristate.MOD);
        no = create("n", KconfigSymbol.CONST, -1, Tristate.NO);
    }

    private KconfigSymbol create(String name, int flags, int bucket, Tristate fixed) {
        KconfigSymbol s = new KconfigSymbol(all.size(), name, flags, bucket, fixed);
        all.add(s);
        return s;
    }

    static int bucket(String name) {
        int hash = 0x811c9dc5;
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash = (hash ^ b) * 0x01000193;
        }
        return (int) (Integer.toUnsignedLong(hash) % HASH_SIZE);
    }

    private KconfigSymbol fixedConstant(String name) {
        return switch (name) {
            case "y" -> yes;
            case "m" -> mod;
            case "n" -> no;
            default -> null;
        };
    }

    /** A symbol by name, as a plain word in an expression or definition names it. */
    KconfigSymbol lookup(String name) {
        KconfigSymbol f = fixedConstant(name);
        if (f != null) {
            return f;
        }
        return plain.computeIfAbsent(name, n -> create(n, 0, bucket(n), null));
    }

    /** A quoted constant. */
    KconfigSymbol constant(String value) {
        KconfigSymbol f = fixedConstant(value);
        if (f != null) {
            return f;
        }
        return constants.computeIfAbsent(value, n -> create(n, KconfigSymbol.CONST, bucket(n), null));
    }

    /** A choice: a new nameless symbol each time, or the named choice. */
    KconfigSymbol choice(String name) {
        if (name == null) {
            return create(null, KconfigSymbol.CHOICE, 0, null);
        }
        return namedChoices.computeIfAbsent(name, n -> create(n, KconfigSymbol.CHOICE, bucket(n), null));
    }

    /** An existing plain symbol (what a .config line can name). */
    KconfigSymbol find(String name) {
        KconfigSymbol f = fixedConstant(name);
        return f != null ? f : plain.get(name);
    }

    List<KconfigSymbol> all() {
        return all;
    }

    /** Bucket ascending, newest first within a bucket: the C "for all symbols" order. */
    List<KconfigSymbol> hashOrder() {
        List<KconfigSymbol> list = new ArrayList<>();
        for (KconfigSymbol s : all) {
            if (s.fixed == null) {
                list.add(s);
            }
        }
        list.sort(Comparator.comparingInt((KconfigSymbol s) -> s.hashBucket)
                .thenComparing(Comparator.comparingInt((KconfigSymbol s) -> s.id).reversed()));
        return list;
    }
}
