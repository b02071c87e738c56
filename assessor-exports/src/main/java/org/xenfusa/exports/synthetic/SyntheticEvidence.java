package org.xenfusa.exports.synthetic;

import org.xenfusa.sloc.config.DirectoryFigures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xenfusa.exports.model.AttachedFile;
import org.xenfusa.exports.model.AttachmentKind;
import org.xenfusa.exports.model.ConfigurationFigures;
import org.xenfusa.exports.model.EvidenceContext;
import org.xenfusa.exports.model.PolicyRef;
import org.xenfusa.exports.model.FileKind;
import org.xenfusa.exports.model.FileSlocRow;
import org.xenfusa.exports.model.LevelEffort;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.RequirementRow;
import org.xenfusa.sloc.config.LineFigures;
import org.xenfusa.exports.model.SuspectLinkRow;
import org.xenfusa.trace.evidence.TestOutcome;
import org.xenfusa.exports.model.TestResult;
import org.xenfusa.exports.model.TraceDefect;
import org.xenfusa.trace.report.Verdict;
import org.xenfusa.exports.model.UntracedCode;

/**
 * Evidence shaped like Xen's, made from a few numbers with a fixed arithmetic (no randomness), for benchmarks and
 * tests: every total is the sum of its rows, so a document can be checked against it.
 */
public final class SyntheticEvidence {
    /** DO-178C levels with hours per SLOC, as a simple model states them; E has no objectives. */
    private static final String[] LEVELS = {"DO-178C DAL A", "DO-178C DAL B", "DO-178C DAL C", "DO-178C DAL D"};
    private static final double[] RATES = {1.2, 0.9, 0.6, 0.3};
    private static final double HOURS_PER_PERSON_YEAR = 1600;

    private SyntheticEvidence() {
    }

    /** The shape of the evidence to make. */
    public record Shape(int requirements, List<String> configurations, int directories, int filesPerDirectory) {
        public Shape {
            configurations = List.copyOf(configurations);
        }

        public static Shape small() {
            return new Shape(12, List.of("x86_64-defconfig", "arm64-defconfig"), 4, 3);
        }
    }

    public static ReleaseEvidence create(Shape shape) {
        return create(shape, "RELEASE-4.22.0", "0123456789abcdef0123456789abcdef01234567", 0);
    }

    /**
     * Evidence for one release; {@code growth} adds that many code lines to each compiled file, which lets tests
     * make a "next release" whose deltas are known.
     */
    public static ReleaseEvidence create(Shape shape, String ref, String commit, int growth) {
        EvidenceContext context = new EvidenceContext("https://xenbits.xen.org/git-http/xen.git", ref, commit,
                "fusa 0.1.0", Instant.parse("2026-11-24T10:00:00Z"),
                "Hours per SLOC of make-cloc code: DAL A 1.2, B 0.9, C 0.6, D 0.3; 1,600 hours per person-year",
                "https://fusa.example.org", Optional.of("https://xenbits.xen.org/gitweb/?p=xen.git;a=commit;h=" + commit),
                PolicyRef.oft());
        List<ConfigurationFigures> configs = new ArrayList<>();
        for (int c = 0; c < shape.configurations().size(); c++) {
            configs.add(configuration(shape, shape.configurations().get(c), c, growth));
        }
        List<RequirementRow> requirements = requirements(shape);
        List<SuspectLinkRow> suspects = List.of(new SuspectLinkRow("impl~sched-0003~1", "dsn~sched-0003~1",
                "dsn~sched-0003~1 changed after the link was reviewed"));
        List<TraceDefect> defects = new ArrayList<>();
        List<UntracedCode> untraced = new ArrayList<>();
        for (ConfigurationFigures cfg : configs) {
            for (RequirementRow r : requirements) {
                if (r.verdict(cfg.name()) == Verdict.DEFECT) {
                    defects.add(new TraceDefect(cfg.name(), r.id(), "broken link: covered item is outdated"));
                }
            }
            for (int i = 0; i < cfg.files().size(); i += 4) {
                FileSlocRow f = cfg.files().get(i);
                untraced.add(new UntracedCode(cfg.name(), f.path(), f.makeCloc().code() / 2));
            }
        }
        List<TestResult> tests = new ArrayList<>();
        for (int i = 0; i < shape.requirements(); i++) {
            tests.add(new TestResult("test-" + pad(i), i % 11 == 10 ? TestOutcome.FAILED : TestOutcome.PASSED));
        }
        List<AttachedFile> attachments = List.of(
                new AttachedFile(AttachmentKind.LINKS, "links.yaml", "- from: impl~sched-0003~1\n  to: dsn~sched-0003~1\n"),
                new AttachedFile(AttachmentKind.TEST_RESULTS, "junit.xml",
                        "<testsuite name=\"synthetic\" tests=\"" + tests.size() + "\"/>\n"));
        return new ReleaseEvidence(context, configs, requirements, suspects, defects, untraced, tests, attachments);
    }

    private static ConfigurationFigures configuration(Shape shape, String name, int index, int growth) {
        String arch = name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
        List<DirectoryFigures> dirs = new ArrayList<>();
        List<FileSlocRow> files = new ArrayList<>();
        LineFigures totalMake = LineFigures.NONE;
        LineFigures totalHeaders = LineFigures.NONE;
        LineFigures totalActive = LineFigures.NONE;
        for (int d = 0; d < shape.directories(); d++) {
            String dir = "xen/" + DIRECTORY_NAMES[d % DIRECTORY_NAMES.length] + (d < DIRECTORY_NAMES.length ? "" : "-" + d);
            LineFigures dm = LineFigures.NONE;
            LineFigures dh = LineFigures.NONE;
            LineFigures da = LineFigures.NONE;
            for (int f = 0; f < shape.filesPerDirectory(); f++) {
                long code = 40L + (d * 37L + f * 13L + index * 7L) % 400 + growth;
                LineFigures make = new LineFigures(1, code / 5, code / 4, code);
                FileSlocRow c = new FileSlocRow(dir + "/file" + f + ".c", FileKind.COMPILED, make, make,
                        new LineFigures(1, code / 5, code / 4, code - code / 10));
                LineFigures header = new LineFigures(1, 3, 10, 20 + f);
                FileSlocRow h = new FileSlocRow(dir + "/file" + f + ".h", FileKind.HEADER, LineFigures.NONE, header,
                        new LineFigures(1, 3, 10, 15 + f));
                for (FileSlocRow x : List.of(c, h)) {
                    files.add(x);
                    dm = dm.plus(x.makeCloc());
                    dh = dh.plus(x.withHeaders());
                    da = da.plus(x.activeLines());
                }
            }
            dirs.add(new DirectoryFigures(dir, dm, dh, da));
            totalMake = totalMake.plus(dm);
            totalHeaders = totalHeaders.plus(dh);
            totalActive = totalActive.plus(da);
        }
        List<LevelEffort> effort = new ArrayList<>();
        for (int l = 0; l < LEVELS.length; l++) {
            double hours = RATES[l] * totalMake.code();
            effort.add(new LevelEffort(LEVELS[l], RATES[l], totalMake.code(), hours, hours / HOURS_PER_PERSON_YEAR,
                    l == 1));
        }
        List<String> warnings = index == 1
                ? List.of("CONFIG_CC_HAS_ASM_GOTO answered from toolchain profile gcc-12 (not a real compiler)")
                : List.of();
        String config = "# Automatically generated file; DO NOT EDIT.\n# Xen/" + arch + " configuration\nCONFIG_"
                + arch.toUpperCase() + "=y\nCONFIG_SCHED_CREDIT2=y\n";
        return new ConfigurationFigures(name, name, arch, index == 1 ? Optional.of("qemu-virt") : Optional.empty(), config,
                totalMake, totalHeaders, totalActive, dirs, files, effort, warnings);
    }

    private static final String[] DIRECTORY_NAMES = {"common/sched", "arch/x86/mm", "drivers/passthrough",
        "common", "xsm/flask", "arch/arm/gic", "drivers/char", "lib"};

    private static List<RequirementRow> requirements(Shape shape) {
        List<RequirementRow> rows = new ArrayList<>();
        int markets = Math.max(1, shape.requirements() / 10);
        int products = Math.max(1, shape.requirements() / 4);
        for (int i = 0; i < shape.requirements(); i++) {
            String type;
            String id;
            List<String> covers;
            if (i < markets) {
                type = "mrkt";
                covers = List.of();
            } else if (i < markets + products) {
                type = "prod";
                covers = List.of("mrkt~sched-" + pad(i % markets) + "~1");
            } else {
                type = "dsn";
                covers = List.of("prod~sched-" + pad(markets + i % products) + "~1");
            }
            id = type + "~sched-" + pad(i) + "~1";
            Map<String, Verdict> verdicts = new LinkedHashMap<>();
            for (int c = 0; c < shape.configurations().size(); c++) {
                Verdict v = (i + c) % 13 == 7 ? Verdict.UNCOVERED
                        : i % 17 == 16 ? Verdict.DEFECT
                        : c > 0 && i % 9 == 4 ? Verdict.NOT_APPLICABLE : Verdict.COVERED;
                verdicts.put(shape.configurations().get(c), v);
            }
            List<String> anchors = type.equals("dsn")
                    ? List.of("xen/common/sched/file" + i % 3 + ".c:" + (10 + i)) : List.of();
            rows.add(new RequirementRow(id, type, "Scheduler requirement " + i, "The scheduler shall do thing " + i
                    + ".", covers, List.of(), anchors, List.of("test-" + pad(i)), Verdict.COVERED, verdicts, List.of(), i == 3));
        }
        // coveredBy mirrors covers, as the trace reports it
        Map<String, List<String>> coveredBy = new LinkedHashMap<>();
        for (RequirementRow r : rows) {
            for (String target : r.covers()) {
                coveredBy.computeIfAbsent(target, k -> new ArrayList<>()).add(r.id());
            }
        }
        List<RequirementRow> linked = new ArrayList<>(rows.size());
        for (RequirementRow r : rows) {
            linked.add(new RequirementRow(r.id(), r.type(), r.title(), r.description(), r.covers(),
                    coveredBy.getOrDefault(r.id(), List.of()), r.codeAnchors(), r.tests(), r.overall(), r.verdicts(), r.links(), r.suspect()));
        }
        return linked;
    }

    private static String pad(int i) {
        return String.format("%04d", i);
    }
}
