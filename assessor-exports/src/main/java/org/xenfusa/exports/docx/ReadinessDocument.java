package org.xenfusa.exports.docx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xenfusa.trace.impact.FunctionChange;
import org.xenfusa.trace.impact.ImpactReport;

import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.readiness.GateResult;
import org.xenfusa.exports.readiness.GateVerdict;
import org.xenfusa.exports.readiness.ReadinessReport;
import org.xenfusa.exports.readiness.ReleaseComparison;

/** The release-readiness report (DOCX): cover, verdict, gates per configuration, comparison with the previous release. */
public final class ReadinessDocument {
    public static final String TITLE = "Release readiness report";

    private ReadinessDocument() {
    }

    public static byte[] write(ReleaseEvidence evidence, ReadinessReport report) {
        return write(evidence, report, List.of());
    }

    /**
     * The report with a section on the change impact since the previous release, one {@link ImpactReport} per
     * configuration (none: no section).
     */
    public static byte[] write(ReleaseEvidence evidence, ReadinessReport report, List<ImpactReport> impacts) {
        var ctx = evidence.context();
        WordDocument d = new WordDocument(ctx, TITLE, TITLE + ": " + ctx.ref() + " ("
                + TraceabilityReport.shortSha(ctx.commit()) + ")");
        TraceabilityReport.cover(d, evidence, TITLE);
        d.contents();
        d.heading(1, "Verdict");
        if (report.passed()) {
            d.paragraph("READY: every gate passed (gate file " + report.gateFile() + ").");
        } else {
            d.warning("NOT READY: " + report.failures().size() + " gate(s) failed, " + report.notEvaluated().size()
                    + " could not be evaluated (gate file " + report.gateFile() + ").");
            for (String reason : report.reasons()) {
                d.paragraph(reason);
            }
        }
        d.heading(2, "Gates");
        List<String[]> rows = new ArrayList<>();
        for (GateResult r : report.results()) {
            rows.add(new String[] {r.configuration(), r.gate().description(), number(r.threshold()),
                r.value().map(ReadinessDocument::number).orElse("n/a"), r.verdict().name(), r.detail()});
        }
        d.table(new String[] {"Configuration", "Gate", "Threshold", "Value", "Verdict", "How counted"}, rows,
                new int[] {4, 5, 2, 2, 3, 6}, new boolean[] {false, false, true, true, false, false});
        long notEvaluated = report.results().stream().filter(r -> r.verdict() == GateVerdict.NOT_EVALUATED).count();
        if (notEvaluated > 0) {
            d.paragraph(notEvaluated + " gate(s) could not be evaluated (see 'How counted'); they block readiness.");
        }
        if (!report.notApplicable().isEmpty()) {
            d.paragraph(report.notApplicable().size() + " gate(s) do not apply to their configuration (a coverage"
                    + " criterion its level does not ask for); they neither pass nor block.");
        }
        d.heading(1, "Comparison with the previous release");
        if (report.comparison().isEmpty()) {
            d.paragraph("No previous release was given.");
        } else {
            ReleaseComparison c = report.comparison().get();
            d.paragraph("Previous release: " + c.previousRef() + " (" + c.previousCommit() + ").");
            d.heading(2, "Code size per directory");
            List<String[]> dirs = new ArrayList<>();
            for (ReleaseComparison.DirectoryDelta x : c.directories()) {
                dirs.add(new String[] {x.configuration(), x.path(), Figures.count(x.previousCode()),
                    Figures.count(x.currentCode()), Figures.signed(x.codeDelta())});
            }
            d.table(new String[] {"Configuration", "Directory", "make cloc before", "now", "Delta"}, dirs,
                    new int[] {4, 6, 2, 2, 2}, new boolean[] {false, false, true, true, true});
            d.heading(2, "Effort");
            List<String[]> effort = new ArrayList<>();
            for (ReleaseComparison.EffortDelta x : c.effort()) {
                effort.add(new String[] {x.configuration(), x.level(), Figures.hours(x.previousHours()),
                    Figures.hours(x.currentHours()), Figures.signedHours(x.delta())});
            }
            d.table(new String[] {"Configuration", "Level", "Hours before", "Hours now", "Delta"}, effort,
                    new int[] {4, 4, 2, 2, 2}, new boolean[] {false, false, true, true, true});
            d.heading(2, "Requirements");
            d.labelled("Added", list(c.requirementsAdded()));
            d.labelled("Changed", list(c.requirementsChanged()));
            d.labelled("Removed", list(c.requirementsRemoved()));
            d.heading(2, "New suspect links and regressed tests");
            d.labelled("New suspect links", c.newSuspectLinks().isEmpty() ? "none"
                    : String.join("; ", c.newSuspectLinks().stream().map(s -> s.from() + " -> " + s.to()).toList()));
            d.labelled("Tests that regressed", list(c.regressedTests()));
        }
        if (!impacts.isEmpty()) {
            impact(d, impacts);
        }
        return d.toBytes();
    }

    /** The most functions listed per configuration: the counts say how many there are. */
    static final int FUNCTIONS_LISTED = 200;

    /** The change-impact section both DOCX reports give when a previous release is known. */
    static void impact(WordDocument d, List<ImpactReport> impacts) {
        d.heading(1, "Change impact since the previous release");
        d.paragraph("Per configuration, the compiled functions added, removed and changed (by content hash) between the"
                + " two releases, the links made suspect, the requirements whose evidence must be reviewed again (those"
                + " linked to a changed or removed function, and the requirements above them) and the tests linked to"
                + " them, to run again.");
        List<String[]> rows = new ArrayList<>();
        for (ImpactReport r : impacts) {
            rows.add(new String[] {r.configuration(), r.fromRef() + " -> " + r.toRef(),
                Figures.count(r.count(FunctionChange.Kind.ADDED)), Figures.count(r.count(FunctionChange.Kind.REMOVED)),
                Figures.count(r.count(FunctionChange.Kind.CHANGED)), Figures.count(r.suspects().size()),
                Figures.count(r.requirements().size()), Figures.count(r.tests().size()),
                r.sloc().map(x -> Figures.signed(x.makeCloc().code())).orElse("n/a")});
        }
        d.table(new String[] {"Configuration", "Releases", "Functions added", "removed", "changed", "Suspect links",
            "Requirements to review", "Tests to re-run", "make cloc delta"}, rows, new int[] {4, 4, 2, 2, 2, 2, 2, 2, 2},
                new boolean[] {false, false, true, true, true, true, true, true, true});
        for (ImpactReport r : impacts) {
            d.heading(2, r.configuration());
            d.labelled("Requirements to review again", r.requirements().isEmpty() ? "none"
                    : String.join("; ", r.requirements().stream().map(q -> q.id() + (q.direct() ? " (code changed: "
                            : " (covered by ") + String.join(", ", q.because()) + ")").toList()));
            d.labelled("Tests to run again", r.tests().isEmpty() ? "none"
                    : String.join("; ", r.tests().stream().map(t -> t.test().name() + " (" + t.test().path() + ")").toList()));
            if (!r.effort().isEmpty()) {
                d.labelled("Effort delta", String.join("; ", r.effort().values().stream()
                        .map(e -> e.level().name() + " " + Figures.signedHours(e.hours())).toList()));
            }
            List<String[]> fns = new ArrayList<>();
            r.functions().stream().limit(FUNCTIONS_LISTED).forEach(f -> fns.add(new String[] {
                f.kind().name().toLowerCase(Locale.ROOT), f.path(), f.name(), f.lines()}));
            if (!fns.isEmpty()) {
                d.table(new String[] {"Change", "File", "Function", "Lines"}, fns, new int[] {2, 7, 5, 2},
                        new boolean[] {false, false, false, false});
                if (r.functions().size() > FUNCTIONS_LISTED) {
                    d.paragraph("The first " + FUNCTIONS_LISTED + " of " + r.functions().size() + " function changes;"
                            + " the impact page and fusa impact --json list them all.");
                }
            }
        }
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "none" : ids.size() + ": " + String.join(", ", ids);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Figures.count((long) v) : String.format(Locale.UK, "%.1f", v);
    }
}
