package org.xenfusa.sloc.kbuild;

import org.xenfusa.sloc.xen.XenArch;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xenfusa.sloc.reference.XenReference;
import org.xenfusa.sloc.tree.SourceTree;

/** Compares both reference configurations of reference-data/xen-RELEASE-4.22.0 with that tag of a real Xen clone (env XEN_SRC). */
// [utest->err~compiled-file-missed~1]
class XenCompiledFilesReferenceTest {

    @ParameterizedTest
    @CsvSource({"x86_64, x86_64-defconfig", "arm64, arm64-defconfig"})
    void matchesMakeClocOfARealBuild(String arch, String folder) throws IOException {
        Path reference = XenReference.file(XenReference.RELEASE, folder);
        try (Repository repo = XenReference.xenRepository();
             SourceTree tree = XenReference.tree(repo, XenReference.RELEASE)) {
            KbuildEvaluator evaluator = KbuildEvaluator.of(tree);
            DotConfig config = DotConfig.parse(Files.readString(reference.resolve(".config")));
            CompiledFileSet result = evaluator.evaluate(XenArch.of(arch), config);
            String xenFolder = evaluator.xenFolder();

            List<String> clocDiff = difference(lines(reference.resolve("sources.txt")), strip(result.makeClocList(), xenFolder));
            List<String> unitDiff = difference(lines(reference.resolve("translation-units.txt")),
                    strip(result.translationUnits().stream().map(TranslationUnit::path).toList(), xenFolder));
            List<String> headerDiff = difference(lines(reference.resolve("headers.txt")),
                    strip(result.headers().stream().map(HeaderFile::path).toList(), xenFolder));
            System.out.printf("%s: make cloc list %d files, %d differences %s; translation units %d, %d differences %s;"
                    + " headers %d, %d differences %s; warnings %d; undecided conditions %d%n", folder,
                    result.makeClocList().size(), clocDiff.size(), clocDiff, result.translationUnits().size(),
                    unitDiff.size(), unitDiff, result.headers().size(), headerDiff.size(), headerDiff,
                    result.warnings().size(), result.undecidedConditions());
            assertThat(clocDiff).as("make cloc list of %s (- missing, + extra)", folder).isEmpty();
            assertThat(unitDiff).as("translation units of %s (- missing, + extra)", folder).isEmpty();
        }
    }


    private static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> strip(List<String> paths, String prefix) {
        return paths.stream().map(p -> p.startsWith(prefix) ? p.substring(prefix.length()) : p).toList();
    }

    /** Missing paths as "- path", extra ones as "+ path". */
    static List<String> difference(List<String> expected, List<String> actual) {
        Set<String> e = new TreeSet<>(expected);
        Set<String> a = new TreeSet<>(actual);
        List<String> out = new java.util.ArrayList<>();
        e.stream().filter(x -> !a.contains(x)).forEach(x -> out.add("- " + x));
        a.stream().filter(x -> !e.contains(x)).forEach(x -> out.add("+ " + x));
        return out;
    }
}
