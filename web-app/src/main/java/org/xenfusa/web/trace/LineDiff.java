package org.xenfusa.web.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence. Requirement texts and functions are short (tens to a
 * few hundred lines), so the quadratic table costs nothing and a diff library is not worth a
 * dependency; longer inputs fall back to "all removed, all added" so a page never stalls.
 */
public final class LineDiff {
    private static final long MAX_CELLS = 4_000_000;

    private LineDiff() {
    }

    /** One line of a diff: {@code ' '} kept, {@code '-'} only before, {@code '+'} only after. */
    public record Line(char kind, String text) {
        public String cssClass() {
            return kind == '+' ? "add" : kind == '-' ? "del" : "same";
        }
    }

    public static List<Line> of(String before, String after) {
        return of(split(before), split(after));
    }

    public static List<Line> of(List<String> a, List<String> b) {
        List<Line> out = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            a.forEach(l -> out.add(new Line('-', l)));
            b.forEach(l -> out.add(new Line('+', l)));
            return out;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new Line(' ', a.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line('-', a.get(i++)));
            } else {
                out.add(new Line('+', b.get(j++)));
            }
        }
        while (i < a.size()) {
            out.add(new Line('-', a.get(i++)));
        }
        while (j < b.size()) {
            out.add(new Line('+', b.get(j++)));
        }
        return out;
    }

    public static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(l -> l.kind() != ' ');
    }

    private static List<String> split(String s) {
        if (s.isEmpty()) {
            return List.of();
        }
        // a final newline ends the last line; it does not start an empty one
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        return List.of(body.split("\n", -1));
    }
}
