package org.xenfusa.exports.xlsx;

import org.xenfusa.exports.model.CoverageFigures;
import org.xenfusa.exports.model.MisraFigures;

import org.xenfusa.sloc.effort.SlocFigure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.xenfusa.exports.DocumentProperties;
import org.xenfusa.exports.FixedTimeZip;
import org.xenfusa.exports.model.ConfigurationFigures;
import org.xenfusa.exports.model.EvidenceContext;
import org.xenfusa.exports.model.FileSlocRow;
import org.xenfusa.exports.model.LevelEffort;
import org.xenfusa.exports.model.Provenance;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.RequirementRow;
import org.xenfusa.sloc.config.LineFigures;
import org.xenfusa.exports.model.LinkRow;
import org.xenfusa.exports.model.SuspectLinkRow;
import org.xenfusa.exports.model.TestResult;
import org.xenfusa.exports.model.TraceDefect;
import org.xenfusa.trace.report.Verdict;
import org.xenfusa.exports.model.UntracedCode;

/**
 * The assessor's workbook: About, Summary, the traceability matrix, SLOC per directory and per file of each
 * configuration, effort, untraced code, warnings, suspect links, defects and test results. Totals are SUM
 * formulas next to the analysis' own totals and their difference, so an assessor sees the rows add up.
 */
// [impl->dsn~assessor-workbook~1]
public final class AssessorWorkbook {
    /** Rows the streaming workbook keeps in memory before flushing to its temporary file. */
    private static final int WINDOW = 200;
    static final String ABOUT = "About";
    static final String SUMMARY = "Summary";
    static final String MATRIX = "Traceability";
    public static final String COVERAGE = "Coverage";
    public static final String COVERAGE_DATA = "Coverage data sets";
    public static final String COVERAGE_BY_REQUIREMENT = "Coverage by requirement";
    public static final String COVERAGE_BY_DIRECTORY = "Coverage by directory";
    public static final String NEVER_EXECUTED = "Never executed";

    private AssessorWorkbook() {
    }

    /** The workbook's bytes, identical for identical evidence. */
    public static byte[] write(ReleaseEvidence evidence) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW);
        try {
            new AssessorWorkbookBuilder(wb, evidence).build();
            DocumentProperties.stamp(wb.getXSSFWorkbook().getProperties(), evidence.context(),
                    "Traceability and code-size workbook, " + evidence.context().ref());
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook", e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException e) {
                // nothing left to release: the temporary files are gone after dispose()
            }
        }
        return FixedTimeZip.restamp(out.toByteArray(), evidence.context().generatedAt());
    }

    /** Sheet name of the per-directory table of a configuration in this workbook. */
    public static String directorySheet(ReleaseEvidence evidence, String configuration) {
        return AssessorWorkbookBuilder.sheetNames(evidence).get("dirs:" + configuration);
    }

    /** Sheet name of the per-file table of a configuration in this workbook. */
    public static String fileSheet(ReleaseEvidence evidence, String configuration) {
        return AssessorWorkbookBuilder.sheetNames(evidence).get("files:" + configuration);
    }

    /** Builds the sheets of one workbook. */
    private static final class AssessorWorkbookBuilder {
        private final SXSSFWorkbook wb;
        private final ReleaseEvidence evidence;
        private final EvidenceContext context;
        private final WorkbookStyles styles;
        private final Map<String, String> names;

        AssessorWorkbookBuilder(SXSSFWorkbook wb, ReleaseEvidence evidence) {
            this.wb = wb;
            this.evidence = evidence;
            this.context = evidence.context();
            this.styles = new WorkbookStyles(wb);
            this.names = sheetNames(evidence);
        }

        /** Every sheet's name, decided up front so that formulas can refer to sheets written later. */
        static Map<String, String> sheetNames(ReleaseEvidence evidence) {
            SheetNames n = new SheetNames();
            Map<String, String> names = new LinkedHashMap<>();
            names.put("about", n.name(ABOUT));
            names.put("summary", n.name(SUMMARY));
            names.put("matrix", n.name(MATRIX));
            for (ConfigurationFigures c : evidence.configurations()) {
                names.put("dirs:" + c.name(), n.name("SLOC " + c.name()));
                names.put("files:" + c.name(), n.name("Files " + c.name()));
            }
            names.put("effort", n.name("Effort"));
            names.put("untraced", n.name("Untraced code"));
            names.put("warnings", n.name("Warnings"));
            names.put("suspects", n.name("Suspect links"));
            names.put("defects", n.name("Trace defects"));
            names.put("reasons", n.name("Verdict reasons"));
            names.put("tests", n.name("Test results"));
            names.put("links", n.name("Links"));
            if (!evidence.misra().isEmpty()) {
                names.put("misra", n.name("MISRA C"));
            }
            if (evidence.hasCoverageData()) {
                names.put("coverage", n.name(COVERAGE));
                names.put("coverage-data", n.name(COVERAGE_DATA));
                names.put("coverage-reqs", n.name(COVERAGE_BY_REQUIREMENT));
                names.put("coverage-dirs", n.name(COVERAGE_BY_DIRECTORY));
                names.put("never", n.name(NEVER_EXECUTED));
            }
            return names;
        }

        void build() {
            Map<String, SheetWriter> sheets = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : names.entrySet()) {
                SXSSFSheet s = wb.createSheet(e.getValue());
                sheets.put(e.getKey(), new SheetWriter(s, styles));
            }
            about(sheets.get("about"));
            int matrixEnd = matrix(sheets.get("matrix"));
            Map<String, Integer> dirTotals = new LinkedHashMap<>();
            for (ConfigurationFigures c : evidence.configurations()) {
                dirTotals.put(c.name(), directories(sheets.get("dirs:" + c.name()), c));
                files(sheets.get("files:" + c.name()), c);
            }
            summary(sheets.get("summary"), matrixEnd, dirTotals);
            effort(sheets.get("effort"));
            untraced(sheets.get("untraced"));
            warnings(sheets.get("warnings"));
            simpleTable(sheets.get("suspects"), new String[] {"From", "To", "Reason"}, evidence.suspectLinks(),
                    (SuspectLinkRow s) -> new String[] {s.from(), s.to(), s.reason()});
            simpleTable(sheets.get("defects"), new String[] {"Configuration", "Item", "Defect"}, evidence.defects(),
                    (TraceDefect d) -> new String[] {d.configuration(), d.item(), d.message()});
            // why each requirement is not covered in each configuration, under the policy named on the About sheet
            List<String[]> reasons = new java.util.ArrayList<>();
            for (RequirementRow r : evidence.requirements()) {
                for (ConfigurationFigures c : evidence.configurations()) {
                    if (!r.reason(c.name()).isEmpty()) {
                        reasons.add(new String[] {c.name(), r.id(), r.verdict(c.name()).name(), r.reason(c.name())});
                    }
                }
            }
            simpleTable(sheets.get("reasons"), new String[] {"Configuration", "Requirement", "Verdict", "Reason"},
                    reasons, (String[] row) -> row);
            simpleTable(sheets.get("tests"), new String[] {"Test", "Outcome"}, evidence.testResults(),
                    (TestResult t) -> new String[] {t.test(), t.outcome().name()});
            // every link of every requirement, with its review state and record: a draft is listed but never counts
            List<String[]> links = new java.util.ArrayList<>();
            for (RequirementRow r : evidence.requirements()) {
                for (LinkRow l : r.links()) {
                    links.add(new String[] {r.id(), l.kind(), l.anchor(), l.artifactType(), l.state(),
                        l.counts() ? "yes" : "no", l.review(), l.declaredAt()});
                }
            }
            simpleTable(sheets.get("links"), new String[] {"Requirement", "Kind", "Links to", "Artifact type",
                "Review state", "Counts as coverage", "Review record", "Declared at"}, links, (String[] row) -> row);
            if (!evidence.misra().isEmpty()) {
                misra(sheets.get("misra"));
            }
            if (evidence.hasCoverageData()) {
                coverage(sheets.get("coverage"));
                coverageData(sheets.get("coverage-data"));
                coverageByRequirement(sheets.get("coverage-reqs"));
                coverageByDirectory(sheets.get("coverage-dirs"));
                neverExecuted(sheets.get("never"));
            }
            wb.setActiveSheet(0);
            // SXSSF writes formulas without cached values: ask the reader to compute them on opening.
            wb.setForceFormulaRecalculation(true);
        }

        private void about(SheetWriter s) {
            Row title = s.row();
            s.text(title, 0, "Xen functional-safety evidence workbook", styles.title());
            s.skip();
            pair(s, "Repository", context.repository(), Optional.empty());
            pair(s, "Ref", context.ref(), Optional.empty());
            pair(s, "Commit", context.commit(), context.commitUrl());
            pair(s, "Generated at (UTC)", DateTimeFormatter.ISO_INSTANT.format(context.generatedAt()), Optional.empty());
            pair(s, "Tool version", context.toolVersion(), Optional.empty());
            pair(s, "Effort model", context.effortModel(), Optional.empty());
            pair(s, "Trace policy", context.tracePolicy().name() + " " + context.tracePolicy().version(),
                    Optional.empty());
            pair(s, "Trace policy SHA-256", context.tracePolicy().sha256(), Optional.empty());
            pair(s, "Dashboard", context.dashboardUrl(), context.dashboard(""));
            long warnings = evidence.configurations().stream().mapToLong(c -> c.warnings().size()).sum();
            Row w = s.row();
            s.text(w, 0, "Figures with warnings", styles.label());
            if (warnings == 0) {
                s.text(w, 1, "none");
            } else {
                s.text(w, 1, "YES: " + warnings + " warning(s), see sheet '" + names.get("warnings") + "'",
                        styles.warning());
            }
            s.skip();
            s.header("Configuration", "Arch", "Board", ".config SHA-256", "Warnings");
            for (ConfigurationFigures c : evidence.configurations()) {
                Row r = s.row();
                s.text(r, 0, c.name());
                s.text(r, 1, c.arch());
                s.text(r, 2, c.board().orElse(""));
                s.text(r, 3, c.configSha256());
                s.number(r, 4, c.warnings().size(), styles.integer());
            }
            s.skip();
            Row how = s.row();
            s.text(how, 0, "How each figure was obtained", styles.label());
            Row hh = s.row();
            s.text(hh, 0, "Figure", styles.header());
            s.text(hh, 1, "Obtained by (reference it equals)", styles.header());
            for (Provenance.Source src : Provenance.sources(context)) {
                Row r = s.row();
                s.text(r, 0, src.figure(), styles.wrap());
                s.text(r, 1, src.obtainedBy(), styles.wrap());
            }
            s.applyWidths();
        }

        private void pair(SheetWriter s, String label, String value, Optional<String> url) {
            Row r = s.row();
            s.text(r, 0, label, styles.label());
            s.link(r, 1, value, url);
        }

        /** The matrix; returns the 1-based number of its last data row (for COUNTIF ranges). */
        private int matrix(SheetWriter s) {
            List<String> head = new ArrayList<>(List.of("ID", "Type", "Title", "Covers", "Covered by",
                    "Code anchors", "Tests"));
            for (ConfigurationFigures c : evidence.configurations()) {
                head.add("Verdict " + c.name());
            }
            head.add("Suspect");
            s.header(head.toArray(String[]::new));
            for (RequirementRow r : evidence.requirements()) {
                Row row = s.row();
                s.link(row, 0, r.id(), context.dashboard("/trace/items/" + encode(r.id()) + "?commit=" + encode(context.commit())));
                s.text(row, 1, r.type());
                s.text(row, 2, r.title());
                s.text(row, 3, String.join(", ", r.covers()));
                s.text(row, 4, String.join(", ", r.coveredBy()));
                s.text(row, 5, String.join(", ", r.codeAnchors()));
                s.text(row, 6, String.join(", ", r.tests()));
                int col = 7;
                for (ConfigurationFigures c : evidence.configurations()) {
                    Verdict v = r.verdict(c.name());
                    s.text(row, col++, v.name(), styles.verdict(v));
                }
                s.text(row, col, r.suspect() ? "SUSPECT" : "");
            }
            int last = s.nextRow();
            s.finishTable(1, last - 1);
            return last;
        }

        private static final String[] FIGURE_COLUMNS = {"files", "blank", "comment", "code"};

        private static List<String> figureHeads() {
            List<String> h = new ArrayList<>();
            for (SlocFigure k : SlocFigure.values()) {
                for (String f : FIGURE_COLUMNS) {
                    h.add(k.label() + ": " + f);
                }
            }
            return h;
        }

        private void figures(SheetWriter s, Row r, int first, Function<SlocFigure, LineFigures> of) {
            int col = first;
            for (SlocFigure k : SlocFigure.values()) {
                LineFigures f = of.apply(k);
                s.number(r, col++, f.files(), styles.integer());
                s.number(r, col++, f.blank(), styles.integer());
                s.number(r, col++, f.comment(), styles.integer());
                s.number(r, col++, f.code(), styles.integer());
            }
        }

        /** Total (SUM), the analysis' totals and their difference under a figures table; returns the SUM row. */
        private int totals(SheetWriter s, int firstFigureColumn, ConfigurationFigures c) {
            int endData = s.nextRow(); // 1-based number of the last data row
            Row sum = s.row();
            int sumRow = sum.getRowNum();
            s.text(sum, 0, "Total (SUM of the rows above)", styles.totalLabel());
            for (int i = 0; i < 12; i++) {
                int col = firstFigureColumn + i;
                s.formula(sum, col, "SUM(" + s.range(col, endData) + ")", styles.totalInteger());
            }
            Row analysis = s.row();
            s.text(analysis, 0, "Configuration total reported by the analysis", styles.label());
            figures(s, analysis, firstFigureColumn, c::figure);
            Row diff = s.row();
            s.text(diff, 0, "Difference (must be 0)", styles.label());
            for (int i = 0; i < 12; i++) {
                int col = firstFigureColumn + i;
                s.formula(diff, col, SheetWriter.cell(col, sumRow) + "-" + SheetWriter.cell(col, analysis.getRowNum()),
                        styles.integer());
            }
            return sumRow;
        }

        private int directories(SheetWriter s, ConfigurationFigures c) {
            List<String> head = new ArrayList<>(List.of("Directory"));
            head.addAll(figureHeads());
            s.header(head.toArray(String[]::new));
            for (var d : c.directories()) {
                Row r = s.row();
                s.link(r, 0, d.directory(), context.dashboard("/sloc/directories?configuration=" + encode(c.name())
                        + "&path=" + encode(d.directory())));
                figures(s, r, 1, k -> k.pick(d.makeCloc(), d.withHeaders(), d.activeLines()));
            }
            int lastData = s.nextRow() - 1;
            int sumRow = totals(s, 1, c);
            s.widen(0, 40);
            s.finishTable(1, lastData);
            return sumRow;
        }

        private void files(SheetWriter s, ConfigurationFigures c) {
            List<String> head = new ArrayList<>(List.of("File", "Role"));
            head.addAll(figureHeads());
            s.header(head.toArray(String[]::new));
            for (FileSlocRow f : c.files()) {
                Row r = s.row();
                s.link(r, 0, f.path(), context.dashboard("/sloc/files?configuration=" + encode(c.name())
                        + "&path=" + encode(f.path())));
                s.text(r, 1, f.role().name());
                figures(s, r, 2, f::figure);
            }
            int lastData = s.nextRow() - 1;
            Row sum = s.row();
            s.text(sum, 0, "Total (SUM of the rows above)", styles.totalLabel());
            for (int i = 0; i < 12; i++) {
                s.formula(sum, 2 + i, "SUM(" + s.range(2 + i, lastData + 1) + ")", styles.totalInteger());
            }
            Row analysis = s.row();
            s.text(analysis, 0, "Configuration total reported by the analysis", styles.label());
            figures(s, analysis, 2, c::figure);
            Row diff = s.row();
            s.text(diff, 0, "Difference (must be 0 except for make cloc: files, see note)", styles.label());
            for (int i = 0; i < 12; i++) {
                int col = 2 + i;
                s.formula(diff, col, SheetWriter.cell(col, sum.getRowNum()) + "-"
                        + SheetWriter.cell(col, analysis.getRowNum()), styles.integer());
            }
            Row note = s.row();
            s.text(note, 0, "Note: cloc counts files with identical content once; the per-file rows list every"
                    + " compiled file, so a duplicate shows as a difference here and in the file count only.");
            s.widen(0, 50);
            s.finishTable(1, lastData);
        }

        private void summary(SheetWriter s, int matrixEnd, Map<String, Integer> dirTotals) {
            Row t = s.row();
            s.text(t, 0, "Summary per configuration (formulas over the other sheets)", styles.title());
            s.skip();
            List<String> heads = new ArrayList<>(List.of("Configuration", "Board", "make cloc code", "with headers code",
                    "active lines code", "Requirements"));
            for (Verdict v : Verdict.values()) {
                heads.add(v.name());
            }
            heads.add("Covered % of applicable");
            heads.add("Warnings");
            s.header(heads.toArray(String[]::new));
            String matrix = SheetNames.ref(names.get("matrix"));
            int col = 7;
            for (ConfigurationFigures c : evidence.configurations()) {
                Row r = s.row();
                s.text(r, 0, c.name());
                s.text(r, 1, c.board().orElse(""));
                String dirs = SheetNames.ref(names.get("dirs:" + c.name()));
                int sumRow = dirTotals.get(c.name());
                // code columns of the three figures: 1 + 3, 1 + 7, 1 + 11 on the directory sheet
                s.formula(r, 2, dirs + "!" + SheetWriter.cell(4, sumRow), styles.integer());
                s.formula(r, 3, dirs + "!" + SheetWriter.cell(8, sumRow), styles.integer());
                s.formula(r, 4, dirs + "!" + SheetWriter.cell(12, sumRow), styles.integer());
                String verdicts = matrix + "!" + SheetWriter.cell(col, 1) + ":" + SheetWriter.cell(col, matrixEnd - 1);
                s.formula(r, 5, "COUNTA(" + verdicts + ")", styles.integer());
                int k = 6;
                for (Verdict v : Verdict.values()) {
                    s.formula(r, k++, "COUNTIF(" + verdicts + ",\"" + v.name() + "\")", styles.integer());
                }
                String covered = SheetWriter.cell(6, r.getRowNum());
                String all = SheetWriter.cell(5, r.getRowNum());
                String excluded = SheetWriter.cell(6 + Verdict.NOT_APPLICABLE.ordinal(), r.getRowNum());
                int pct = 6 + Verdict.values().length;
                s.formula(r, pct, "IF(" + all + "-" + excluded + "=0,0,100*" + covered + "/(" + all + "-" + excluded
                        + "))", styles.percent());
                s.number(r, pct + 1, c.warnings().size(), styles.integer());
                col++;
            }
            s.finishTable(1, s.nextRow() - 1);
        }

        private void effort(SheetWriter s) {
            s.header("Configuration", "Level", "Hours per SLOC", "SLOC basis", "Hours", "Rate x SLOC (check)",
                    "Person-years", "Interpolated rate");
            for (ConfigurationFigures c : evidence.configurations()) {
                for (LevelEffort e : c.effort()) {
                    Row r = s.row();
                    s.text(r, 0, c.name());
                    s.text(r, 1, e.level());
                    s.number(r, 2, e.hoursPerSloc(), styles.decimal());
                    s.number(r, 3, e.slocBasis(), styles.integer());
                    s.number(r, 4, e.hours(), styles.decimal());
                    int n = r.getRowNum();
                    s.formula(r, 5, SheetWriter.cell(2, n) + "*" + SheetWriter.cell(3, n), styles.decimal());
                    s.number(r, 6, e.personYears(), styles.decimal());
                    s.text(r, 7, e.interpolated() ? "yes" : "no");
                }
            }
            s.finishTable(2, s.nextRow() - 1);
        }

        /** One row per configuration and guideline with a finding or accepted, as the MISRA report gives it. */
        private void misra(SheetWriter s) {
            s.header("Configuration", "Guideline", "Accepted", "Category", "Clean", "Violations", "Share",
                    "Justified", "Outside");
            for (MisraFigures m : evidence.misra()) {
                for (MisraFigures.Guideline g : m.guidelines()) {
                    Row r = s.row();
                    s.text(r, 0, m.configuration());
                    s.text(r, 1, g.id());
                    s.text(r, 2, g.accepted() ? "yes" : "no");
                    s.text(r, 3, g.category());
                    s.text(r, 4, g.clean() ? "yes" : "no");
                    s.number(r, 5, g.violations(), styles.integer());
                    s.number(r, 6, g.share(), styles.percent());
                    s.number(r, 7, g.justified(), styles.integer());
                    s.number(r, 8, g.outside(), styles.integer());
                }
            }
            s.finishTable(1, s.nextRow() - 1);
        }

        /** The configurations with coverage data: only they have rows in the coverage sheets. */
        private List<CoverageFigures> coverageWithData() {
            return evidence.coverage().stream().filter(CoverageFigures::hasData).toList();
        }

        /** One row per configuration: level, criteria, the compiled code's figures and the share of SLOC with data. */
        private void coverage(SheetWriter s) {
            s.header("Configuration", "Level", "Criteria of the level", "Compiled files", "Compiled SLOC",
                    "Files with data", "SLOC with data", "Share of SLOC with data", "Lines covered", "Lines",
                    "Branches covered", "Branches", "Conditions covered", "Conditions", "Functions called",
                    "Functions", "Criteria not measured", "Never executed functions", "Never executed SLOC",
                    "Not in snapshot", "Unmapped build paths", "Problems");
            for (CoverageFigures c : coverageWithData()) {
                CoverageFigures.Compiled k = c.compiled();
                Row r = s.row();
                int n = r.getRowNum();
                s.text(r, 0, c.configuration());
                s.text(r, 1, c.level().label());
                s.text(r, 2, String.join(", ", c.criteria().stream().map(x -> x.criterion().label()).toList()));
                s.number(r, 3, k.files(), styles.integer());
                s.number(r, 4, k.sloc(), styles.integer());
                s.number(r, 5, k.filesWithData(), styles.integer());
                s.number(r, 6, k.slocWithData(), styles.integer());
                s.formula(r, 7, "IF(" + SheetWriter.cell(4, n) + "=0,\"-\"," + SheetWriter.cell(6, n) + "/"
                        + SheetWriter.cell(4, n) + ")", styles.percent());
                counts(s, r, 8, k.figures());
                s.text(r, 16, String.join(", ", c.criteria().stream().filter(x -> !x.measured())
                        .map(x -> x.criterion().label()).toList()));
                s.number(r, 17, c.neverExecuted().size(), styles.integer());
                s.number(r, 18, c.neverExecuted().stream().mapToLong(CoverageFigures.NeverExecuted::sloc).sum(),
                        styles.integer());
                s.number(r, 19, c.notInSnapshot(), styles.integer());
                s.number(r, 20, c.unmapped(), styles.integer());
                s.text(r, 21, String.join("; ", c.problems()));
            }
            s.finishTable(1, s.nextRow() - 1);
        }

        /** Covered and total of lines, branches, conditions and functions from column {@code first}. */
        private void counts(SheetWriter s, Row r, int first, CoverageFigures.Measures m) {
            List<CoverageFigures.Count> all = List.of(m.lines(), m.branches(), m.conditions(), m.functions());
            for (int i = 0; i < all.size(); i++) {
                s.number(r, first + 2 * i, all.get(i).covered(), styles.integer());
                s.number(r, first + 2 * i + 1, all.get(i).total(), styles.integer());
            }
        }

        private static final String[] COUNT_HEADS = {"Lines covered", "Lines", "Branches covered", "Branches",
            "Conditions covered", "Conditions", "Functions called", "Functions"};

        private void coverageData(SheetWriter s) {
            s.header("Configuration", "Test run", "File", "Format", "Tool", "Tool version", "SHA-256", "Bytes",
                    "Files");
            for (CoverageFigures c : coverageWithData()) {
                for (CoverageFigures.DataSet d : c.dataSets()) {
                    Row r = s.row();
                    s.text(r, 0, c.configuration());
                    s.text(r, 1, d.test());
                    s.text(r, 2, d.name());
                    s.text(r, 3, d.format());
                    s.text(r, 4, d.tool());
                    s.text(r, 5, d.toolVersion());
                    s.text(r, 6, d.sha256());
                    s.number(r, 7, d.bytes(), styles.integer());
                    s.number(r, 8, d.files(), styles.integer());
                }
            }
            s.finishTable(1, s.nextRow() - 1);
        }

        /** Per requirement: its functions' coverage by its own tests, then by all tests. */
        private void coverageByRequirement(SheetWriter s) {
            List<String> head = new ArrayList<>(List.of("Configuration", "Requirement", "Type", "Title",
                    "Its tests", "Its tests' data sets", "Functions"));
            for (String h : COUNT_HEADS) {
                head.add(h + " by its tests");
            }
            for (String h : COUNT_HEADS) {
                head.add(h + " by all tests");
            }
            s.header(head.toArray(String[]::new));
            for (CoverageFigures c : coverageWithData()) {
                for (CoverageFigures.Requirement q : c.requirements()) {
                    Row r = s.row();
                    s.text(r, 0, c.configuration());
                    s.text(r, 1, q.id());
                    s.text(r, 2, q.type());
                    s.text(r, 3, q.title());
                    s.text(r, 4, String.join(", ", q.tests()));
                    s.text(r, 5, String.join(", ", q.dataSets()));
                    s.number(r, 6, q.functions(), styles.integer());
                    counts(s, r, 7, q.byItsTests());
                    counts(s, r, 15, q.byAllTests());
                }
            }
            s.finishTable(2, s.nextRow() - 1);
        }

        private void coverageByDirectory(SheetWriter s) {
            List<String> head = new ArrayList<>(List.of("Configuration", "Directory", "Files"));
            head.addAll(List.of(COUNT_HEADS));
            s.header(head.toArray(String[]::new));
            for (CoverageFigures c : coverageWithData()) {
                for (CoverageFigures.Directory d : c.directories()) {
                    Row r = s.row();
                    s.text(r, 0, c.configuration());
                    s.text(r, 1, d.directory());
                    s.number(r, 2, d.files(), styles.integer());
                    counts(s, r, 3, d.figures());
                }
            }
            s.finishTable(2, s.nextRow() - 1);
        }

        /** Every compiled function no test executed, largest first per configuration. */
        private void neverExecuted(SheetWriter s) {
            s.header("Configuration", "Function", "File", "Line", "SLOC", "Coverage data");
            for (CoverageFigures c : coverageWithData()) {
                for (CoverageFigures.NeverExecuted f : c.neverExecuted()) {
                    Row r = s.row();
                    s.text(r, 0, c.configuration());
                    s.text(r, 1, f.name());
                    s.text(r, 2, f.path());
                    s.number(r, 3, f.line(), styles.integer());
                    s.number(r, 4, f.sloc(), styles.integer());
                    s.text(r, 5, f.withData() ? "lines not run" : "no data");
                }
            }
            s.finishTable(2, s.nextRow() - 1);
        }

        private void untraced(SheetWriter s) {
            s.header("Configuration", "File", "Untraced code lines");
            for (UntracedCode u : evidence.untracedCode()) {
                Row r = s.row();
                s.text(r, 0, u.configuration());
                s.link(r, 1, u.path(), context.dashboard("/sloc/files?configuration=" + encode(u.configuration())
                        + "&path=" + encode(u.path())));
                s.number(r, 2, u.code(), styles.integer());
            }
            int lastData = s.nextRow() - 1;
            for (ConfigurationFigures c : evidence.configurations()) {
                Row r = s.row();
                s.text(r, 0, "Total " + c.name() + " (SUMIF)", styles.totalLabel());
                s.formula(r, 2, "SUMIF(" + s.range(0, lastData + 1) + ",\"" + c.name() + "\","
                        + s.range(2, lastData + 1) + ")", styles.totalInteger());
            }
            s.finishTable(1, lastData);
        }

        private void warnings(SheetWriter s) {
            s.header("Configuration", "Warning");
            for (ConfigurationFigures c : evidence.configurations()) {
                for (String w : c.warnings()) {
                    Row r = s.row();
                    s.text(r, 0, c.name());
                    s.text(r, 1, w, styles.warning());
                }
            }
            s.finishTable(1, s.nextRow() - 1);
        }

        private <T> void simpleTable(SheetWriter s, String[] head, List<T> rows, Function<T, String[]> cells) {
            s.header(head);
            for (T t : rows) {
                Row r = s.row();
                String[] values = cells.apply(t);
                for (int i = 0; i < values.length; i++) {
                    s.text(r, i, values[i]);
                }
            }
            s.finishTable(1, s.nextRow() - 1);
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
