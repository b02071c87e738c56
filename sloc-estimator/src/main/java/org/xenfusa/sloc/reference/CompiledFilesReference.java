package org.xenfusa.sloc.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jgit.lib.Repository;
import org.xenfusa.sloc.kbuild.CompiledFileSet;
import org.xenfusa.sloc.kbuild.DotConfig;
import org.xenfusa.sloc.kbuild.KbuildEvaluator;
import org.xenfusa.sloc.kbuild.TranslationUnit;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.xen.XenArch;

/**
 * The Makefile evaluation against a real build: for a recorded {@code .config}, the list {@code make cloc} gave cloc
 * ({@code sources.txt}) and the compiled translation units ({@code translation-units.txt}).
 */
public final class CompiledFilesReference {
    public static final String USE_CASE = "list the compiled files of a configuration";
    /** The generated source whose length depends on the compiler (see reference-data/README.md). */
    public static final String BUILT_IN_32 = "arch/x86/boot/built-in-32.S";

    private CompiledFilesReference() {
    }

    /** The result with the platform's lists, for callers that print more. */
    public record Comparison(ReferenceCase result, CompiledFileSet files, List<String> makeClocDifferences,
            List<String> unitDifferences) {
    }

    public static Comparison compare(ReferenceData data, Repository repo, String tag, String arch, String folder)
            throws IOException {
        Path reference = data.file(tag, folder);
        CompiledFileSet result;
        String xenFolder;
        try (GitSourceTree tree = GitSourceTree.open(repo, tag)) {
            KbuildEvaluator evaluator = KbuildEvaluator.of(tree);
            DotConfig config = DotConfig.parse(Files.readString(reference.resolve(".config")));
            result = evaluator.evaluate(XenArch.of(arch), config);
            xenFolder = evaluator.xenFolder();
        }
        List<String> expectedList = lines(reference.resolve("sources.txt"));
        List<String> clocDiff = difference(expectedList, strip(result.makeClocList(), xenFolder));
        List<String> expectedUnits = lines(reference.resolve("translation-units.txt"));
        List<String> unitDiff = difference(expectedUnits,
                strip(result.translationUnits().stream().map(TranslationUnit::path).toList(), xenFolder));
        List<String> differences = new ArrayList<>();
        clocDiff.forEach(d -> differences.add("make cloc list " + d));
        unitDiff.forEach(d -> differences.add("translation units " + d));
        List<ReferenceCase.KnownDeviation> deviations = new ArrayList<>();
        if (expectedList.contains(BUILT_IN_32)) {
            deviations.add(builtIn32());
        }
        ReferenceCase c = ReferenceCase.of("compiled-files-" + tag + "-" + folder, USE_CASE,
                "the files make cloc lists and the translation units compiled by a real build of " + folder + " at "
                        + tag,
                expectedList.size() + " listed files, " + expectedUnits.size() + " translation units",
                result.makeClocList().size() + " listed files, " + result.translationUnits().size()
                        + " translation units (" + result.translationUnits().stream().map(TranslationUnit::path)
                                .distinct().count() + " distinct paths)",
                differences, deviations);
        return new Comparison(c, result, clocDiff, unitDiff);
    }

    /** Why {@link #BUILT_IN_32} is named but not counted from the tree. */
    public static ReferenceCase.KnownDeviation builtIn32() {
        return new ReferenceCase.KnownDeviation(BUILT_IN_32,
                "made by the build from compiled 32-bit objects, so no tree holds it: the platform lists it by"
                        + " evaluating the Makefiles (compared here) but takes its line count from the toolchain"
                        + " profile, which declares the figure measured in real builds of RELEASE-4.22.0 with gcc 12.2"
                        + " (x86_64 defconfig 284 code lines, allyesconfig 251). Another compiler, commit or"
                        + " configuration makes a file of another length: the report then carries a warning, and the"
                        + " user gives the count of their own build (--generated-count). Restriction of use: make"
                        + " cloc totals on x86 are exact only for the measured toolchain profile or a declared count.");
    }

    static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static List<String> strip(List<String> paths, String prefix) {
        return paths.stream().map(p -> p.startsWith(prefix) ? p.substring(prefix.length()) : p).toList();
    }

    /** Missing paths as "- path", extra ones as "+ path". */
    public static List<String> difference(List<String> expected, List<String> actual) {
        Set<String> e = new TreeSet<>(expected);
        Set<String> a = new TreeSet<>(actual);
        List<String> out = new ArrayList<>();
        e.stream().filter(x -> !a.contains(x)).forEach(x -> out.add("- " + x));
        a.stream().filter(x -> !e.contains(x)).forEach(x -> out.add("+ " + x));
        return out;
    }
}
