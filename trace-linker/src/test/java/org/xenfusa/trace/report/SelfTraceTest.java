package org.xenfusa.trace.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.trace.self.SelfTrace;
import org.xenfusa.trace.spec.ImportProblem;

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
// [utest->err~own-requirement-untraced~1] [utest->dsn~self-trace~1]
class SelfTraceTest {
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", "data",
            "hypervisor-sources-submodule", "reference-data");

    @Test
    void thePlatformsOwnSpecificationIsCoveredByItsCodeAndTests() throws IOException {
        Path root = repositoryRoot();
        SelfTrace.Result result = SelfTrace.traceView(view(root));
        assertThat(result.javaFiles()).as("Java files read from %s", root).isGreaterThan(100);
        assertThat(result.problems()).as("problems reading the specification and the tags")
                .extracting(ImportProblem::toString).isEmpty();
        assertThat(result.perType()).as("items per type in " + SelfTrace.SPEC)
                .containsOnlyKeys("feat", "req", "dsn", "err");
        assertThat(result.failing()).as("items of the self-trace that fail; " + result.perType()).isEmpty();
        assertThat(result.passes()).isTrue();
        assertThat(result.tags()).as("tags read from the code and tests").hasSizeGreaterThan(100);
        assertThat(result.report().requirements()).as("tags are code anchors, never requirements of the report")
                .noneMatch(r -> r.type().equals("impl") || r.type().equals("utest"));

        // every design item and every potential error is shown by a test; every design item has code
        for (RequirementTrace r : result.spec()) {
            if (r.type().equals("dsn")) {
                assertThat(r.needs()).as(r.id()).containsExactlyInAnyOrder("impl", "utest");
            }
            if (r.type().equals("err")) {
                assertThat(r.needs()).as(r.id()).containsExactly("utest");
            }
        }
    }

    @Test
    void aTagNamingNoItemOrOutsideItsFolderFailsTheSelfTraceByName() throws IOException {
        java.util.Map<String, String> view = new java.util.TreeMap<>(view(repositoryRoot()));
        view.put("web-app/src/test/java/Broken.java", "// [utest->dsn~no-such-design~1]\n");
        view.put("web-app/src/test/java/Misplaced.java", "// [impl->dsn~self-trace~1]\n");
        SelfTrace.Result result = SelfTrace.traceView(view);
        assertThat(result.passes()).isFalse();
        assertThat(result.failing()).anySatisfy(f -> assertThat(f).contains("web-app/src/test/java/Broken.java:1")
                .contains("orphaned")).anySatisfy(f -> assertThat(f).contains("Misplaced.java:1")
                        .contains("an impl tag outside src/main"));
    }

    /** The repository's root: the first folder above the working folder with {@code docs/spec/} and a pom.xml. */
    static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(SelfTrace.SPEC)) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/spec/ folder with a pom.xml above " + start);
    }

    /** The self-trace view of the working folder {@code root}: {@link SelfTrace#inView} files, skipped folders left out. */
    static java.util.Map<String, String> view(Path root) throws IOException {
        java.util.Map<String, String> view = new java.util.TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && SKIPPED_FOLDERS.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (SelfTrace.inView(rel)) {
                    view.put(rel, SelfTrace.viewText(rel, Files.readString(file, StandardCharsets.UTF_8)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return view;
    }
}
