package org.xenfusa.misra;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MISRA C:2012 guideline as Xen writes it: {@code Rule 15.6}, {@code Dir 4.1}. Every analyser's spelling is read:
 * ECLAIR's {@code MC3A2.R15.6} (and older {@code MC3R1.}), cppcheck's {@code misra-c2012-15.6} and
 * {@code misra-c2012-dir-4.1}, Coverity's {@code misra_c_2012_rule_15_6_violation}, deviations.rst's {@code R15.6}.
 *
 * @param directive a directive ({@code Dir}) rather than a rule
 */
public record GuidelineId(boolean directive, int chapter, int number) implements Comparable<GuidelineId> {
    private static final Pattern XEN = Pattern.compile("(?i)(rule|dir|directive)\\s+(\\d+)\\.(\\d+)");
    private static final Pattern ECLAIR = Pattern.compile("MC\\d[A-Z0-9]*\\.([RD])(\\d+)\\.(\\d+)");
    private static final Pattern SHORT = Pattern.compile("([RD])(\\d+)\\.(\\d+)");
    private static final Pattern CPPCHECK = Pattern.compile("(?i)misra-c2012-(dir-|d)?(\\d+)\\.(\\d+)");
    private static final Pattern COVERITY = Pattern.compile("(?i)misra_c_2012_(rule|directive)_(\\d+)_(\\d+)(_violation)?");

    /** The highest number per chapter in MISRA C:2012 with its amendments (MISRA C:2023); beyond is unknown. */
    private static final Map<Integer, Integer> RULES = Map.ofEntries(Map.entry(1, 5), Map.entry(2, 8), Map.entry(3, 2),
            Map.entry(4, 2), Map.entry(5, 9), Map.entry(6, 3), Map.entry(7, 6), Map.entry(8, 17), Map.entry(9, 7),
            Map.entry(10, 8), Map.entry(11, 11), Map.entry(12, 6), Map.entry(13, 6), Map.entry(14, 4), Map.entry(15, 7),
            Map.entry(16, 7), Map.entry(17, 13), Map.entry(18, 10), Map.entry(19, 3), Map.entry(20, 14),
            Map.entry(21, 26), Map.entry(22, 20), Map.entry(23, 8));
    private static final Map<Integer, Integer> DIRECTIVES = Map.of(1, 1, 2, 1, 3, 1, 4, 15, 5, 3);

    private static final Comparator<GuidelineId> ORDER = Comparator.comparing((GuidelineId g) -> !g.directive)
            .thenComparingInt(GuidelineId::chapter).thenComparingInt(GuidelineId::number);

    /** Any analyser's or Xen's spelling, when it names a guideline of MISRA C:2012 (see {@link #known()}). */
    public static Optional<GuidelineId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        Matcher m;
        if ((m = XEN.matcher(t)).matches()) {
            return of(!m.group(1).equalsIgnoreCase("rule"), m.group(2), m.group(3));
        }
        if ((m = ECLAIR.matcher(t)).matches() || (m = SHORT.matcher(t)).matches()) {
            return of(m.group(1).equals("D"), m.group(2), m.group(3));
        }
        if ((m = CPPCHECK.matcher(t)).matches()) {
            return of(m.group(1) != null, m.group(2), m.group(3));
        }
        if ((m = COVERITY.matcher(t)).matches()) {
            return of(m.group(1).equalsIgnoreCase("directive"), m.group(2), m.group(3));
        }
        return Optional.empty();
    }

    private static Optional<GuidelineId> of(boolean directive, String chapter, String number) {
        try {
            GuidelineId id = new GuidelineId(directive, Integer.parseInt(chapter), Integer.parseInt(number));
            return id.known() ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether MISRA C:2012 (with amendments) has this guideline. */
    public boolean known() {
        Integer max = (directive ? DIRECTIVES : RULES).get(chapter);
        return max != null && number >= 1 && number <= max;
    }

    @Override
    public int compareTo(GuidelineId o) {
        return ORDER.compare(this, o);
    }

    /** As Xen writes it: {@code Rule 15.6}, {@code Dir 4.1}. */
    @Override
    public String toString() {
        return (directive ? "Dir " : "Rule ") + chapter + "." + number;
    }
}
