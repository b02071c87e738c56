package org.xenfusa.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.jgit.lib.Repository;
import org.xenfusa.sloc.reference.ReferenceCase;
import org.xenfusa.sloc.reference.ReferenceData;
import org.xenfusa.sloc.tree.GitSourceTree;

/**
 * Issue 14's reference: the coverage data of Xen's unit tests and of an unexecuted hypervisor build recorded in
 * {@code reference-data/<tag>/coverage/} (how: its README), imported by {@link CoverageImporter} against the tagged
 * snapshot, per file equal to the figures the tools that made it report ({@code expected.tsv}): gcovr's summary for
 * gcov JSON, gcovr JSON and Cobertura, lcov's list for lcov tracefiles, llvm-cov's own lcov export for its JSON
 * (lines, branches and functions; clang 14 and clang 19), and llvm-cov's MC/DC summary for condition coverage.
 */
public final class CoverageReference {
    public static final String USE_CASE = "import structural coverage data (per-file figures of gcovr, lcov, llvm-cov)";
    /** The folder of the recorded data under a tag's reference data. */
    public static final String FOLDER = "coverage/";
    /** Where the data was built: its absolute build paths start here (reference-data/.../coverage/README.md). */
    public static final String BUILD_ROOT = "/work/scratch/covdata/xen/";
    /** The unit tests recorded, each its own data set. */
    public static final List<String> TESTS = List.of("vpci", "rangeset", "pdx-mask", "pdx-offset", "numa", "domid");
    /** The folder of the unexecuted hypervisor build under a tag's reference data. */
    public static final String HYPERVISOR_FOLDER = FOLDER + "hypervisor-x86_64-unexecuted/";

    /** The copies the tests' Makefiles make of hypervisor files, and the snapshot file each stands for. */
    private static final List<String> COPIES = List.of("tools/tests/vpci/vpci.c=xen/drivers/vpci/vpci.c",
            "tools/tests/vpci/private.h=xen/drivers/vpci/private.h", "tools/tests/vpci/vpci.h=xen/include/xen/vpci.h",
            "tools/tests/vpci/list.h=xen/include/xen/list.h", "tools/tests/rangeset/rangeset.c=xen/common/rangeset.c",
            "tools/tests/rangeset/rangeset.h=xen/include/xen/rangeset.h",
            "tools/tests/rangeset/list.h=xen/include/xen/list.h", "tools/tests/pdx/pdx.h=xen/include/xen/pdx.h",
            "tools/tests/numa/numa.h=xen/include/xen/numa.h",
            // symlinks the hypervisor's build makes (xen/arch/x86/efi/Makefile), not files of the repository
            "xen/arch/x86/efi/runtime.c=xen/common/efi/runtime.c",
            "xen/arch/x86/efi/ebmalloc.c=xen/common/efi/ebmalloc.c");

    /** What is compared: an input format of one recording and the reference figures it must give. */
    public enum Input {
        GCOV_JSON("gcc", "gcovr", "gcov JSON"), GCOVR_JSON("gcc", "gcovr", "gcovr JSON"),
        COBERTURA("gcc", "gcovr", "Cobertura XML (gcovr)"), LCOV("gcc", "lcov", "lcov tracefile"),
        LLVM_COV("clang", "llvm-cov", "llvm-cov export JSON"),
        LLVM_MCDC("clang19-mcdc", "llvm-cov", "llvm-cov export JSON with MC/DC");

        final String data;
        final String tool;
        final String label;

        Input(String data, String tool, String label) {
            this.data = data;
            this.tool = tool;
            this.label = label;
        }

        /** The inputs recorded for the hypervisor build. */
        public static final List<Input> HYPERVISOR = List.of(GCOV_JSON, GCOVR_JSON, COBERTURA);

        String slug() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private CoverageReference() {
    }

    /** The path map of the recordings: absolute build paths, or (for gcovr's output) paths relative to its root. */
    public static PathMap pathMap(boolean relative) {
        List<String> entries = new ArrayList<>();
        for (String c : COPIES) {
            entries.add(relative ? c : BUILD_ROOT + c);
        }
        if (!relative) {
            entries.add(BUILD_ROOT + "=");
        }
        return PathMap.parse(entries);
    }

    /** The reference rows of one data folder, tool and test, by snapshot path. */
    static Map<String, long[]> expected(Path tsv, String data, String tool, String test) throws IOException {
        Map<String, long[]> out = new TreeMap<>();
        for (String line : Files.readAllLines(tsv)) {
            String[] p = line.split("\t", -1);
            if (p.length < 13 || !p[0].equals(data) || !p[1].equals(tool) || !p[2].equals(test)) {
                continue;
            }
            long[] v = new long[8];
            for (int i = 0; i < 8; i++) {
                v[i] = p[5 + i].isEmpty() ? -1 : Long.parseLong(p[5 + i]);
            }
            out.merge(p[3], v, (a, b) -> {
                throw new IllegalStateException(tsv + ": two rows for " + data + " " + tool + " " + test + " " + p[3]);
            });
        }
        return out;
    }

    /** The recorded files of one input and test (the whole folder of a test's gcov JSON). */
    static List<Path> inputs(Path folder, Input input, String test) throws IOException {
        return switch (input) {
            case GCOV_JSON -> {
                String dir = test.startsWith("pdx-") ? "pdx" : test;
                String only = test.startsWith("pdx-") ? "test-" + test + "-" : "";
                try (var s = Files.list(folder.resolve("gcc/gcov-json/" + dir))) {
                    yield s.filter(p -> p.getFileName().toString().endsWith(".gcov.json.gz"))
                            .filter(p -> p.getFileName().toString().startsWith(only)).sorted().toList();
                }
            }
            case GCOVR_JSON -> List.of(folder.resolve("gcc/gcovr/" + test + ".json"));
            case COBERTURA -> List.of(folder.resolve("gcc/gcovr/" + test + ".cobertura.xml"));
            case LCOV -> List.of(folder.resolve("gcc/lcov/" + test + ".info"));
            case LLVM_COV -> List.of(folder.resolve("clang/llvm-cov/" + test + ".json.gz"));
            case LLVM_MCDC -> List.of(folder.resolve("clang19-mcdc/llvm-cov/" + test + ".json.gz"));
        };
    }

    /** Imports {@code files} against {@code tree} with the map and merges them as one data set. */
    static CoverageData read(SnapshotFiles tree, PathMap map, List<Path> files, List<String> problems)
            throws IOException {
        List<CoverageData> sets = new ArrayList<>();
        for (CoverageImport i : new CoverageImporter(tree, map).readAll(files)) {
            i.problems().forEach(p -> problems.add(p.toString()));
            if (!i.isRefused()) {
                sets.add(i.data());
            }
        }
        return CoverageData.merge(sets);
    }

    /** The id of {@link #unitTest}'s case (also when it is not run). */
    public static String unitTestId(String tag, Input input, String test) {
        return "coverage-" + tag + "-" + input.slug() + "-" + test;
    }

    /** What {@link #unitTest}'s case compares (also when it is not run). */
    public static String unitTestCompared(String tag, Input input, String test) {
        return input.label + " of Xen's " + test + " unit test at " + tag + " imported, per file, against "
                + (input == Input.LLVM_COV ? "llvm-cov's own lcov export"
                        : input == Input.LLVM_MCDC ? "llvm-cov's own lcov export and its MC/DC summary (expected.tsv)"
                                : input.tool + "'s figures (expected.tsv)");
    }

    /** The id of {@link #hypervisor}'s case (also when it is not run). */
    public static String hypervisorId(String tag, Input input) {
        return "coverage-" + tag + "-hypervisor-" + input.slug();
    }

    /** What {@link #hypervisor}'s case compares (also when it is not run). */
    public static String hypervisorCompared(String tag, Input input) {
        return input.label + " of an x86_64 hypervisor build with CONFIG_COVERAGE at " + tag + " (never run) imported,"
                + " per file, against gcovr's figures (expected.tsv)";
    }

    /** One input of one unit test against the figures of the tool that made it. */
    public static ReferenceCase unitTest(ReferenceData data, Repository repo, String tag, Input input, String test)
            throws IOException {
        Path folder = data.file(tag, FOLDER);
        String id = unitTestId(tag, input, test);
        try (GitSourceTree tree = GitSourceTree.open(repo, tag)) {
            SnapshotFiles files = SnapshotFiles.of(tree);
            List<String> problems = new ArrayList<>();
            boolean relative = input == Input.GCOVR_JSON || input == Input.COBERTURA;
            CoverageData ours = read(files, pathMap(relative), inputs(folder, input, test), problems);
            List<String> differences = new ArrayList<>();
            problems.forEach(p -> differences.add("import: " + p));
            List<ReferenceCase.KnownDeviation> deviations = new ArrayList<>();
            Map<String, long[]> expected;
            if (input == Input.LLVM_COV) {
                // llvm-cov's own lcov export of the same profile, counted with lcov's rules
                expected = new TreeMap<>();
                List<String> lcovProblems = new ArrayList<>();
                CoverageData lcov = read(files, pathMap(false), List.of(folder.resolve("clang/llvm-cov/" + test
                        + ".info")), lcovProblems);
                for (FileCoverage f : lcov.files().values()) {
                    expected.put(f.path(), values(f));
                }
                lcovProblems.forEach(p -> differences.add("import: " + p));
            } else if (input == Input.LLVM_MCDC) {
                // lines, branches and functions: llvm-cov 19's own lcov export; conditions: its MC/DC summary
                expected = new TreeMap<>();
                for (Map.Entry<String, long[]> e : expected(folder.resolve("expected.tsv"), input.data, input.tool,
                        test).entrySet()) {
                    long[] v = {-1, -1, -1, -1, -1, -1, e.getValue()[6], e.getValue()[7]};
                    expected.put(e.getKey(), v);
                }
                List<String> lcovProblems = new ArrayList<>();
                CoverageData lcov = read(files, pathMap(false), List.of(folder.resolve("clang19-mcdc/llvm-cov/" + test
                        + ".info")), lcovProblems);
                for (FileCoverage f : lcov.files().values()) {
                    long[] v = expected.computeIfAbsent(f.path(), k -> new long[] {-1, -1, -1, -1, -1, -1, -1, -1});
                    System.arraycopy(values(f), 0, v, 0, 6);
                }
                lcovProblems.forEach(p -> differences.add("import: " + p));
            } else {
                expected = expected(folder.resolve("expected.tsv"), input.data, input.tool, test);
            }
            compare(input, expected, ours, differences, deviations);
            return ReferenceCase.of(id, USE_CASE, unitTestCompared(tag, input, test), expected.size() + " files",
                    ours.files().size() + " files (" + countDifferences(differences)
                            + " differing)", differences, deviations);
        }
    }

    /**
     * The hypervisor built for x86_64 with {@code CONFIG_COVERAGE} and never run (every count 0): {@code input} is
     * GCOV_JSON (the build's 308 gcov JSON files), GCOVR_JSON or COBERTURA, against gcovr's figures of 438 files.
     */
    public static ReferenceCase hypervisor(ReferenceData data, Repository repo, String tag, Input input)
            throws IOException {
        Path folder = data.file(tag, HYPERVISOR_FOLDER);
        String id = hypervisorId(tag, input);
        List<Path> files = switch (input) {
            case GCOV_JSON -> List.of(folder.resolve("gcov-json"));
            case GCOVR_JSON -> List.of(folder.resolve("gcovr/hypervisor.json.gz"));
            case COBERTURA -> List.of(folder.resolve("gcovr/hypervisor.cobertura.xml.gz"));
            default -> throw new IllegalArgumentException("no " + input.label + " of the hypervisor is recorded");
        };
        try (GitSourceTree tree = GitSourceTree.open(repo, tag)) {
            List<String> problems = new ArrayList<>();
            CoverageData ours = read(SnapshotFiles.of(tree), pathMap(input != Input.GCOV_JSON), files, problems);
            List<String> differences = new ArrayList<>();
            problems.forEach(p -> differences.add("import: " + p));
            List<ReferenceCase.KnownDeviation> deviations = new ArrayList<>();
            Map<String, long[]> expected = expected(data.file(tag, FOLDER + "expected.tsv"),
                    "hypervisor-x86_64-unexecuted", "gcovr", "hypervisor");
            List<String> branchDifferences = new ArrayList<>();
            compare(input, expected, ours, differences, deviations);
            if (input == Input.GCOV_JSON) {
                // gcovr 5.2 reads gcov's text output, whose branches of inlined code (-O2) differ from gcov's JSON
                differences.removeIf(d -> {
                    boolean branch = d.contains(": branches ");
                    if (branch) {
                        branchDifferences.add(d);
                    }
                    return branch;
                });
                if (!branchDifferences.isEmpty()) {
                    deviations.add(new ReferenceCase.KnownDeviation("branches of " + branchDifferences.size()
                            + " figures", "gcovr 5.2 reads gcov's text output; at -O2 its branches of inlined code"
                                    + " differ from those of gcov's JSON (reference-data/.../coverage/README.md); lines"
                                    + " and functions are compared, and gcovr's own JSON gives its branch figures"
                                    + " exactly: " + String.join("; ", branchDifferences.subList(0,
                                            Math.min(5, branchDifferences.size())))));
                }
            }
            return ReferenceCase.of(id, USE_CASE, hypervisorCompared(tag, input), expected.size() + " files", ours.files().size() + " files (" + countDifferences(differences)
                            + " differing)", differences, deviations);
        }
    }

    private static long countDifferences(List<String> differences) {
        return differences.stream().filter(d -> !d.startsWith("import: ")).count();
    }

    static long[] values(FileCoverage f) {
        return new long[] {f.lines().total(), f.lines().covered(), f.branches().total(), f.branches().covered(),
            f.functionCounter().total(), f.functionCounter().covered(), f.conditions().total(),
            f.conditions().covered()};
    }

    private static final String[] NAMES = {"lines total", "lines covered", "branches total", "branches covered",
        "functions total", "functions covered", "conditions total", "conditions covered"};

    static void compare(Input input, Map<String, long[]> expected, CoverageData ours, List<String> differences,
            List<ReferenceCase.KnownDeviation> deviations) {
        TreeSet<String> paths = new TreeSet<>(expected.keySet());
        paths.addAll(ours.files().keySet());
        boolean cobertura = input == Input.COBERTURA;
        if (cobertura) {
            deviations.add(new ReferenceCase.KnownDeviation("functions of Cobertura XML", "gcovr 5.2 writes no"
                    + " per-file function data in Cobertura (<methods/> is empty): functions are not compared"));
        }
        if (input == Input.LLVM_MCDC) {
            deviations.add(new ReferenceCase.KnownDeviation("condition outcomes", "llvm-cov counts an MC/DC"
                    + " condition as covered when its independence pair was shown; the platform counts two outcomes"
                    + " per condition (as gcov does), both covered with the pair: twice llvm-cov's figures"));
        }
        for (String p : paths) {
            long[] e = expected.get(p);
            FileCoverage f = ours.files().get(p);
            if (e == null) {
                if (f != null && f.size() == 0 && f.functions().isEmpty()) {
                    continue; // a file the data names with nothing to count
                }
                differences.add(p + ": not in the reference");
                continue;
            }
            if (f == null) {
                if (allZero(e)) {
                    continue;
                }
                differences.add(p + ": not imported");
                continue;
            }
            long[] o = values(f);
            for (int i = 0; i < 8; i++) {
                boolean conditions = i >= 6;
                if (cobertura && (i == 4 || i == 5)) {
                    continue;
                }
                if (conditions && input != Input.LLVM_MCDC) {
                    continue;
                }
                long want = conditions ? 2 * e[i] : e[i];
                if (e[i] >= 0 && o[i] != want) {
                    differences.add(p + ": " + NAMES[i] + " " + o[i] + ", expected " + want);
                }
            }
        }
    }

    private static boolean allZero(long[] v) {
        for (long x : v) {
            if (x > 0) {
                return false;
            }
        }
        return true;
    }
}
