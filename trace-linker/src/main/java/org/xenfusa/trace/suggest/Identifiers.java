package org.xenfusa.trace.suggest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The whole identifiers a function carries, as the {@code _id} fields index them (lower case, one token each). */
final class Identifiers {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Identifiers() {
    }

    /**
     * Each identifier, and each of its tails of two or more {@code _}-parts: {@code HSR_SYSREG_CNTFRQ_EL0} is found
     * by {@code CNTFRQ_EL0} too, as a register's name is often the end of a longer macro's.
     */
    static Set<String> variants(Collection<String> identifiers) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : identifiers) {
            String lower = id.toLowerCase(Locale.ROOT).replaceFirst("^_+", "");
            if (lower.isEmpty()) {
                continue;
            }
            out.add(lower);
            String[] parts = lower.split("_+");
            for (int i = 1; i + 2 <= parts.length; i++) {
                out.add(String.join("_", java.util.Arrays.copyOfRange(parts, i, parts.length)));
            }
        }
        return out;
    }

    /** The identifiers named in prose (comments): those with an underscore, capitals or a digit. */
    static List<String> inText(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String s = m.group();
            if (s.contains("_") || s.chars().anyMatch(Character::isDigit)
                    || (s.length() >= 3 && s.equals(s.toUpperCase(Locale.ROOT)))) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The words of string literals as written ({@code arm,sbsa-uart}, {@code clock-frequency}), without surrounding
     * punctuation, and the identifiers in them.
     */
    static Set<String> literalWords(List<String> literals) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : literals) {
            for (String w : s.split("\\s+")) {
                String t = w.replaceAll("^[^A-Za-z0-9_]+|[^A-Za-z0-9_]+$", "").toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
            Matcher m = IDENTIFIER.matcher(s);
            while (m.find()) {
                out.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** A path's file name with and without extension, and its folders' names. */
    static Set<String> pathParts(String path) {
        Set<String> out = new LinkedHashSet<>();
        String[] parts = path.toLowerCase(Locale.ROOT).split("/");
        String name = parts[parts.length - 1];
        out.add(name);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            out.add(name.substring(0, dot));
        }
        for (int i = 0; i < parts.length - 1; i++) {
            out.add(parts[i]);
        }
        return out;
    }
}
