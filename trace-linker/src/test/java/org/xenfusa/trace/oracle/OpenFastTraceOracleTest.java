package org.xenfusa.trace.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.itsallcode.openfasttrace.api.importer.tag.config.PathConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.trace.graph.TraceResult;
import org.xenfusa.trace.graph.Tracer;
import org.xenfusa.trace.spec.ShortTagRule;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationScanner;

/**
 * Our import and trace against OpenFastTrace 4.4.0's own, item by item: every field of every
 * item, its links per state, shallow and deep coverage and the defect flag. OFT reads the same
 * files in the same order (it is given the file list, so that duplicate handling, which depends
 * on order, is compared too) and names them by the same absolute paths.
 */
// [utest->dsn~oft-tracer~1] [utest->err~verdict-differs-from-oft~1]
class OpenFastTraceOracleTest {
    @TempDir Path tmp;

    @Test
    void syntheticInputsGiveOftsVerdictsItemByItem() throws IOException {
        SyntheticSpecifications.write(tmp);
        List<PathConfig> oftShort = List.of(PathConfig.builder().patternPathMatcher("glob:**/src/short/*.c")
                .tagArtifactType("impl").coveredItemArtifactType("XenSwdgn").build());
        Comparison c = compare(tmp, oftShort, SyntheticSpecifications.shortTagRules());
        assertThat(c.ours()).containsExactlyElementsOf(c.oft());
        // the synthetic set must exercise every verdict, or this comparison proves little
        Set<String> states = c.ours().stream().flatMap(v -> v.links().keySet().stream()).collect(Collectors.toSet());
        assertThat(states).contains("COVERS", "PREDATED", "OUTDATED", "AMBIGUOUS", "UNWANTED", "ORPHANED",
                "COVERED_SHALLOW", "COVERED_UNWANTED", "COVERED_PREDATED", "COVERED_OUTDATED", "DUPLICATE");
        assertThat(c.ours()).extracting(ItemView::deepCoverage).contains("covered", "uncovered", "cycle");
        assertThat(c.ours()).extracting(ItemView::status).contains("rejected", "draft", "proposed", "approved");
        assertThat(c.ours()).anyMatch(ItemView::forwards).anyMatch(v -> !v.defect()).anyMatch(ItemView::defect);
        assertThat(c.ours()).anyMatch(v -> v.id().startsWith("impl~console_driver-"))
                .anyMatch(v -> v.id().equals("impl~custom-name~3"));
        System.out.printf("OFT oracle, synthetic: %d items compared, 0 differ, %d defects%n", c.ours().size(),
                c.ours().stream().filter(ItemView::defect).count());
    }

    /**
     * OFT's verdicts on the synthetic set are exactly those recorded in reference-data/ (which fusa qualify compares
     * with, without OFT); our trace gives them through {@link OftReference}, the code fusa qualify runs.
     */
    @Test
    void oftsVerdictsOnTheSyntheticSetAreTheRecordedOnes() throws IOException {
        // OFT reads the files by relative paths (the working directory is this module's folder)
        Path work = Path.of(OftReference.LOCATION);
        if (Files.exists(work)) {
            try (var walk = Files.walk(work)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        SyntheticSpecifications.write(work);
        List<PathConfig> oftShort = List.of(PathConfig.builder().patternPathMatcher("glob:**/src/short/*.c")
                .tagArtifactType("impl").coveredItemArtifactType("XenSwdgn").build());
        List<Path> files;
        try (DirectorySourceTree tree = DirectorySourceTree.open(work)) {
            files = tree.files().stream().map(f -> Path.of(OftReference.LOCATION + f.path())).toList();
        }
        List<ItemView> oft = OftOracle.run(files, oftShort).items();
        assertThat(oft).containsExactlyElementsOf(OftReference.ours(work, SyntheticSpecifications.shortTagRules(),
                OftReference.LOCATION));
        Path data = org.xenfusa.sloc.reference.ReferenceData.above(Path.of("").toAbsolutePath()).orElseThrow().root();
        String recording = OftReference.recording(oft);
        Path written = Path.of("target", "synthetic-verdicts.txt");
        Files.writeString(written, recording);
        assertThat(OftReference.recorded(data.resolve(OftReference.RECORDING)))
                .as("OFT's verdicts as recorded (OFT's current ones are in %s)", written.toAbsolutePath())
                .containsExactlyElementsOf(oft.stream().map(ItemView::canonical).toList());
        var c = OftReference.synthetic(data, tmp.resolve("again"));
        assertThat(c.differences()).isEmpty();
        assertThat(c.passed()).isTrue();
    }

    /** The Xen release whose docs/fusa/reqs are compared (read from git, whatever is checked out). */
    static final String XEN_RELEASE = "RELEASE-4.22.0";

    @Test
    void xenFusaRequirementsGiveOftsVerdictsItemByItem() throws IOException {
        String xen = System.getenv("XEN_SRC");
        Assumptions.assumeTrue(xen != null && !xen.isBlank(), "XEN_SRC not set: point it at a Xen clone with its tags"
                + " (e.g. XEN_SRC=/path/to/xen mvn verify) to compare docs/fusa/reqs of " + XEN_RELEASE
                + " with OpenFastTrace");
        Path reqs = extract(Path.of(xen), XEN_RELEASE, "docs/fusa/reqs/", tmp.resolve("xen"));
        Comparison c = compare(reqs, List.of(), List.of());
        assertThat(c.ours()).hasSizeGreaterThan(20);
        Map<String, ItemView> oft = byKey(c.oft());
        Map<String, ItemView> ours = byKey(c.ours());
        assertThat(ours.keySet()).isEqualTo(oft.keySet());
        Set<String> differing = new TreeSet<>();
        ours.forEach((k, v) -> {
            if (!v.equals(oft.get(k))) {
                differing.add(k);
            }
        });
        assertThat(differing).as("items that differ from OFT").isEmpty();
        assertThat(c.ours()).containsExactlyElementsOf(c.oft());
        System.out.printf("OFT oracle, Xen docs/fusa/reqs: %d items compared, 0 differ, %d defects%n",
                c.ours().size(), c.ours().stream().filter(ItemView::defect).count());
    }

    @Test
    void theBenchmarkSetGivesOftsVerdictsItemByItem() throws IOException {
        int links = org.xenfusa.trace.bench.SyntheticTraceSet.write(tmp);
        assertThat(links).isEqualTo(50_000);
        Comparison c = compare(tmp, List.of(), List.of());
        assertThat(c.ours()).hasSize(50_500).containsExactlyElementsOf(c.oft());
        assertThat(c.ours()).anyMatch(ItemView::defect);
        System.out.printf("OFT oracle, benchmark set: %d items compared, 0 differ, %d defects%n", c.ours().size(),
                c.ours().stream().filter(ItemView::defect).count());
    }

    /** Writes the files under {@code folder} of {@code ref} in the git repository at {@code clone} below {@code target}. */
    static Path extract(Path clone, String ref, String folder, Path target) throws IOException {
        boolean bare = !Files.exists(clone.resolve(".git"));
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        try (Repository repo = (bare ? builder.setGitDir(clone.toFile()) : builder.setWorkTree(clone.toFile())).build();
             GitSourceTree tree = GitSourceTree.open(repo, ref)) {
            List<SourceFile> files = tree.filesUnder(folder);
            assertThat(files).as(folder + " at " + ref).isNotEmpty();
            for (SourceFile f : files) {
                Path out = target.resolve(f.path());
                Files.createDirectories(out.getParent());
                Files.write(out, tree.read(f));
            }
        }
        return target.resolve(folder);
    }

    record Comparison(List<ItemView> oft, List<ItemView> ours) {
    }

    static Comparison compare(Path root, List<PathConfig> oftShort, List<ShortTagRule> ourShort) throws IOException {
        try (DirectorySourceTree tree = DirectorySourceTree.open(root)) {
            List<Path> files = tree.files().stream().map(SourceFile::path).map(root::resolve).toList();
            List<ItemView> oft = OftOracle.run(files, oftShort).items();
            SpecificationImport imported = SpecificationScanner.under("").withShortTags(ourShort)
                    .withLocationPrefix(root + "/").scan(tree);
            // the shipped oft policy is OpenFastTrace's rules: the oracle compares the trace under it
            TraceResult trace = new Tracer(org.xenfusa.trace.policy.TracePolicy.oft()).trace(imported.items());
            return new Comparison(oft, OurTrace.views(trace));
        }
    }

    private static Map<String, ItemView> byKey(List<ItemView> views) {
        Map<String, ItemView> m = new LinkedHashMap<>();
        views.forEach(v -> m.put(v.key(), v));
        return m;
    }
}
