package org.xenfusa.exports.docx;

import org.xenfusa.exports.model.CoverageFigures;
import org.xenfusa.exports.model.MisraFigures;

import org.xenfusa.sloc.effort.SlocFigure;
import org.xenfusa.sloc.config.DirectoryFigures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.xenfusa.exports.model.ConfigurationFigures;
import org.xenfusa.exports.model.EvidenceContext;
import org.xenfusa.exports.model.FileSlocRow;
import org.xenfusa.exports.model.LevelEffort;
import org.xenfusa.exports.model.Provenance;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.RequirementRow;
import org.xenfusa.sloc.config.LineFigures;
import org.xenfusa.exports.model.SuspectLinkRow;
import org.xenfusa.exports.model.TraceDefect;
import org.xenfusa.trace.report.Verdict;
import org.xenfusa.exports.model.UntracedCode;

/**
 * The software traceability and code-size report (DOCX): cover page with the facts and sign-off, contents, scope
 * and method, summary tables, one chapter per configuration with its directory table, chart and effort, defects
 * and suspect links, and the file lists as an appendix.
 */
// [impl->dsn~docx-report~1]
public final class TraceabilityReport {
    public static final String TITLE = "Software traceability and code-size report";
    /** Directories shown in a chart; the table lists them all. */
    static final int CHART_DIRECTORIES = 15;

    private TraceabilityReport() {
    }

    public static byte[] write(ReleaseEvidence evidence) {
        return write(evidence, List.of());
    }

    /** The report with a section on the change impact since a previous release, one report per configuration. */
    public static byte[] write(ReleaseEvidence evidence, List<org.xenfusa.trace.impact.ImpactReport> impacts) {
        EvidenceContext ctx = evidence.context();
        WordDocument d = new WordDocument(ctx, TITLE, TITLE + ": " + ctx.ref() + " (" + shortSha(ctx.commit()) + ")");
        cover(d, evidence, TITLE);
        d.contents();
        scopeAndMethod(d, evidence);
        summary(d, evidence);
        for (ConfigurationFigures c : evidence.configurations()) {
            configuration(d, evidence, c);
        }
        requirements(d, evidence);
        defects(d, evidence);
        if (!evidence.misra().isEmpty()) {
            misra(d, evidence);
        }
        if (evidence.hasCoverageData()) {
            coverage(d, evidence);
        }
        if (!impacts.isEmpty()) {
            ReadinessDocument.impact(d, impacts);
        }
        d.startAppendices();
        for (ConfigurationFigures c : evidence.configurations()) {
            fileList(d, c);
        }
        return d.toBytes();
    }

    static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    /** The first page every document shares: what, which commit, which configurations, which tool and when. */
    static void cover(WordDocument d, ReleaseEvidence evidence, String title) {
        EvidenceContext ctx = evidence.context();
        d.title(title);
        d.subtitle("Xen hypervisor, " + ctx.ref());
        d.labelled("Repository", ctx.repository());
        d.labelled("Ref", ctx.ref());
        d.labelled("Commit", ctx.commit());
        d.labelled("Generated (UTC)", ctx.generatedAt().toString());
        d.labelled("Tool version", ctx.toolVersion());
        d.labelled("Effort model", ctx.effortModel().isBlank() ? "not stated" : ctx.effortModel());
        d.labelled("Trace policy", ctx.tracePolicy().label()
                + (ctx.tracePolicy().name().equals("oft") ? " (OpenFastTrace's rules unchanged)" : ""));
        List<String[]> rows = new ArrayList<>();
        for (ConfigurationFigures c : evidence.configurations()) {
            rows.add(new String[] {c.name(), c.arch(), c.board().orElse("-"), c.configSha256(),
                String.valueOf(c.warnings().size())});
        }
        d.caption("Configurations covered by this document (SHA-256 of each .config as carried in the evidence"
                + " package):");
        d.table(new String[] {"Configuration", "Arch", "Board", ".config SHA-256", "Warnings"}, rows,
                new int[] {5, 2, 3, 11, 3}, new boolean[] {false, false, false, false, true});
        if (evidence.hasWarnings()) {
            long n = evidence.configurations().stream().mapToLong(c -> c.warnings().size()).sum();
            d.warning("Some figures carry warnings (" + n + " in total). They are listed with each configuration"
                    + " and in the evidence manifest; read them before relying on the figures.");
        } else {
            d.paragraph("No figure carries a warning.");
        }
        d.signatures("Prepared by", "Reviewed by", "Approved by");
    }

    private static void scopeAndMethod(WordDocument d, ReleaseEvidence evidence) {
        d.heading(1, "Scope and method");
        d.heading(2, "Scope");
        d.paragraph("This report states, for the commit and configurations named on the cover, how much code is"
                + " compiled in, what certifying it would cost, and how requirements trace to code and tests."
                + " Every figure is computed from the repository at that commit and can be reproduced with the"
                + " tool version named on the cover; the evidence package holds this report with the inputs it was"
                + " made from and a SHA-256 for every file.");
        d.paragraph(evidence.configurations().size() + " configuration(s) and " + evidence.requirements().size()
                + " requirement(s) are covered.");
        d.heading(2, "How each figure was obtained");
        List<String[]> rows = new ArrayList<>();
        for (Provenance.Source s : Provenance.sources(evidence.context())) {
            rows.add(new String[] {s.figure(), s.obtainedBy()});
        }
        d.table(new String[] {"Figure", "Obtained by (the reference it equals)"}, rows, new int[] {3, 8},
                new boolean[2]);
        d.heading(2, "Terms");
        d.labelled("make cloc", "the code Xen's own `make cloc` counts: compiled .c and .S files");
        d.labelled("with headers", "make cloc files plus the headers they include");
        d.labelled("active lines", "with-headers lines that survive #if evaluation for the configuration");
        for (Verdict v : Verdict.values()) {
            d.labelled(v.label(), v.meaning());
        }
    }

    private static void summary(WordDocument d, ReleaseEvidence evidence) {
        d.heading(1, "Summary");
        d.heading(2, "Code size");
        List<String[]> rows = new ArrayList<>();
        for (ConfigurationFigures c : evidence.configurations()) {
            rows.add(new String[] {c.title(), Figures.count(c.makeCloc().files()), Figures.count(c.makeCloc().code()),
                Figures.count(c.withHeaders().files()), Figures.count(c.withHeaders().code()),
                Figures.count(c.activeLines().code()), String.valueOf(c.warnings().size())});
        }
        d.table(new String[] {"Configuration", "make cloc files", "make cloc code", "with headers files",
            "with headers code", "active code", "Warnings"}, rows, new int[] {6, 2, 2, 2, 2, 2, 2},
                new boolean[] {false, true, true, true, true, true, true});
        d.heading(2, "Traceability");
        rows = new ArrayList<>();
        for (ConfigurationFigures c : evidence.configurations()) {
            Map<Verdict, Long> counts = verdictCounts(evidence, c.name());
            long applicable = evidence.requirements().size() - counts.get(Verdict.NOT_APPLICABLE);
            double pct = applicable == 0 ? 0 : 100.0 * counts.get(Verdict.COVERED) / applicable;
            rows.add(new String[] {c.title(), Figures.count(evidence.requirements().size()),
                Figures.count(counts.get(Verdict.COVERED)), Figures.count(counts.get(Verdict.NOTHING_REQUIRED)),
                Figures.count(counts.get(Verdict.UNCOVERED)),
                Figures.count(counts.get(Verdict.DEFECT)), Figures.count(counts.get(Verdict.NOT_APPLICABLE)),
                Figures.percent(pct)});
        }
        d.table(new String[] {"Configuration", "Requirements", "Covered", "Nothing required", "Uncovered", "Defect",
            "Not applicable", "Covered of applicable"}, rows, new int[] {5, 3, 2, 3, 3, 2, 3, 3},
                new boolean[] {false, true, true, true, true, true, true, true});
        d.paragraph(evidence.suspectLinks().size() + " suspect link(s), " + evidence.defects().size()
                + " trace defect(s) in all configurations; see the chapter on defects and suspect links.");
        d.heading(2, "Certification effort");
        rows = new ArrayList<>();
        for (ConfigurationFigures c : evidence.configurations()) {
            for (LevelEffort e : c.effort()) {
                rows.add(new String[] {c.title(), e.level(), Figures.count(e.slocBasis()), Figures.hours(e.hours()),
                    Figures.years(e.personYears()), e.interpolated() ? "yes" : "no"});
            }
        }
        // wide enough that "Person-years" and "Interpolated" fit on one line in the body font
        d.table(new String[] {"Configuration", "Level", "SLOC basis", "Hours", "Person-years", "Interpolated"},
                rows, new int[] {5, 4, 2, 2, 3, 3}, new boolean[] {false, false, true, true, true, false});
    }

    static Map<Verdict, Long> verdictCounts(ReleaseEvidence evidence, String configuration) {
        Map<Verdict, Long> counts = new TreeMap<>();
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0L);
        }
        for (RequirementRow r : evidence.requirements()) {
            counts.merge(r.verdict(configuration), 1L, Long::sum);
        }
        return counts;
    }

    private static void configuration(WordDocument d, ReleaseEvidence evidence, ConfigurationFigures c) {
        d.heading(1, "Configuration " + c.title());
        d.labelled("Arch", c.arch());
        d.labelled("Board", c.board().orElse("none"));
        d.labelled(".config SHA-256", c.configSha256());
        if (c.warnings().isEmpty()) {
            d.labelled("Warnings", "none");
        } else {
            for (String w : c.warnings()) {
                d.warning("Warning: " + w);
            }
        }
        d.heading(2, "Code size per directory");
        List<String[]> rows = new ArrayList<>();
        for (DirectoryFigures dir : c.directories()) {
            rows.add(directoryRow(dir.directory(), dir.makeCloc(), dir.withHeaders(), dir.activeLines()));
        }
        rows.add(directoryRow("Total", c.makeCloc(), c.withHeaders(), c.activeLines()));
        d.totalledTable(new String[] {"Directory", "make cloc files", "make cloc code", "with headers files",
            "with headers code", "active code"}, rows, new int[] {8, 2, 2, 2, 2, 2},
                new boolean[] {false, true, true, true, true, true});
        List<DirectoryFigures> top = c.directories().stream()
                .sorted(Comparator.comparingLong((DirectoryFigures x) -> x.withHeaders().code()).reversed()
                        .thenComparing(DirectoryFigures::directory))
                .limit(CHART_DIRECTORIES).toList();
        List<String> labels = top.stream().map(DirectoryFigures::directory).toList();
        List<DirectoryBarChart.Series> series = new ArrayList<>();
        for (SlocFigure k : SlocFigure.values()) {
            series.add(new DirectoryBarChart.Series(k.label(), top.stream()
                    .map(x -> k.pick(x.makeCloc(), x.withHeaders(), x.activeLines()).code()).toList()));
        }
        byte[] png = DirectoryBarChart.png("Code lines per directory, " + c.title(), labels, series);
        d.figure(png, DirectoryBarChart.width(), DirectoryBarChart.height(labels.size(), series.size()), 16,
                "Figure: code lines per directory in " + c.title() + (c.directories().size() > CHART_DIRECTORIES
                        ? " (the " + CHART_DIRECTORIES + " largest directories)" : "") + ".");
        d.heading(2, "Certification effort");
        rows = new ArrayList<>();
        for (LevelEffort e : c.effort()) {
            rows.add(new String[] {e.level(), String.format(java.util.Locale.UK, "%.2f", e.hoursPerSloc()),
                Figures.count(e.slocBasis()), Figures.hours(e.hours()), Figures.years(e.personYears()),
                e.interpolated() ? "yes" : "no"});
        }
        d.table(new String[] {"Level", "Hours per SLOC", "SLOC basis", "Hours", "Person-years", "Interpolated"},
                rows, new int[] {4, 2, 2, 2, 3, 3}, new boolean[] {false, true, true, true, true, false});
        long untraced = evidence.untracedCode().stream().filter(u -> u.configuration().equals(c.name()))
                .mapToLong(UntracedCode::code).sum();
        d.paragraph("Untraced code in this configuration: " + Figures.count(untraced) + " line(s) of compiled code"
                + " that no requirement covers.");
    }

    private static String[] directoryRow(String name, LineFigures make, LineFigures headers, LineFigures active) {
        return new String[] {name, Figures.count(make.files()), Figures.count(make.code()),
            Figures.count(headers.files()), Figures.count(headers.code()), Figures.count(active.code())};
    }

    /** Every requirement with its verdict per configuration and its links (drafts listed, marked as not counting). */
    private static void requirements(WordDocument d, ReleaseEvidence evidence) {
        d.heading(1, "Requirements");
        d.paragraph(evidence.requirements().size() + " requirement(s). Verdict per configuration, as the platform's"
                + " pages, its command line and the other documents give it; links marked 'not counted' are drafts"
                + " (not yet reviewed) or bad links and are no evidence of coverage.");
        List<String> heads = new ArrayList<>(List.of("Requirement", "Title"));
        evidence.configurations().forEach(c -> heads.add(c.name()));
        heads.add("Links");
        List<String[]> rows = new ArrayList<>();
        for (RequirementRow r : evidence.requirements()) {
            List<String> row = new ArrayList<>(List.of(r.id(), r.title()));
            evidence.configurations().forEach(c -> row.add(r.verdict(c.name()).label()));
            row.add(String.join("; ", r.links().stream().map(l -> l.anchor() + " (" + l.state()
                    + (l.counts() ? "" : ", not counted") + (l.review().isEmpty() ? "" : ", " + l.review()) + ")")
                    .toList()));
            rows.add(row.toArray(String[]::new));
        }
        int[] widths = new int[heads.size()];
        java.util.Arrays.fill(widths, 2);
        widths[0] = 4;
        widths[1] = 4;
        widths[widths.length - 1] = 5;
        d.table(heads.toArray(String[]::new), rows, widths, new boolean[heads.size()]);
        List<String[]> notApplicable = new ArrayList<>();
        for (RequirementRow r : evidence.requirements()) {
            evidence.configurations().stream().filter(c -> r.verdict(c.name()) == Verdict.NOT_APPLICABLE)
                    .forEach(c -> notApplicable.add(new String[] {c.name(), r.id(), r.reason(c.name())}));
        }
        if (!notApplicable.isEmpty()) {
            d.heading(2, "Not applicable, and why");
            d.paragraph("Under trace policy " + evidence.context().tracePolicy().label() + ".");
            d.table(new String[] {"Configuration", "Requirement", "Reason"}, notApplicable, new int[] {3, 4, 7},
                    new boolean[3]);
        }
    }

    /** MISRA C per configuration: the report's checks, its guideline matrix and the analyser reports it read. */
    static void misra(WordDocument d, ReleaseEvidence evidence) {
        d.heading(1, "MISRA C");
        d.paragraph("Findings of static analysers, justified as Xen's own flow justifies them (exclude list, SAF"
                + " comment on the line before or at the end of the line whose record names the tool and guideline,"
                + " documented deviation); a finding counts in a configuration when the configuration compiles its"
                + " file (compiled files and the headers they reach), otherwise it is outside. Share: the"
                + " guideline's part of all violations of the configuration.");
        for (MisraFigures m : evidence.misra()) {
            d.heading(2, m.configuration());
            MisraFigures.Records r = m.records();
            d.paragraph(m.violations() + " violations, " + m.justified() + " justified, " + m.outside()
                    + " outside the configuration. Xen's records: " + r.guidelines() + " accepted guidelines, "
                    + r.deviations() + " deviations, " + r.safIds() + " SAF ids, " + r.safComments()
                    + " SAF comments, " + r.clean() + " clean and " + r.monitored() + " monitored guidelines, "
                    + r.excludes() + " excluded paths.");
            List<String[]> checks = new ArrayList<>();
            for (MisraFigures.Check c : m.checks()) {
                checks.add(new String[] {c.passed() ? "ok" : "not ok", c.name(), c.detail()});
            }
            d.table(new String[] {"Result", "Check", "Detail"}, checks, new int[] {2, 5, 7}, new boolean[3]);
            List<String[]> rows = new ArrayList<>();
            for (MisraFigures.Guideline g : m.guidelines()) {
                if (g.violations() + g.justified() + g.outside() > 0) {
                    rows.add(new String[] {g.id(), g.accepted() ? "yes" : "no", g.clean() ? "yes" : "no",
                        Figures.count(g.violations()), String.format(java.util.Locale.UK, "%.1f%%", 100 * g.share()),
                        Figures.count(g.justified()), Figures.count(g.outside())});
                }
            }
            if (rows.isEmpty()) {
                d.paragraph("No finding of an analyser was given for this configuration.");
            } else {
                d.table(new String[] {"Guideline", "Accepted", "Clean", "Violations", "Share", "Justified", "Outside"},
                        rows, new int[] {3, 2, 2, 2, 2, 2, 2}, new boolean[] {false, false, false, true, true, true,
                            true});
            }
            List<String[]> files = new ArrayList<>();
            for (MisraFigures.FindingsFile f : m.findingsFiles()) {
                files.add(new String[] {f.name(), f.format(), f.sha256(), Figures.count(f.findings())});
            }
            if (!files.isEmpty()) {
                d.caption("Analyser reports read (carried in the evidence package under inputs/misra-findings):");
                d.table(new String[] {"File", "Format", "SHA-256", "Findings"}, files, new int[] {4, 3, 8, 2},
                        new boolean[] {false, false, false, true});
            }
            if (!m.problems().isEmpty()) {
                d.warning(m.problems().size() + " problem(s) reading the records or findings, first: "
                        + m.problems().get(0));
            }
        }
    }

    /** Never-executed compiled functions listed per configuration in the DOCX (the largest; the XLSX lists all). */
    static final int NEVER_EXECUTED_LISTED = 50;

    /**
     * Structural coverage per configuration: the level and the criteria it asks for, the data sets with their hashes,
     * the compiled code's figures, per directory and per requirement, and the compiled functions no test executed.
     * Written only when some configuration has coverage data; every figure is the coverage report's.
     */
    static void coverage(WordDocument d, ReleaseEvidence evidence) {
        d.heading(1, "Structural coverage");
        d.paragraph("Coverage of the code by the tests whose coverage data was given, counted as gcovr counts it:"
                + " statement coverage by the instrumented lines that ran, decision coverage by the branches taken,"
                + " MC/DC by the condition outcomes shown to matter (GCC -fcondition-coverage, Clang -fcoverage-mcdc),"
                + " and functions called. The criteria are those DO-178C Table A-7 asks of the level the configuration"
                + " targets (DAL A: statement, decision and MC/DC; B: statement and decision; C: statement; an ASIL"
                + " through the effort model's crosswalk), over the configuration's compiled code only. A requirement's"
                + " coverage is that of the compiled functions its code links and tags name: by the data sets of its"
                + " own tests (requirements-based coverage) and by all data sets. Compiled functions no test executed"
                + " are candidates for dead or deactivated code analysis.");
        for (CoverageFigures c : evidence.coverage()) {
            d.heading(2, c.configuration());
            String asked = c.criteria().isEmpty() ? "no structural coverage criterion"
                    : String.join(", ", c.criteria().stream().map(k -> k.criterion().label()).toList());
            d.labelled("Level", c.level().label() + " (asks for " + asked + ")");
            if (!c.hasData()) {
                d.paragraph("No coverage data was given for this configuration"
                        + (c.criteria().isEmpty() ? "." : ": its criteria are not measured."));
                continue;
            }
            List<String[]> criteria = new ArrayList<>();
            for (CoverageFigures.CriterionFigure k : c.criteria()) {
                criteria.add(new String[] {k.criterion().label(), k.criterion().measure(),
                    k.measured() ? Figures.count(k.covered()) : "-", k.measured() ? Figures.count(k.total()) : "-",
                    k.measured() ? Figures.percent(k.percent()) : "-", criterionVerdict(k)});
            }
            if (!criteria.isEmpty()) {
                d.caption("Criteria of " + c.level().label() + " over the compiled code:");
                d.table(new String[] {"Criterion", "Measured by", "Covered", "Total", "Coverage", "Verdict"}, criteria,
                        new int[] {3, 3, 2, 2, 2, 6}, new boolean[] {false, false, true, true, true, false});
            }
            List<String[]> sets = new ArrayList<>();
            for (CoverageFigures.DataSet s : c.dataSets()) {
                sets.add(new String[] {s.test(), s.name(), s.format() + (s.tool().isEmpty() ? ""
                        : ", " + s.tool() + " " + s.toolVersion()).stripTrailing(), s.sha256(), Figures.count(s.bytes()),
                    Figures.count(s.files())});
            }
            d.caption("Coverage data sets (each carried byte for byte in the evidence package under"
                    + " inputs/coverage-data, with this SHA-256 in its MANIFEST):");
            d.table(new String[] {"Test run", "File", "Format, tool", "SHA-256", "Bytes", "Files"}, sets,
                    new int[] {3, 3, 3, 8, 2, 2}, new boolean[] {false, false, false, false, true, true});
            CoverageFigures.Compiled k = c.compiled();
            d.paragraph("Compiled code: " + Figures.count(k.files()) + " file(s), " + Figures.count(k.sloc())
                    + " SLOC; " + Figures.count(k.filesWithData()) + " file(s) with coverage data, "
                    + Figures.count(k.slocWithData()) + " SLOC (" + percent(k.slocWithDataPercent())
                    + " of the compiled SLOC has coverage data).");
            d.table(new String[] {"Compiled code", "Lines", "Branches", "Conditions", "Functions"},
                    List.<String[]>of(measuresRow("Files with data", k.figures())), new int[] {4, 3, 3, 3, 3},
                    new boolean[] {false, true, true, true, true});
            d.caption("Coverage per directory (files with data):");
            List<String[]> dirs = new ArrayList<>();
            for (CoverageFigures.Directory dir : c.directories()) {
                String[] row = measuresRow(dir.directory(), dir.figures());
                dirs.add(new String[] {row[0], Figures.count(dir.files()), row[1], row[2], row[3], row[4]});
            }
            d.table(new String[] {"Directory", "Files", "Lines", "Branches", "Conditions", "Functions"}, dirs,
                    new int[] {5, 1, 3, 3, 3, 3}, new boolean[] {false, true, true, true, true, true});
                        if (c.requirements().isEmpty()) {
                d.paragraph("No requirement that applies in this configuration has code in it.");
            } else {
                List<String[]> own = new ArrayList<>();
                List<String[]> all = new ArrayList<>();
                for (CoverageFigures.Requirement q : c.requirements()) {
                    String[] a = measuresRow(q.id(), q.byItsTests());
                    own.add(new String[] {a[0], q.dataSets().isEmpty() ? "none" : String.join(", ", q.dataSets()),
                        a[1], a[2], a[3], a[4]});
                    String[] b = measuresRow(q.id(), q.byAllTests());
                    all.add(new String[] {b[0], Figures.count(q.functions()), b[1], b[2], b[3], b[4]});
                }
                d.caption("Coverage per requirement by its own tests (requirements-based coverage: the data sets of the"
                        + " requirement's tests):");
                d.table(new String[] {"Requirement", "Its tests' data sets", "Lines", "Branches", "Conditions",
                    "Functions"}, own, new int[] {4, 4, 3, 3, 3, 3}, new boolean[] {false, false, true, true, true,
                        true});
                d.caption("Coverage per requirement by all tests:");
                d.table(new String[] {"Requirement", "Functions", "Lines", "Branches", "Conditions", "Functions called"},
                        all, new int[] {4, 2, 3, 3, 3, 3}, new boolean[] {false, true, true, true, true, true});
            }
            d.caption("Compiled code never executed:");
            long sloc = c.neverExecuted().stream().mapToLong(CoverageFigures.NeverExecuted::sloc).sum();
            if (c.neverExecuted().isEmpty()) {
                d.paragraph("Every compiled function was executed by a test.");
            } else {
                d.paragraph(Figures.count(c.neverExecuted().size()) + " compiled function(s), " + Figures.count(sloc)
                        + " SLOC, were executed by no test: candidates for dead or deactivated code analysis."
                        + (c.neverExecuted().size() > NEVER_EXECUTED_LISTED ? " The " + NEVER_EXECUTED_LISTED
                                + " largest are listed; the workbook lists all." : ""));
                List<String[]> rows = new ArrayList<>();
                for (CoverageFigures.NeverExecuted f : c.neverExecuted().subList(0,
                        Math.min(NEVER_EXECUTED_LISTED, c.neverExecuted().size()))) {
                    rows.add(new String[] {f.name(), f.path() + ":" + f.line(), Figures.count(f.sloc()),
                        f.withData() ? "lines not run" : "no data"});
                }
                d.table(new String[] {"Function", "File:line", "SLOC", "Coverage data"}, rows, new int[] {4, 7, 2, 3},
                        new boolean[] {false, false, true, false});
            }
            if (c.notInSnapshot() > 0) {
                d.paragraph(Figures.count(c.notInSnapshot()) + " file(s) the data covers are not in the snapshot"
                        + " (system headers, generated files): listed by the import, not counted.");
            }
            if (c.unmapped() > 0) {
                d.paragraph(Figures.count(c.unmapped()) + " build path(s) of the data no path map entry places: not"
                        + " counted.");
            }
            if (!c.problems().isEmpty()) {
                d.warning(c.problems().size() + " problem(s) with the coverage data, first: " + c.problems().get(0));
            }
        }
    }

    /** Complete, not complete (what is left to analyse), or not measured. */
    private static String criterionVerdict(CoverageFigures.CriterionFigure k) {
        if (!k.measured()) {
            return "not measured: no data set has " + k.criterion().measure() + " of the compiled code";
        }
        long left = k.total() - k.covered();
        return left == 0 ? "complete" : Figures.count(left) + " " + k.criterion().measure()
                + " not covered: to be covered or analysed";
    }

    private static String[] measuresRow(String label, CoverageFigures.Measures m) {
        return new String[] {label, coverage(m.lines()), coverage(m.branches()), coverage(m.conditions()),
            coverage(m.functions())};
    }

    private static String coverage(CoverageFigures.Count c) {
        return Figures.count(c.covered()) + " / " + Figures.count(c.total()) + " (" + percent(c.percent()) + ")";
    }

    private static String percent(double p) {
        return Double.isNaN(p) ? "-" : Figures.percent(p);
    }

    private static void defects(WordDocument d, ReleaseEvidence evidence) {
        d.heading(1, "Defects and suspect links");
        d.heading(2, "Trace defects");
        if (evidence.defects().isEmpty()) {
            d.paragraph("The trace reported no defect.");
        } else {
            List<String[]> rows = new ArrayList<>();
            for (TraceDefect t : evidence.defects()) {
                rows.add(new String[] {t.configuration(), t.item(), t.message()});
            }
            d.table(new String[] {"Configuration", "Item", "Defect"}, rows, new int[] {3, 4, 6}, new boolean[3]);
        }
        d.heading(2, "Suspect links");
        if (evidence.suspectLinks().isEmpty()) {
            d.paragraph("No link is suspect.");
        } else {
            List<String[]> rows = new ArrayList<>();
            for (SuspectLinkRow s : evidence.suspectLinks()) {
                rows.add(new String[] {s.from(), s.to(), s.reason()});
            }
            d.table(new String[] {"From", "To", "Reason"}, rows, new int[] {4, 4, 5}, new boolean[3]);
        }
        d.heading(2, "Untraced code");
        List<String[]> rows = new ArrayList<>();
        for (UntracedCode u : evidence.untracedCode()) {
            rows.add(new String[] {u.configuration(), u.path(), Figures.count(u.code())});
        }
        if (rows.isEmpty()) {
            d.paragraph("All compiled code traces to a requirement.");
        } else {
            d.table(new String[] {"Configuration", "File", "Untraced code"}, rows, new int[] {3, 7, 2},
                    new boolean[] {false, false, true});
        }
    }

    private static void fileList(WordDocument d, ConfigurationFigures c) {
        d.heading(1, "Files of " + c.title());
        List<String[]> rows = new ArrayList<>();
        for (FileSlocRow f : c.files()) {
            rows.add(new String[] {f.path(), f.role().name().toLowerCase(), Figures.count(f.makeCloc().code()),
                Figures.count(f.withHeaders().code()), Figures.count(f.activeLines().code())});
        }
        d.paragraph(c.files().size() + " file(s). Code lines per figure; a header counts in make cloc only when"
                + " the build compiles it.");
        d.table(new String[] {"File", "Role", "make cloc code", "with headers code", "active code"}, rows,
                new int[] {9, 2, 2, 2, 2}, new boolean[] {false, false, true, true, true});
    }
}
