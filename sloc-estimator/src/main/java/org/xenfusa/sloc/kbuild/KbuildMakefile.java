package org.xenfusa.sloc.kbuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Makefile split into logical lines the way GNU make reads it: backslash-newline joins a line
 * with the next (the break and the whitespace around it become one space). Comments are left in,
 * since whether a {@code #} starts one depends on the context the line is evaluated in.
 */
public record KbuildMakefile(String path, List<Line> lines) {
    /** One logical line and the number of its first physical line. */
    public record Line(int number, String text) {
        public Line {
            Objects.requireNonNull(text, "text");
        }

        /** True when the line starts with a tab, make's recipe prefix. */
        public boolean recipePrefixed() {
            return text.startsWith("\t");
        }
    }

    public KbuildMakefile {
        Objects.requireNonNull(path, "path");
        lines = List.copyOf(lines);
    }

    public static KbuildMakefile parse(String path, String text) {
        String[] physical = text.split("\r?\n", -1);
        List<Line> lines = new ArrayList<>();
        int i = 0;
        while (i < physical.length) {
            int first = i + 1;
            StringBuilder sb = new StringBuilder(physical[i]);
            while (endsWithContinuation(sb) && i + 1 < physical.length) {
                sb.setLength(sb.length() - 1);
                // make condenses the whitespace around a backslash-newline into one space
                while (!sb.isEmpty() && (sb.charAt(sb.length() - 1) == ' ' || sb.charAt(sb.length() - 1) == '\t')) {
                    sb.setLength(sb.length() - 1);
                }
                i++;
                String next = physical[i].stripLeading();
                sb.append(' ').append(next);
            }
            if (endsWithContinuation(sb)) {
                sb.setLength(sb.length() - 1);
            }
            lines.add(new Line(first, sb.toString()));
            i++;
        }
        return new KbuildMakefile(path, lines);
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int n = 0;
        for (int k = s.length() - 1; k >= 0 && s.charAt(k) == '\\'; k--) {
            n++;
        }
        return n % 2 == 1;
    }
}
