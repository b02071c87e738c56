package org.xenfusa.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.function.FunctionParser;
import org.xenfusa.trace.link.CodeLink;
import org.xenfusa.trace.link.LinkFileWriter;
import org.xenfusa.trace.link.LinkFileWriter.SuggestionNote;
import org.xenfusa.trace.link.ReviewState;
import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationScanner;
import org.xenfusa.trace.suggest.FunctionSuggester;
import org.xenfusa.trace.suggest.LinkSuggestion;
import org.xenfusa.trace.suggest.MatchReason;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fusa suggest-links}: for each requirement, the functions of a configuration's compiled code that most likely
 * implement it ({@link FunctionSuggester}), written as a link file of draft links with their score and reasons. A
 * draft is never coverage: an engineer reviews it (and another approves it) before it counts.
 */
@Command(name = "suggest-links", mixinStandardHelpOptions = true,
        description = "Suggest draft links from requirements to the functions of a configuration (Apache Lucene).")
final class SuggestLinksCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, description = "Repository path, folder or URL.")
    String repo;

    @Option(names = "--ref", description = "Branch, tag or commit (default HEAD; none for a plain folder).")
    String ref;

    @Option(names = "--path", defaultValue = "", description = "Only read items under this folder (default: the whole tree).")
    String path;

    @Option(names = "--requirement", paramLabel = "ID",
            description = "A requirement to suggest for: its id (XenSwdgn~name~1) or name; repeatable (default: all).")
    List<String> requirements = new ArrayList<>();

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Only requirements of this artifact type (for example XenSwdgn); repeatable.")
    List<String> types = new ArrayList<>();

    @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "Suggestions per requirement (default 5).")
    int top;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The link file to write (YAML).")
    Path out;

    /**
     * The configuration whose functions are candidates: --arch with its starting point, overrides and toolchain, or
     * --config-files; without one, every C and assembly file of the tree.
     */
    @Mixin
    OptionalConfiguration configuration = new OptionalConfiguration();

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new BadInputException("--top must be at least 1, not " + top);
        }
        configuration.check(false);
        FusaCommandLine.requireFolderOf(out, "the link file (--out)");
        try (TreeSource source = TreeSource.open(repo, ref)) {
            SpecificationImport specs = SpecificationScanner.under(path).scan(source.tree());
            specs.problems().forEach(p -> System.err.println("fusa: " + p));
            List<SpecificationItem> chosen = chosen(specs.items());
            Optional<OptionalConfiguration.Chosen> given = configuration.resolve(source.tree(), repo, ref);
            String name = given.map(OptionalConfiguration.Chosen::label).orElse("every C and assembly file");
            List<String> compiled = given.map(OptionalConfiguration.Chosen::compiledFiles).orElseGet(() -> source.tree()
                    .files().stream().map(f -> f.path()).filter(FunctionParser::handles).toList());
            FunctionIndex index = FunctionIndex.of(source.tree());
            List<CodeLink> links = new ArrayList<>();
            Map<CodeLink, SuggestionNote> notes = new LinkedHashMap<>();
            try (FunctionSuggester suggester = FunctionSuggester.of(index, compiled)) {
                System.err.printf("fusa: %s: %d functions in %d files%n", name, suggester.functions(),
                        suggester.files());
                for (SpecificationItem item : chosen) {
                    List<LinkSuggestion> found = suggester.suggest(item, top);
                    System.out.printf("%s: %s%n", item.id(), found.isEmpty() ? "no suggestion"
                            : found.get(0).function() + " (" + found.get(0).file() + ") and " + (found.size() - 1)
                                    + " more");
                    for (LinkSuggestion s : found) {
                        CodeLink link = new CodeLink(item.id(), s.file(), s.function(),
                                s.ambiguous() ? Optional.of(s.lines()) : Optional.empty(), "impl", Optional.empty(),
                                ReviewState.DRAFT, Optional.empty(), Optional.empty(), new Location(out.toString(),
                                        links.size() + 1));
                        links.add(link);
                        notes.put(link, new SuggestionNote(s.score(), s.reasons().stream().map(MatchReason::toString)
                                .toList()));
                    }
                }
            }
            try {
                Files.writeString(out, LinkFileWriter.write(links, List.of(), notes), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BadInputException("cannot write the link file (--out) " + out + ": " + e.getMessage(), e);
            }
            System.out.printf("%d draft links for %d requirements written to %s (drafts: review before they count)%n",
                    links.size(), chosen.size(), out);
            return FusaCommandLine.OK;
        }
    }

    /** The items --requirement and --type choose; an unknown requirement is bad input. */
    private List<SpecificationItem> chosen(List<SpecificationItem> items) {
        List<SpecificationItem> typed = items.stream().filter(i -> types.isEmpty() || types.contains(i.type())).toList();
        if (requirements.isEmpty()) {
            if (typed.isEmpty()) {
                throw new BadInputException("no requirement " + (types.isEmpty() ? "" : "of type " + types + " ")
                        + "found in " + repo + (path.isEmpty() ? "" : " under " + path));
            }
            return typed;
        }
        List<SpecificationItem> out = new ArrayList<>();
        for (String r : requirements) {
            List<SpecificationItem> match = typed.stream()
                    .filter(i -> i.id().toString().equals(r) || i.id().name().equals(r)).toList();
            if (match.isEmpty()) {
                throw new BadInputException("unknown requirement '" + r + "' (--requirement): not among the "
                        + typed.size() + " requirements " + (types.isEmpty() ? "" : "of type " + types + " ")
                        + "read from " + repo + (path.isEmpty() ? "" : " under " + path));
            }
            match.stream().filter(m -> !out.contains(m)).forEach(out::add);
        }
        return out;
    }
}
