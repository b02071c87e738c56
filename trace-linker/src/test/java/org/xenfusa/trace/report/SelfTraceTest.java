package org.xenfusa.trace.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationScanner;

/**
 * The platform's own specification ({@code docs/spec/}: use cases, requirements, design, potential errors) traced by
 * the platform's own trace engine against the tags in its own code and tests, as {@code fusa trace} traces (the same
 * scanner, {@link Traceability} and OpenFastTrace's rules, {@link TracePolicy#oft()}). Any uncovered or defect item
 * fails the build, named by id and location.
 * <p>
 * What is read (the self-trace view, {@code docs/spec/README.md}): the Markdown files under {@code docs/spec/}, and
 * from every {@code src/} Java file of the repository's working tree only its line comments outside text blocks,
 * other lines blanked so that locations stay right. Tags in strings, text blocks and Javadoc are test data or
 * examples of the tag syntax (the importer's own tests), not this platform's coverage. {@code scripts/self-trace.sh}
 * makes the same view for {@code fusa trace}.
 */
// [utest->err~own-requirement-untraced~1]
class SelfTraceTest {
    private static final String SPEC = "docs/spec/";
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", "data",
            "hypervisor-sources-submodule", "reference-data");

    @Test
    void thePlatformsOwnSpecificationIsCoveredByItsCodeAndTests(@TempDir Path view) throws IOException {
        Path root = repositoryRoot();
        int javaFiles = writeView(root, view);
        assertThat(javaFiles).as("Java files read from %s", root).isGreaterThan(100);

        DirectorySourceTree tree = DirectorySourceTree.open(view);
        SpecificationImport specs = SpecificationScanner.under("").scan(tree);
        assertThat(specs.problems()).as("problems reading the specification and the tags")
                .extracting(ImportProblem::toString).isEmpty();

        TraceReport report = Traceability.trace(specs, LinkSet.empty(), FunctionIndex.of(tree), List.of(),
                TracePolicy.oft());
        List<RequirementTrace> spec = report.requirements().stream().filter(r -> r.location().startsWith(SPEC))
                .toList();
        Map<String, Long> perType = spec.stream()
                .collect(Collectors.groupingBy(RequirementTrace::type, TreeMap::new, Collectors.counting()));
        assertThat(perType).as("items per type in " + SPEC).containsOnlyKeys("feat", "req", "dsn", "err");

        List<String> failing = new ArrayList<>();
        for (RequirementTrace r : report.requirements()) {
            // every item of the spec covered, by the platform's verdict and OpenFastTrace's alike
            if (r.overall() == Verdict.UNCOVERED || r.overall() == Verdict.DEFECT
                    || r.location().startsWith(SPEC) && (r.overall() != Verdict.COVERED
                            || !r.oftVerdict().equals("covered"))) {
                failing.add(r.id() + " at " + r.location() + ": " + r.overall().label() + " ("
                        + (r.overallReason().isEmpty() ? r.oftVerdict() : r.overallReason()) + ")");
            }
        }
        assertThat(failing).as("items of the self-trace that fail (uncovered or defect); " + perType).isEmpty();

        // implementation is tagged in main code, tests in test code
        // (the tags are the trace's code anchors, not requirements of the report: read them from the import)
        List<org.xenfusa.trace.spec.SpecificationItem> tags = specs.items().stream()
                .filter(i -> i.type().equals("impl") || i.type().equals("utest")).toList();
        assertThat(tags).as("tags read from the code and tests").hasSizeGreaterThan(100);
        assertThat(report.requirements()).as("tags are code anchors, never requirements of the report")
                .noneMatch(r -> r.type().equals("impl") || r.type().equals("utest"));
        List<String> misplaced = tags.stream()
                .filter(i -> i.type().equals("impl") && !i.location().path().contains("/src/main/")
                        || i.type().equals("utest") && !i.location().path().contains("/src/test/"))
                .map(i -> i.id() + " at " + i.location()).toList();
        assertThat(misplaced).as("impl tags outside src/main, utest tags outside src/test").isEmpty();

        // every design item and every potential error is shown by a test; every design item has code
        for (RequirementTrace r : spec) {
            if (r.type().equals("dsn")) {
                assertThat(r.needs()).as(r.id()).containsExactlyInAnyOrder("impl", "utest");
            }
            if (r.type().equals("err")) {
                assertThat(r.needs()).as(r.id()).containsExactly("utest");
            }
        }
    }

    /** The repository's root: the first folder above the working folder with {@code docs/spec/} and a pom.xml. */
    static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(SPEC)) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/spec/ folder with a pom.xml above " + start);
    }

    /** Writes the self-trace view of {@code root} into {@code view}; returns the number of Java files. */
    static int writeView(Path root, Path view) throws IOException {
        List<Path> sources = new ArrayList<>();
        List<Path> spec = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && SKIPPED_FOLDERS.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (rel.startsWith(SPEC) && rel.endsWith(".md")) {
                    spec.add(file);
                } else if (rel.endsWith(".java") && rel.contains("/src/")) {
                    sources.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path f : spec) {
            copy(root, view, f, Files.readString(f, StandardCharsets.UTF_8));
        }
        for (Path f : sources) {
            copy(root, view, f, lineCommentsOnly(Files.readString(f, StandardCharsets.UTF_8)));
        }
        return sources.size();
    }

    /** The line comments of a Java file outside text blocks; every other line blank, so that line numbers stay. */
    static String lineCommentsOnly(String source) {
        StringBuilder out = new StringBuilder();
        boolean inTextBlock = false;
        for (String line : source.split("\n", -1)) {
            String trimmed = line.strip();
            boolean comment = !inTextBlock && trimmed.startsWith("//");
            if (!comment) {
                int at = line.indexOf("\"\"\"");
                while (at >= 0) {
                    inTextBlock = !inTextBlock;
                    at = line.indexOf("\"\"\"", at + 3);
                }
            }
            out.append(comment ? line : "").append('\n');
        }
        return out.toString();
    }

    private static void copy(Path root, Path view, Path file, String text) throws IOException {
        Path target = view.resolve(root.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }
}
