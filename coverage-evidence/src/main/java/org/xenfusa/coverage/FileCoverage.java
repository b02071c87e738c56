package org.xenfusa.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The coverage of one file of the snapshot: per instrumented line its execution count, the counts of its branches
 * (decisions, in the order the tool gives them) and its condition outcomes, and the functions the data names. Lines the
 * tool does not instrument (comments, declarations) are not here. Data for the same file from several runs or objects is
 * merged as gcovr merges it: line and branch counts add up, condition outcomes join, functions of the same name add
 * their calls.
 */
public final class FileCoverage {
    private static final long[] NO_BRANCHES = new long[0];

    private final String path;
    private final int[] lines;
    private final long[] counts;
    private final long[][] branches;
    private final ConditionOutcomes[] conditions;
    private final List<FunctionRecord> functions;

    private FileCoverage(String path, int[] lines, long[] counts, long[][] branches, ConditionOutcomes[] conditions,
            List<FunctionRecord> functions) {
        this.path = path;
        this.lines = lines;
        this.counts = counts;
        this.branches = branches;
        this.conditions = conditions;
        this.functions = functions;
    }

    public static Builder builder(String path) {
        return new Builder(path);
    }

    public String path() {
        return path;
    }

    /** How many instrumented lines there are; {@link #line(int)} etc. take an index below it. */
    public int size() {
        return lines.length;
    }

    public int line(int index) {
        return lines[index];
    }

    public long count(int index) {
        return counts[index];
    }

    /** The branch counts of the line at {@code index} (empty when it has no branches); a copy. */
    public long[] branches(int index) {
        return branches[index] == null ? NO_BRANCHES : branches[index].clone();
    }

    /** The condition outcomes of the line at {@code index}, or {@code null} when the data has none for it. */
    public ConditionOutcomes conditions(int index) {
        return conditions[index];
    }

    /** The index of {@code line}, or a negative number when it is not instrumented. */
    public int indexOf(int line) {
        return Arrays.binarySearch(lines, line);
    }

    public List<FunctionRecord> functions() {
        return functions;
    }

    public Counter lines() {
        return lines(1, Integer.MAX_VALUE);
    }

    public Counter branches() {
        return branches(1, Integer.MAX_VALUE);
    }

    public Counter conditions() {
        return conditions(1, Integer.MAX_VALUE);
    }

    /** Functions the data names, and how many of them were called. */
    public Counter functionCounter() {
        return new Counter(functions.size(), functions.stream().filter(f -> f.calls() > 0).count());
    }

    /** Instrumented lines from {@code from} to {@code to} (both included), and how many ran. */
    public Counter lines(int from, int to) {
        long total = 0;
        long covered = 0;
        for (int i = first(from); i < lines.length && lines[i] <= to; i++) {
            total++;
            if (counts[i] > 0) {
                covered++;
            }
        }
        return new Counter(total, covered);
    }

    /** Branches of the lines from {@code from} to {@code to}, and how many were taken. */
    public Counter branches(int from, int to) {
        long total = 0;
        long covered = 0;
        for (int i = first(from); i < lines.length && lines[i] <= to; i++) {
            if (branches[i] != null) {
                for (long b : branches[i]) {
                    total++;
                    if (b > 0) {
                        covered++;
                    }
                }
            }
        }
        return new Counter(total, covered);
    }

    /** Condition outcomes of the lines from {@code from} to {@code to}, and how many were covered. */
    public Counter conditions(int from, int to) {
        long total = 0;
        long covered = 0;
        for (int i = first(from); i < lines.length && lines[i] <= to; i++) {
            if (conditions[i] != null) {
                total += conditions[i].outcomes();
                covered += conditions[i].coveredCount();
            }
        }
        return new Counter(total, covered);
    }

    private int first(int from) {
        int i = Arrays.binarySearch(lines, from);
        return i >= 0 ? i : -i - 1;
    }

    /** This file's data and {@code other}'s (the same path) as one. */
    public FileCoverage merge(FileCoverage other) {
        if (!path.equals(other.path)) {
            throw new IllegalArgumentException("cannot merge " + path + " with " + other.path);
        }
        Builder b = builder(path);
        b.addAll(this);
        b.addAll(other);
        return b.build();
    }

    /** Collects a file's data, line by line, in any order; the same line twice adds up. */
    public static final class Builder {
        private final String path;
        private final TreeMap<Integer, Acc> lines = new TreeMap<>();
        private final Map<String, FunctionRecord> functions = new LinkedHashMap<>();

        private Builder(String path) {
            this.path = Objects.requireNonNull(path, "path");
        }

        private static final class Acc {
            long count;
            long[] branches;
            ConditionOutcomes conditions;
        }

        private Acc acc(int line) {
            if (line < 1) {
                throw new IllegalArgumentException(path + ": line " + line);
            }
            return lines.computeIfAbsent(line, k -> new Acc());
        }

        /** An instrumented line and its count (adds to what the line has). */
        public Builder line(int line, long count) {
            if (count < 0) {
                throw new IllegalArgumentException(path + ":" + line + ": count " + count);
            }
            acc(line).count += count;
            return this;
        }

        /** Branch {@code index} of {@code line} (0-based, in the tool's order) taken {@code count} times. */
        public Builder branch(int line, int index, long count) {
            if (index < 0 || count < 0) {
                throw new IllegalArgumentException(path + ":" + line + ": branch " + index + " count " + count);
            }
            Acc a = acc(line);
            if (a.branches == null) {
                a.branches = new long[index + 1];
            } else if (a.branches.length <= index) {
                a.branches = Arrays.copyOf(a.branches, index + 1);
            }
            a.branches[index] += count;
            return this;
        }

        /** The condition outcomes of {@code line} (joined with what the line has). */
        public Builder conditions(int line, ConditionOutcomes outcomes) {
            Acc a = acc(line);
            a.conditions = a.conditions == null ? outcomes : a.conditions.merge(outcomes);
            return this;
        }

        /** A function; one of the same name adds its calls. */
        public Builder function(FunctionRecord f) {
            functions.merge(f.name(), f, FunctionRecord::plus);
            return this;
        }

        public Builder addAll(FileCoverage f) {
            for (int i = 0; i < f.lines.length; i++) {
                line(f.lines[i], f.counts[i]);
                if (f.branches[i] != null) {
                    for (int k = 0; k < f.branches[i].length; k++) {
                        branch(f.lines[i], k, f.branches[i][k]);
                    }
                }
                if (f.conditions[i] != null) {
                    conditions(f.lines[i], f.conditions[i]);
                }
            }
            f.functions.forEach(this::function);
            return this;
        }

        public boolean isEmpty() {
            return lines.isEmpty() && functions.isEmpty();
        }

        public FileCoverage build() {
            int n = lines.size();
            int[] ls = new int[n];
            long[] cs = new long[n];
            long[][] bs = new long[n][];
            ConditionOutcomes[] os = new ConditionOutcomes[n];
            int i = 0;
            for (Map.Entry<Integer, Acc> e : lines.entrySet()) {
                ls[i] = e.getKey();
                cs[i] = e.getValue().count;
                bs[i] = e.getValue().branches;
                os[i] = e.getValue().conditions;
                i++;
            }
            List<FunctionRecord> fs = new ArrayList<>(functions.values());
            fs.sort(Comparator.comparingInt(FunctionRecord::line).thenComparing(FunctionRecord::name));
            return new FileCoverage(path, ls, cs, bs, os, List.copyOf(fs));
        }
    }
}
