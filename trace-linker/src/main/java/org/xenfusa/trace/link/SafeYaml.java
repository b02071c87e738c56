package org.xenfusa.trace.link;

import java.io.StringReader;
import java.util.List;

import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.TextLines;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The safe way this library reads YAML (link files, trace policies): composed into nodes, never constructed into objects (no tag
 * can instantiate a class), aliases, nesting and size limited; every node keeps its line. The composer keeps duplicate
 * keys (only construction refuses them), so a reader of the nodes must refuse them itself, as the link-file and policy
 * readers do.
 */
public final class SafeYaml {
    private SafeYaml() {
    }

    /**
     * The document's root node, {@code null} for an empty document or when it is not valid YAML; then a problem naming
     * the file and line is added to {@code problems}.
     */
    public static Node compose(String path, byte[] content, int maxBytes, int maxNesting, List<ImportProblem> problems) {
        if (content.length > maxBytes) {
            problems.add(new ImportProblem(new Location(path, 0), "file of " + content.length
                    + " bytes is larger than the limit of " + maxBytes + " bytes: not read"));
            return null;
        }
        StreamReader reader = new StreamReader(new StringReader(TextLines.decode(content)));
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            options.setAllowRecursiveKeys(false);
            options.setNestingDepthLimit(maxNesting);
            options.setCodePointLimit(maxBytes);
            Composer composer = new Composer(new ParserImpl(reader, options), new Resolver(), options);
            return composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(new ImportProblem(new Location(path, m == null ? 0 : m.getLine() + 1),
                    "not valid YAML: " + e.getProblem()));
            return null;
        } catch (YAMLException e) {
            // a limit (aliases, nesting, size) carries no mark: where the reader stopped is the line
            problems.add(new ImportProblem(new Location(path, reader.getMark().getLine() + 1),
                    "not valid YAML: " + e.getMessage()));
            return null;
        }
    }
}
