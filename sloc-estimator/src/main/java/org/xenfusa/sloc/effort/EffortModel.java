package org.xenfusa.sloc.effort;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.xenfusa.sloc.config.ConfigurationReport;

/**
 * Turns SLOC into certification effort: hours per SLOC for each DO-178C level, ISO 26262 ASIL
 * mapped onto those levels, hours per person-year, and the SLOC figure the rates apply to.
 *
 * @param rates         one per level, A to E
 * @param asilToDal     each ASIL's level
 * @param hoursPerPersonYear working hours in one person-year
 * @param description   where the figures come from, shown with every estimate
 */
// [impl->dsn~effort-model~1]
public record EffortModel(String name, String description, List<LevelRate> rates, Map<Asil, DesignAssuranceLevel> asilToDal,
        double hoursPerPersonYear, SlocFigure figure) {

    /** 1,720 h: 215 working days of 8 h, a common planning figure for one full-time engineer-year. */
    public static final double DEFAULT_HOURS_PER_PERSON_YEAR = 1720;

    public EffortModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(figure, "figure");
        Map<DesignAssuranceLevel, LevelRate> byLevel = new EnumMap<>(DesignAssuranceLevel.class);
        rates.forEach(r -> byLevel.put(r.level(), r));
        if (byLevel.size() != DesignAssuranceLevel.values().length || rates.size() != byLevel.size()) {
            throw new IllegalArgumentException("an effort model needs exactly one rate for each of DAL A to E");
        }
        rates = List.copyOf(byLevel.values());
        if (asilToDal.size() != Asil.values().length) {
            throw new IllegalArgumentException("an effort model maps each of ASIL A to D to a DAL");
        }
        asilToDal.forEach((asil, dal) -> Objects.requireNonNull(dal, "the DAL of " + asil));
        // in ASIL order, so that toString (part of the analysis results' input key) is the same in every JVM:
        // Map.copyOf's order changes from one JVM to the next, which made every restart recompute every result
        asilToDal = Collections.unmodifiableMap(new EnumMap<>(asilToDal));
        if (!(hoursPerPersonYear > 0) || Double.isInfinite(hoursPerPersonYear)) {
            throw new IllegalArgumentException("hours per person-year must be > 0: " + hoursPerPersonYear);
        }
    }

    /**
     * The Xen FuSa SIG's figures: DAL A 0.67, DAL C 0.20 and DAL E 0.11 hours per SLOC. That source
     * gives none for DAL B and D, so they are the means of their neighbours and flagged interpolated.
     * ASIL to DAL follows a common published crosswalk (ASIL D to DAL A, C to B, B to C, A to D).
     */
    public static EffortModel xenFusaSig() {
        String sig = "Xen FuSa SIG effort figures (hours per SLOC)";
        double a = 0.67;
        double c = 0.20;
        double e = 0.11;
        List<LevelRate> rates = List.of(
                new LevelRate(DesignAssuranceLevel.DAL_A, a, false, sig),
                new LevelRate(DesignAssuranceLevel.DAL_B, (a + c) / 2, true, "interpolated: mean of DAL A and DAL C"),
                new LevelRate(DesignAssuranceLevel.DAL_C, c, false, sig),
                new LevelRate(DesignAssuranceLevel.DAL_D, (c + e) / 2, true, "interpolated: mean of DAL C and DAL E"),
                new LevelRate(DesignAssuranceLevel.DAL_E, e, false, sig));
        Map<Asil, DesignAssuranceLevel> crosswalk = new EnumMap<>(Asil.class);
        crosswalk.put(Asil.ASIL_D, DesignAssuranceLevel.DAL_A);
        crosswalk.put(Asil.ASIL_C, DesignAssuranceLevel.DAL_B);
        crosswalk.put(Asil.ASIL_B, DesignAssuranceLevel.DAL_C);
        crosswalk.put(Asil.ASIL_A, DesignAssuranceLevel.DAL_D);
        return new EffortModel("xen-fusa-sig", "Hours per SLOC from the Xen FuSa SIG (DAL A 0.67, DAL C 0.20, DAL E 0.11);"
                + " DAL B and DAL D have no source figure and are interpolated between their neighbours. ASIL to DAL follows a"
                + " common published crosswalk (ASIL D to DAL A, C to B, B to C, A to D), a rough guide only: ISO 26262 defines"
                + " no normative mapping to DO-178C. " + (int) DEFAULT_HOURS_PER_PERSON_YEAR + " hours per person-year;"
                + " applied to make-cloc SLOC.", rates, crosswalk, DEFAULT_HOURS_PER_PERSON_YEAR, SlocFigure.MAKE_CLOC);
    }

    public LevelRate rate(DesignAssuranceLevel level) {
        return rates.stream().filter(r -> r.level() == level).findFirst().orElseThrow();
    }

    public DesignAssuranceLevel levelOf(Asil asil) {
        return asilToDal.get(asil);
    }

    /** The same model applied to another SLOC figure. */
    public EffortModel appliedTo(SlocFigure other) {
        return new EffortModel(name, description, rates, asilToDal, hoursPerPersonYear, other);
    }

    public EffortModel withHoursPerPersonYear(double hours) {
        return new EffortModel(name, description, rates, asilToDal, hours, figure);
    }

    /** The model with one level's rate set by hand (no longer interpolated). */
    public EffortModel withRate(DesignAssuranceLevel level, double hoursPerSloc, String source) {
        List<LevelRate> changed = rates.stream().map(r -> r.level() == level ? new LevelRate(level, hoursPerSloc, false, source) : r).toList();
        return new EffortModel(name, description, changed, asilToDal, hoursPerPersonYear, figure);
    }

    public EffortEstimate estimate(DesignAssuranceLevel level, long sloc) {
        LevelRate r = rate(level);
        double hours = sloc * r.hoursPerSloc();
        return new EffortEstimate(level, sloc, r.hoursPerSloc(), hours, hours / hoursPerPersonYear, r.interpolated());
    }

    /** Estimates for every level, A to E. */
    public Map<DesignAssuranceLevel, EffortEstimate> estimates(long sloc) {
        Map<DesignAssuranceLevel, EffortEstimate> out = new LinkedHashMap<>();
        for (DesignAssuranceLevel l : DesignAssuranceLevel.values()) {
            out.put(l, estimate(l, sloc));
        }
        return out;
    }

    /** The SLOC of a report that this model applies to. */
    public long slocOf(ConfigurationReport report) {
        return switch (figure) {
            case MAKE_CLOC -> report.makeCloc().code();
            case WITH_HEADERS -> report.withHeaders().code();
            case ACTIVE_LINES -> report.activeLines().code();
        };
    }

    public Map<DesignAssuranceLevel, EffortEstimate> estimates(ConfigurationReport report) {
        return estimates(slocOf(report));
    }

    /** Per level, the effort of {@code after} minus that of {@code before} (negative: a saving). */
    public Map<DesignAssuranceLevel, EffortEstimate> delta(ConfigurationReport before, ConfigurationReport after) {
        Map<DesignAssuranceLevel, EffortEstimate> out = new LinkedHashMap<>();
        for (DesignAssuranceLevel l : DesignAssuranceLevel.values()) {
            out.put(l, estimate(l, slocOf(after)).minus(estimate(l, slocOf(before))));
        }
        return out;
    }
}
