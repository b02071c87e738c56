package org.xenfusa.cli;

import java.util.List;

import org.xenfusa.misra.MisraReport;
import org.xenfusa.misra.MisraReport.GuidelineRow;
import org.xenfusa.misra.MisraReport.LocationRow;
import org.xenfusa.misra.MisraReport.MisraGateCheck;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code fusa misra --json} prints: the one {@link MisraReport}, as records Jackson writes in component order:
 * {@code guidelines}, {@code files}, {@code records}, {@code gates}, then the rest.
 */
record MisraJson(List<Guideline> guidelines, List<LocationRow> files, MisraReport.RecordCounts records,
        List<MisraGateCheck> gates, String commit, String configuration, Totals totals, List<LocationRow> directories,
        @JsonInclude(JsonInclude.Include.NON_NULL) Diff diff, List<Violation> violations, List<Source> sources,
        int notMisra, List<String> problems) {

    /** A guideline row; {@code id} as Xen writes it ({@code Rule 15.6}, {@code Dir 4.1}). */
    record Guideline(String id, boolean accepted, boolean clean, int violations, int justified, int outside,
            double share, String category, boolean monitored, int saf, int deviation, int excluded) {
    }

    record Totals(int violations, int justified, int outside) {
    }

    record Diff(String baseCommit, List<Change> guidelines) {
    }

    record Change(String id, int added, int fixed) {
    }

    record Violation(String guideline, String file, int line, String tool, String message) {
    }

    record Source(String name, String format, String sha256, int findings, String tool, String toolVersion) {
    }

    static MisraJson of(MisraReport r) {
        return new MisraJson(r.guidelines().stream().map(MisraJson::guideline).toList(), r.files(), r.records(),
                r.gates(), r.commit(), r.scope().name(), new Totals(r.violations(), r.justified(), r.outside()),
                r.directories(),
                r.diff().map(d -> new Diff(d.baseCommit(), d.guidelines().stream()
                        .map(c -> new Change(c.id().toString(), c.added(), c.fixed())).toList())).orElse(null),
                r.violationList().stream().map(m -> new Violation(m.finding().guideline().toString(),
                        m.finding().file(), m.finding().line(), m.finding().tool(), m.finding().message())).toList(),
                r.sources().stream().map(s -> new Source(s.name(), s.format(), s.sha256(), s.findings(), s.tool(),
                        s.toolVersion())).toList(),
                r.notMisra(), r.problems().stream().map(Object::toString).toList());
    }

    private static Guideline guideline(GuidelineRow g) {
        return new Guideline(g.id().toString(), g.accepted(), g.clean(), g.violations(), g.justified(), g.outside(),
                g.share(), g.category(), g.monitored(), g.saf(), g.deviation(), g.excluded());
    }
}
