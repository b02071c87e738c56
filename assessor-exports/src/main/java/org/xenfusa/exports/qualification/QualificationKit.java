package org.xenfusa.exports.qualification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.xenfusa.coverage.CoverageReference;
import org.xenfusa.exports.ToolVersion;
import org.xenfusa.sloc.count.ClocCounter;
import org.xenfusa.sloc.count.ClocSummary;
import org.xenfusa.sloc.count.CountedFile;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.reference.ActiveLinesReference;
import org.xenfusa.sloc.reference.ClocReference;
import org.xenfusa.sloc.reference.CompiledFilesReference;
import org.xenfusa.sloc.reference.ConfigurationReference;
import org.xenfusa.sloc.reference.KconfigReference;
import org.xenfusa.sloc.reference.ReferenceCase;
import org.xenfusa.sloc.reference.ReferenceData;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.trace.oracle.OftReference;
import org.xenfusa.trace.self.SelfTrace;

/**
 * Runs every reference comparison the repository's {@code reference-data/} holds data for, on this machine: the cases
 * that need a Xen clone (cloc, Kconfig, compiled files, {@code make cloc}, active lines, structural coverage) only when
 * one is given (otherwise each is stated as not run), the others always (OpenFastTrace's
 * recorded verdicts on the synthetic set; cloc on a synthetic tree when cloc is installed; the platform's trace of its
 * own {@code docs/spec/} when the repository has one).
 */
public final class QualificationKit {
    static final String NO_XEN = "no Xen clone (give --xen PATH or set XEN_SRC)";
    /** The cloc release the counter follows. */
    static final String CLOC_VERSION = "1.96";

    private QualificationKit() {
    }

    /**
     * @param data the reference figures
     * @param xen a Xen clone with every tag {@code data} has figures for, or empty
     * @param project the platform's own repository (for its commit and {@code docs/spec/}), or empty
     * @param work an empty folder for the synthetic trees
     */
    public static QualificationReport run(ReferenceData data, Optional<Path> xen, Optional<Path> project, Path work)
            throws QualificationException, IOException {
        if (!Files.isDirectory(data.root())) {
            throw new QualificationException("no reference data: " + data.root() + " is not a folder");
        }
        String cloc = clocVersion();
        List<ReferenceCase> cases = new ArrayList<>();
        cases.add(guard("oft-oracle-synthetic", OftReference.USE_CASE, "OpenFastTrace's recorded verdicts",
                () -> OftReference.synthetic(data.root(), Files.createDirectories(work.resolve("oft-synthetic")))));
        cases.add(guard("cloc-live-synthetic", ClocReference.USE_CASE, "cloc run here on a synthetic tree",
                () -> clocLive(cloc, Files.createDirectories(work.resolve("cloc-synthetic")))));
        project.flatMap(QualificationKit::selfTrace).ifPresent(cases::add);

        Map<String, String> commits = new LinkedHashMap<>();
        if (xen.isEmpty()) {
            xenCases(data, null, cases);
            return report(data, project, xen, commits, cloc, cases);
        }
        Repository repo;
        try {
            repo = ReferenceData.openClone(xen.get());
        } catch (IOException e) {
            throw new QualificationException("--xen " + xen.get() + ": not a Xen clone: " + e.getMessage(), e);
        }
        try (repo) {
            List<String> missing = data.missingTags(repo);
            if (!missing.isEmpty()) {
                throw new QualificationException("--xen " + xen.get() + " lacks the tags " + String.join(", ", missing)
                        + " that reference-data/ has figures for (git fetch --tags from xen-project/xen)");
            }
            for (String tag : data.tags()) {
                commits.put(tag, ReferenceData.commit(repo, tag));
            }
            xenCases(data, repo, cases);
        }
        return report(data, project, xen, commits, cloc, cases);
    }

    private static QualificationReport report(ReferenceData data, Optional<Path> project, Optional<Path> xen,
            Map<String, String> commits, String cloc, List<ReferenceCase> cases) {
        QualificationReport.Environment env = new QualificationReport.Environment(
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                cloc);
        return new QualificationReport(ToolVersion.NAME, project.map(QualificationKit::commitOf).orElse("unknown"),
                Instant.now(), env, xen.map(Path::toString), commits, claim(data), cases);
    }

    /** The cases of the Xen figures: run on {@code repo}, or each stated as not run when it is null. */
    private static void xenCases(ReferenceData data, Repository repo, List<ReferenceCase> cases) {
        for (String tag : data.tagsWith("whole-repository/cloc-by-file.csv")) {
            cases.add(xen(repo, "cloc-whole-repository-" + tag, ClocReference.USE_CASE,
                    "cloc --by-file on the whole repository at " + tag,
                    () -> ClocReference.wholeRepository(data, repo, tag)));
        }
        for (String tag : data.tagsWith("whole-tree/cloc-xen-dir-by-file.csv")) {
            cases.add(xen(repo, "cloc-xen-folder-" + tag, ClocReference.USE_CASE, "cloc --by-file on xen/ at " + tag,
                    () -> ClocReference.xenFolder(data, repo, tag)));
        }
        for (String tag : data.tagsWith("kconfig")) {
            for (String arch : KconfigReference.ARCHES) {
                for (String target : KconfigReference.TARGETS) {
                    if (data.has(tag, KconfigReference.path(arch, target))) {
                        cases.add(xen(repo, "kconfig-" + tag + "-" + arch + "-" + target, KconfigReference.USE_CASE,
                                "make " + target + " for " + arch + " at " + tag,
                                () -> KconfigReference.config(data, repo, tag, arch, target)));
                    }
                }
            }
        }
        for (String tag : data.tags()) {
            for (String folder : configurationFolders(data, tag)) {
                String arch = folder.substring(0, folder.indexOf('-'));
                cases.add(xen(repo, "compiled-files-" + tag + "-" + folder, CompiledFilesReference.USE_CASE,
                        "compiled files of " + folder + " at " + tag,
                        () -> CompiledFilesReference.compare(data, repo, tag, arch, folder).result()));
                cases.add(xen(repo, "make-cloc-" + tag + "-" + folder, ConfigurationReference.USE_CASE,
                        "make cloc of " + folder + " at " + tag,
                        () -> ConfigurationReference.compare(data, repo, tag, arch, folder).result()));
            }
            for (String name : subfolders(data.root().resolve("xen-" + tag).resolve("active-lines"))) {
                cases.add(xen(repo, "active-lines-" + tag + "-" + name, ActiveLinesReference.USE_CASE,
                        "active code lines of " + name + " at " + tag + " against gcc -E of a real build",
                        () -> ActiveLinesReference.compare(data, repo, tag,
                                ActiveLinesReference.archOf(data, tag, name), name, Map.of()).result()));
            }
        }
        coverageCases(data, repo, cases);
    }

    /**
     * The recorded structural coverage data of a tag ({@code coverage/}): each input format of each unit test, and the
     * hypervisor build's gcov JSON, gcovr JSON and Cobertura, imported and compared per file with the tools' figures.
     */
    private static void coverageCases(ReferenceData data, Repository repo, List<ReferenceCase> cases) {
        for (String tag : data.tagsWith(CoverageReference.FOLDER)) {
            for (CoverageReference.Input input : CoverageReference.Input.values()) {
                for (String test : CoverageReference.TESTS) {
                    cases.add(xen(repo, CoverageReference.unitTestId(tag, input, test), CoverageReference.USE_CASE,
                            CoverageReference.unitTestCompared(tag, input, test),
                            () -> CoverageReference.unitTest(data, repo, tag, input, test)));
                }
            }
            if (data.has(tag, CoverageReference.HYPERVISOR_FOLDER)) {
                for (CoverageReference.Input input : CoverageReference.Input.HYPERVISOR) {
                    cases.add(xen(repo, CoverageReference.hypervisorId(tag, input), CoverageReference.USE_CASE,
                            CoverageReference.hypervisorCompared(tag, input),
                            () -> CoverageReference.hypervisor(data, repo, tag, input)));
                }
            }
        }
    }

    private static List<String> configurationFolders(ReferenceData data, String tag) {
        return subfolders(data.root().resolve("xen-" + tag)).stream()
                .filter(f -> f.endsWith("-defconfig") && data.has(tag, f + "/sources.txt")).toList();
    }

    private static List<String> subfolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A comparison that could not run to its end (an exception) is a failed case naming the exception. */
    interface Comparison {
        ReferenceCase run() throws Exception;
    }

    private static ReferenceCase xen(Repository repo, String id, String useCase, String compared, Comparison c) {
        return repo == null ? ReferenceCase.notRun(id, useCase, compared, NO_XEN) : guard(id, useCase, compared, c);
    }

    private static ReferenceCase guard(String id, String useCase, String compared, Comparison c) {
        try {
            return c.run();
        } catch (Exception | StackOverflowError e) {
            return ReferenceCase.of(id, useCase, compared, "a result", "the comparison did not complete",
                    List.of(e.getClass().getSimpleName() + ": " + e.getMessage()), List.of());
        }
    }

    /** The synthetic tree counted here and by the installed cloc, file by file. */
    static ReferenceCase clocLive(String cloc, Path work) throws IOException, InterruptedException {
        String id = "cloc-live-synthetic";
        String compared = "every file of a synthetic tree (C, assembly, headers, Makefile, Kconfig, shell, Python,"
                + " Java, XML, Markdown, YAML) counted here and by cloc " + CLOC_VERSION + " run on this machine";
        if (!cloc.equals(CLOC_VERSION)) {
            return ReferenceCase.notRun(id, ClocReference.USE_CASE, compared, "cloc " + CLOC_VERSION
                    + " is not installed here (found: " + cloc + "; Debian 12: apt-get install cloc)");
        }
        Path root = work.resolve("tree");
        for (Map.Entry<String, String> f : SyntheticClocTree.FILES.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        Process p = new ProcessBuilder("cloc", "--by-file", "--csv", "--quiet", "tree").directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String csv = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("cloc did not finish normally on " + root);
        }
        Map<String, ClocReference.Lines> expected = ClocReference.readByFileCsv(csv, "cloc output", "tree/");
        ClocCounter counter = new ClocCounter();
        List<CountedFile> files = new ArrayList<>();
        try (DirectorySourceTree tree = DirectorySourceTree.open(root)) {
            for (SourceFile f : tree.files()) {
                files.add(new CountedFile(f.path(), f.blobId(), f.size(), counter.count(f.path(), tree.read(f))));
            }
        }
        ClocSummary summary = ClocSummary.of(files);
        return ReferenceCase.of(id, ClocReference.USE_CASE, compared,
                expected.size() + " files, code " + expected.values().stream().mapToLong(ClocReference.Lines::code).sum(),
                summary.countedFiles().size() + " files, code " + summary.sum().code(),
                ClocReference.compareFiles(summary, expected), List.of());
    }

    /** The platform's own requirements ({@code docs/spec/} and tags in its code) traced by itself, when it has them. */
    static Optional<ReferenceCase> selfTrace(Path project) {
        if (!Files.isDirectory(project.resolve("docs/spec"))) {
            return Optional.empty();
        }
        return Optional.of(guard("self-trace", "trace requirements (the platform's own)",
                "the platform's requirements, design and tags in its own repository", () -> {
                    try (Repository repo = ReferenceData.openClone(project);
                            org.xenfusa.sloc.tree.GitSourceTree tree = org.xenfusa.sloc.tree.GitSourceTree.open(repo,
                                    "HEAD")) {
                        SelfTrace.Result result = SelfTrace.trace(tree);
                        List<String> defects = new ArrayList<>();
                        result.problems().forEach(pr -> defects.add("import: " + pr));
                        defects.addAll(result.failing());
                        return ReferenceCase.of("self-trace", "trace requirements (the platform's own)",
                                "the items of docs/spec/ and the tags of the platform's code and tests at HEAD (the"
                                        + " self-trace view, docs/spec/README.md), traced as fusa trace traces under"
                                        + " the oft policy",
                                "every spec item covered, no defect", result.spec().size() + " spec items, "
                                        + result.failing().size() + " failing",
                                defects, List.of());
                    }
                }));
    }

    /** The claim the report makes, and the restrictions of use that follow from the reference data. */
    static QualificationReport.Claim claim(ReferenceData data) {
        TreeSet<String> arches = new TreeSet<>();
        for (String tag : data.tags()) {
            configurationFolders(data, tag).forEach(f -> arches.add(f.substring(0, f.indexOf('-'))));
            if (data.has(tag, "kconfig")) {
                KconfigReference.ARCHES.stream().filter(a -> KconfigReference.TARGETS.stream()
                        .anyMatch(t -> data.has(tag, KconfigReference.path(a, t)))).forEach(arches::add);
            }
        }
        List<String> profiles = arches.stream().map(a -> ToolchainProfile.defaultFor(a).name()).toList();
        List<String> coverageTags = data.tagsWith(CoverageReference.FOLDER);
        boolean coverage = !coverageTags.isEmpty();
        List<String> useCases = new ArrayList<>(List.of(ClocReference.USE_CASE, KconfigReference.USE_CASE,
                CompiledFilesReference.USE_CASE, ConfigurationReference.USE_CASE, ActiveLinesReference.USE_CASE,
                OftReference.USE_CASE));
        List<String> restrictions = new ArrayList<>(List.of("Xen releases: only the tags with reference data (above);"
                + " at other commits the figures are not compared with a reference.",
                "Architectures and toolchain profiles: those above; Kconfig symbols probed from the compiler"
                        + " follow the profile, not the user's compiler.",
                "Generated sources whose length depends on the compiler (x86 " + CompiledFilesReference.BUILT_IN_32
                        + ") are counted from a declared figure: see the known deviations.",
                "Trace verdicts follow OpenFastTrace 4.4.0's rules under the shipped oft policy; other"
                        + " policies are not compared with OFT."));
        if (coverage) {
            useCases.add(CoverageReference.USE_CASE);
            restrictions.add("Structural coverage: the import is compared on the recorded data of Xen's unit tests"
                    + " and of an unexecuted x86_64 hypervisor build at " + String.join(", ", coverageTags)
                    + ", made by gcc/gcov 12.2, gcovr 5.2, lcov 1.16 and llvm-cov 14 and 19 (MC/DC); data of other"
                    + " tool versions is not compared with a reference. Cobertura XML gives no function figures; for"
                    + " gcovr's branch figures of optimised (-O2) code import gcovr's JSON, not gcov's JSON; MC/DC"
                    + " conditions count two outcomes each (see the known deviations).");
        }
        return new QualificationReport.Claim(
                "ISO 26262-8 clause 11: the platform can fail to detect an error in the evidence it produces (an"
                        + " untraced function, a wrong SLOC figure, a wrong verdict" + (coverage
                                ? ", a wrong coverage figure" : "") + "): tool impact TI2. The reference"
                        + " comparisons of this report detect such errors against the reference tools (cloc, Xen's"
                        + " kconfig and build, OpenFastTrace" + (coverage ? ", gcovr, lcov, llvm-cov" : "")
                        + ") for the use cases and restrictions below; the claimed"
                        + " tool error detection and the resulting TCL are stated on that basis, validation of the"
                        + " tool (clause 11.4.9) being this report re-run on the user's machine.",
                "DO-330: a verification tool (criteria 3), TQL-5; this report is the tool operational verification"
                        + " and validation evidence for the use cases below.",
                List.copyOf(useCases), data.tags(), List.copyOf(arches), profiles, List.copyOf(restrictions));
    }

    /** The installed cloc's version, or "not installed". */
    static String clocVersion() {
        try {
            Process p = new ProcessBuilder("cloc", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0 ? v : "not working (" + v + ")";
        } catch (IOException e) {
            return "not installed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not installed";
        }
    }

    /** The HEAD commit of the platform's repository, or "unknown". */
    static String commitOf(Path project) {
        try (Repository repo = ReferenceData.openClone(project)) {
            ObjectId head = repo.resolve("HEAD");
            return head == null ? "unknown" : head.name();
        } catch (IOException e) {
            return "unknown (" + project + " is not a git clone)";
        }
    }
}
