package org.xenfusa.trace.self;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.sloc.tree.SourceTree;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.trace.report.RequirementTrace;
import org.xenfusa.trace.report.TraceReport;
import org.xenfusa.trace.report.Traceability;
import org.xenfusa.trace.report.Verdict;
import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationScanner;

/**
 * The self-trace: the platform's specification ({@code docs/spec/}: use cases, requirements, design, potential tool
 * errors) traced by its own engine ({@link Traceability}, OpenFastTrace's rules) against the tags in its own code and
 * tests. What is read (the self-trace view, {@code docs/spec/README.md}): the Markdown files under {@code docs/spec/},
 * and of every Java file under a module's {@code src/} only its line comments outside text blocks, every other line
 * blank so that locations stay right; tags in strings, text blocks and Javadoc are test data or examples of the tag
 * syntax, not this platform's coverage.
 */
// [impl->dsn~self-trace~1]
public final class SelfTrace {
    /** The folder of the platform's specification. */
    public static final String SPEC = "docs/spec/";

    private SelfTrace() {
    }

    /**
     * A self-trace: the report, the problems reading the view, and what fails (an item uncovered or a defect, a spec
     * item not covered by the platform's verdict or OpenFastTrace's, a tag outside {@code src/main} or
     * {@code src/test}), each named by id and location.
     */
    public record Result(TraceReport report, List<ImportProblem> problems, List<SpecificationItem> tags,
            List<String> failing, int javaFiles) {
        /** The spec's items by artifact type. */
        public Map<String, Long> perType() {
            return spec().stream()
                    .collect(Collectors.groupingBy(RequirementTrace::type, TreeMap::new, Collectors.counting()));
        }

        /** The report's items of the spec. */
        public List<RequirementTrace> spec() {
            return report.requirements().stream().filter(r -> r.location().startsWith(SPEC)).toList();
        }

        /** Whether it passes: no problem reading the view and nothing failing. */
        public boolean passes() {
            return problems.isEmpty() && failing.isEmpty();
        }
    }

    /** Whether {@code path} is part of the self-trace view. */
    public static boolean inView(String path) {
        return path.startsWith(SPEC) && path.endsWith(".md") || path.endsWith(".java") && path.contains("/src/");
    }

    /** The text the view holds of a file of the view: the spec as it is, a Java file's line comments only. */
    public static String viewText(String path, String text) {
        return path.endsWith(".java") ? lineCommentsOnly(text) : text;
    }

    /** The self-trace of a tree (a commit of the platform's repository, or its working folder). */
    public static Result trace(SourceTree tree) {
        Map<String, String> view = new TreeMap<>();
        for (SourceFile f : tree.files()) {
            if (inView(f.path())) {
                try {
                    view.put(f.path(), viewText(f.path(), new String(tree.read(f), StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f.path(), e);
                }
            }
        }
        return traceView(view);
    }

    /** The self-trace of a view already made ({@link #inView} paths with their {@link #viewText}). */
    public static Result traceView(Map<String, String> view) {
        SourceTree tree = new ViewTree(view);
        SpecificationImport specs;
        try {
            specs = SpecificationScanner.under("").scan(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the self-trace view", e); // held in memory: cannot happen
        }
        TraceReport report = Traceability.trace(specs, LinkSet.empty(), FunctionIndex.of(tree), List.of(),
                TracePolicy.oft());
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
        // a tag that names no item, or an outdated revision, is a defect as OpenFastTrace reports it
        report.anchorDefects().forEach(t -> failing.add(t.id() + " at " + t.item().location() + ": "
                + String.join(", ", t.problems())));
        // implementation is tagged in main code, tests in test code (the tags are the trace's code anchors, read
        // from the import: they are not requirements of the report)
        List<SpecificationItem> tags = specs.items().stream()
                .filter(i -> i.type().equals("impl") || i.type().equals("utest")).toList();
        tags.stream().filter(i -> i.type().equals("impl") && !i.location().path().contains("/src/main/")
                || i.type().equals("utest") && !i.location().path().contains("/src/test/"))
                .forEach(i -> failing.add(i.id() + " at " + i.location() + ": an " + i.type() + " tag outside src/"
                        + (i.type().equals("impl") ? "main" : "test")));
        int javaFiles = (int) view.keySet().stream().filter(p -> p.endsWith(".java")).count();
        return new Result(report, specs.problems(), tags, List.copyOf(failing), javaFiles);
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

    /** The view as a source tree held in memory (git-style blob ids of the texts). */
    private static final class ViewTree implements SourceTree {
        private final Map<String, byte[]> content = new TreeMap<>();
        private final List<SourceFile> files = new ArrayList<>();

        ViewTree(Map<String, String> view) {
            view.forEach((path, text) -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                content.put(path, bytes);
                files.add(new SourceFile(path, blobId(bytes), bytes.length));
            });
        }

        private static String blobId(byte[] bytes) {
            try {
                MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
                sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
                return HexFormat.of().formatHex(sha1.digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is part of every JDK", e);
            }
        }

        @Override
        public Optional<String> commit() {
            return Optional.empty();
        }

        @Override
        public List<SourceFile> files() {
            return files;
        }

        @Override
        public Optional<SourceFile> file(String path) {
            return files.stream().filter(f -> f.path().equals(path)).findFirst();
        }

        @Override
        public byte[] read(SourceFile file) {
            return content.get(file.path()).clone();
        }
    }
}
