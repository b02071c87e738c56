package org.xenfusa.exports.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xenfusa.exports.DocumentProperties;
import org.xenfusa.exports.FixedTimeZip;
import org.xenfusa.exports.model.EvidenceContext;
import org.xenfusa.exports.readiness.GateResult;
import org.xenfusa.exports.readiness.GateVerdict;
import org.xenfusa.exports.readiness.ReadinessReport;
import org.xenfusa.exports.readiness.ReleaseComparison;

/** The readiness report as a workbook: About, Gates, and the comparison with the previous release. */
public final class ReadinessWorkbook {
    private ReadinessWorkbook() {
    }

    public static byte[] write(ReadinessReport report) {
        EvidenceContext ctx = report.context();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookStyles styles = new WorkbookStyles(wb);
            SheetWriter about = new SheetWriter(wb.createSheet("About"), styles);
            about.text(about.row(), 0, "Release readiness", styles.title());
            about.skip();
            pair(about, styles, "Repository", ctx.repository());
            pair(about, styles, "Ref", ctx.ref());
            pair(about, styles, "Commit", ctx.commit());
            pair(about, styles, "Generated at (UTC)", ctx.generatedAt().toString());
            pair(about, styles, "Tool version", ctx.toolVersion());
            pair(about, styles, "Gate file", report.gateFile());
            pair(about, styles, "Previous release", report.comparison()
                    .map(c -> c.previousRef() + " (" + c.previousCommit() + ")").orElse("none given"));
            Row verdict = about.row();
            about.text(verdict, 0, "Verdict", styles.label());
            about.text(verdict, 1, report.passed() ? "READY: every gate passed"
                    : "NOT READY: " + report.failures().size() + " gate(s) failed, " + report.notEvaluated().size()
                            + " not evaluated",
                    report.passed() ? styles.passed() : styles.failed());
            pair(about, styles, "Trace policy", ctx.tracePolicy().label());
            about.applyWidths();

            SheetWriter gates = new SheetWriter(wb.createSheet("Gates"), styles);
            gates.header("Configuration", "Gate", "Key", "Threshold", "Value", "Verdict", "How the value was counted");
            for (GateResult r : report.results()) {
                Row row = gates.row();
                gates.text(row, 0, r.configuration());
                gates.text(row, 1, r.gate().description());
                gates.text(row, 2, r.gate().key());
                gates.number(row, 3, r.threshold(), styles.decimal());
                if (r.value().isPresent()) {
                    gates.number(row, 4, r.value().get(), styles.decimal());
                } else {
                    gates.text(row, 4, "n/a");
                }
                gates.text(row, 5, r.verdict().name(), r.verdict() == GateVerdict.FAILED ? styles.failed()
                        : r.verdict() == GateVerdict.PASSED ? styles.passed() : null);
                gates.text(row, 6, r.detail());
            }
            gates.finishTable(1, gates.nextRow() - 1);

            if (report.comparison().isPresent()) {
                ReleaseComparison c = report.comparison().get();
                SheetWriter dirs = new SheetWriter(wb.createSheet("SLOC deltas"), styles);
                dirs.header("Configuration", "Directory", "make cloc before", "make cloc now", "Delta",
                        "active before", "active now", "Active delta");
                for (ReleaseComparison.DirectoryDelta d : c.directories()) {
                    Row row = dirs.row();
                    int n = row.getRowNum();
                    dirs.text(row, 0, d.configuration());
                    dirs.text(row, 1, d.path());
                    dirs.number(row, 2, d.previousCode(), styles.integer());
                    dirs.number(row, 3, d.currentCode(), styles.integer());
                    dirs.formula(row, 4, SheetWriter.cell(3, n) + "-" + SheetWriter.cell(2, n), styles.integer());
                    dirs.number(row, 5, d.previousActive(), styles.integer());
                    dirs.number(row, 6, d.currentActive(), styles.integer());
                    dirs.formula(row, 7, SheetWriter.cell(6, n) + "-" + SheetWriter.cell(5, n), styles.integer());
                }
                dirs.finishTable(2, dirs.nextRow() - 1);
                SheetWriter effort = new SheetWriter(wb.createSheet("Effort deltas"), styles);
                effort.header("Configuration", "Level", "Hours before", "Hours now", "Delta");
                for (ReleaseComparison.EffortDelta e : c.effort()) {
                    Row row = effort.row();
                    int n = row.getRowNum();
                    effort.text(row, 0, e.configuration());
                    effort.text(row, 1, e.level());
                    effort.number(row, 2, e.previousHours(), styles.decimal());
                    effort.number(row, 3, e.currentHours(), styles.decimal());
                    effort.formula(row, 4, SheetWriter.cell(3, n) + "-" + SheetWriter.cell(2, n), styles.decimal());
                }
                effort.finishTable(2, effort.nextRow() - 1);
                SheetWriter reqs = new SheetWriter(wb.createSheet("Requirement changes"), styles);
                reqs.header("Requirement", "Change");
                list(reqs, c.requirementsAdded(), "added");
                list(reqs, c.requirementsChanged(), "changed");
                list(reqs, c.requirementsRemoved(), "removed");
                reqs.finishTable(1, reqs.nextRow() - 1);
                SheetWriter links = new SheetWriter(wb.createSheet("New suspect links"), styles);
                links.header("From", "To", "Reason");
                c.newSuspectLinks().forEach(s -> {
                    Row row = links.row();
                    links.text(row, 0, s.from());
                    links.text(row, 1, s.to());
                    links.text(row, 2, s.reason());
                });
                links.finishTable(1, links.nextRow() - 1);
                SheetWriter tests = new SheetWriter(wb.createSheet("Regressed tests"), styles);
                tests.header("Test (PASSED before, not now)");
                c.regressedTests().forEach(t -> tests.text(tests.row(), 0, t));
                tests.finishTable(1, tests.nextRow() - 1);
            }
            wb.setForceFormulaRecalculation(true);
            DocumentProperties.stamp(wb.getProperties(), ctx, "Release readiness " + ctx.ref());
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the readiness workbook", e);
        }
        return FixedTimeZip.restamp(out.toByteArray(), ctx.generatedAt());
    }

    private static void pair(SheetWriter s, WorkbookStyles styles, String label, String value) {
        Row r = s.row();
        s.text(r, 0, label, styles.label());
        s.text(r, 1, value);
    }

    private static void list(SheetWriter s, List<String> ids, String change) {
        for (String id : ids) {
            Row r = s.row();
            s.text(r, 0, id);
            s.text(r, 1, change);
        }
    }
}
