package org.xenfusa.sloc.kbuild;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Which lines of one file the preprocessor keeps for a configuration: a line is inactive when
 * every unit that reads the file skips it ({@code #if} false); lines under an undecidable
 * condition stay active.
 *
 * @param path      the file, relative to the repository root
 * @param lineCount the file's number of lines
 * @param inactive  the inactive lines as ascending, disjoint ranges (1-based, inclusive)
 */
public record LineActivity(String path, int lineCount, List<LineRange> inactive) {
    /** Lines {@code first} to {@code last}, both included, 1-based. */
    public record LineRange(int first, int last) {
        public LineRange {
            if (first < 1 || last < first) {
                throw new IllegalArgumentException("bad line range " + first + "-" + last);
            }
        }
    }

    public LineActivity {
        Objects.requireNonNull(path, "path");
        inactive = List.copyOf(inactive);
    }

    /** A file whose every line is active. */
    public static LineActivity allActive(String path, int lineCount) {
        return new LineActivity(path, lineCount, List.of());
    }

    static LineActivity of(String path, int lineCount, BitSet inactiveLines) {
        List<LineRange> ranges = new ArrayList<>();
        for (int i = inactiveLines.nextSetBit(1); i >= 0 && i <= lineCount; ) {
            int end = Math.min(inactiveLines.nextClearBit(i) - 1, lineCount);
            ranges.add(new LineRange(i, end));
            i = inactiveLines.nextSetBit(end + 1);
        }
        return new LineActivity(path, lineCount, ranges);
    }

    public boolean isActive(int line) {
        for (LineRange r : inactive) {
            if (line < r.first()) {
                return true;
            }
            if (line <= r.last()) {
                return false;
            }
        }
        return true;
    }

    /** The inactive lines as a bit set indexed by line number. */
    public BitSet inactiveLines() {
        BitSet b = new BitSet(lineCount + 1);
        inactive.forEach(r -> b.set(r.first(), r.last() + 1));
        return b;
    }

    public int inactiveLineCount() {
        return inactive.stream().mapToInt(r -> r.last() - r.first() + 1).sum();
    }
}
