package org.xenfusa.trace.spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.sloc.tree.SourceTree;

/**
 * Imports every specification item and coverage tag of a source tree, choosing the reader per
 * file as OFT does (Markdown, reStructuredText, or tags by extension; a file two readers claim is
 * skipped with a problem, as OFT skips it). Files are read in path order.
 *
 * @param include          which paths to read
 * @param shortTags        rules for short tags, the first matching one applies
 * @param locationPrefix   put before every path in locations and generated tag names (OFT names
 *                         files by the path it was given, so an oracle run passes its folder here)
 * @param maxFileBytes     larger files are skipped with a problem
 */
// [impl->dsn~coverage-tags~1]
public record SpecificationScanner(Predicate<String> include, List<ShortTagRule> shortTags, String locationPrefix,
        long maxFileBytes) {
    public static final long DEFAULT_MAX_FILE_BYTES = 32L * 1024 * 1024;

    public SpecificationScanner {
        shortTags = List.copyOf(shortTags);
    }

    /** Reads every file under {@code prefix} ("" for all), locations relative to the tree's root. */
    public static SpecificationScanner under(String prefix) {
        String p = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        return new SpecificationScanner(path -> path.startsWith(p), List.of(), "", DEFAULT_MAX_FILE_BYTES);
    }

    public SpecificationScanner withShortTags(List<ShortTagRule> rules) {
        return new SpecificationScanner(include, rules, locationPrefix, maxFileBytes);
    }

    public SpecificationScanner withLocationPrefix(String prefix) {
        return new SpecificationScanner(include, shortTags, prefix, maxFileBytes);
    }

    public SpecificationImport scan(SourceTree tree) throws IOException {
        List<SpecificationImport> parts = new ArrayList<>();
        for (SourceFile f : tree.files()) {
            if (include.test(f.path())) {
                importFile(tree, f).ifPresent(parts::add);
            }
        }
        List<SpecificationItem> items = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (SpecificationImport p : parts) {
            items.addAll(p.items());
            problems.addAll(p.problems());
        }
        return new SpecificationImport(items, problems);
    }

    /** The import of one file, or empty when no reader takes it. */
    public Optional<SpecificationImport> importFile(SourceTree tree, SourceFile file) throws IOException {
        String name = locationPrefix + file.path();
        Optional<MarkupDialect> dialect = MarkupDialect.forFileName(file.path());
        Optional<ShortTagRule> rule = shortTags.stream().filter(r -> r.paths().test(file.path())).findFirst();
        boolean tags = CoverageTagImporter.readsByDefault(file.path()) || rule.isPresent();
        if (dialect.isEmpty() && !tags) {
            return Optional.empty();
        }
        if (dialect.isPresent() && tags) {
            return Optional.of(problem(name, "two importers claim this file (markup and tags): skipped, as OFT does"));
        }
        if (file.size() > maxFileBytes) {
            return Optional.of(problem(name, "file of " + file.size() + " bytes is larger than the limit of "
                    + maxFileBytes + " bytes: skipped"));
        }
        byte[] content = tree.read(file);
        return Optional.of(dialect.isPresent() ? MarkupSpecificationImporter.importFile(dialect.get(), name, content)
                : CoverageTagImporter.importFile(name, content, rule));
    }

    private static SpecificationImport problem(String path, String message) {
        return new SpecificationImport(List.of(), List.of(new ImportProblem(new Location(path, 0), message)));
    }
}
