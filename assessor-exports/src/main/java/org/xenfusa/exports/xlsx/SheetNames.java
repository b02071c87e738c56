package org.xenfusa.exports.xlsx;

import java.util.HashSet;
import java.util.Set;

/** Sheet names Excel accepts: at most 31 characters, none of []:*?/\ and unique ignoring case. */
final class SheetNames {
    private final Set<String> used = new HashSet<>();

    String name(String wanted) {
        String clean = wanted.replaceAll("[\\[\\]:*?/\\\\]", "_").replace('\'', '_');
        String base = clean.length() > 31 ? clean.substring(0, 31) : clean;
        String candidate = base;
        for (int n = 2; !used.add(candidate.toLowerCase()); n++) {
            String suffix = " " + n;
            candidate = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
        }
        return candidate;
    }

    /** A sheet name quoted for use in a formula: 'SLOC x86'!A1. */
    static String ref(String sheetName) {
        return "'" + sheetName + "'";
    }
}
