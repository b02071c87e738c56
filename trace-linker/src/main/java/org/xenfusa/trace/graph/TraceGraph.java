package org.xenfusa.trace.graph;

import java.util.ArrayList;
import java.util.List;

import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.link.LinkItems;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationItem;

/**
 * The one graph of a snapshot: specification items and coverage tags from the tree, plus the
 * items that link files stand for, traced together.
 */
public record TraceGraph(TraceResult trace, LinkItems links, List<SpecificationItem> tagItems,
        List<ImportProblem> problems) {
    public TraceGraph {
        tagItems = List.copyOf(tagItems);
        problems = List.copyOf(problems);
    }

    /**
     * The tags in the code (and the items links stand for) that OpenFastTrace reports as defects: a tag covering an
     * item that does not exist (orphaned), an outdated or predated revision, an ambiguous or unwanted link. They are
     * no requirements, but a trace with any is not clean, as {@code oft trace} fails on them.
     */
    public List<TracedItem> anchorDefects() {
        java.util.Set<org.xenfusa.trace.spec.SpecificationItemId> anchors = new java.util.HashSet<>();
        tagItems.forEach(t -> anchors.add(t.id()));
        links.items().forEach(i -> anchors.add(i.id()));
        return trace.items().stream().filter(t -> anchors.contains(t.id()) && t.defect()).toList();
    }

    /** Traced with OpenFastTrace's rules. */
    public static TraceGraph build(SpecificationImport imported, LinkSet linkSet, FunctionIndex index) {
        return build(imported, linkSet, index, CoverageRules.OFT);
    }

    /** Traced with {@code rules} deciding which links are wanted and when an item is covered. */
    public static TraceGraph build(SpecificationImport imported, LinkSet linkSet, FunctionIndex index,
            CoverageRules rules) {
        LinkItems links = LinkItems.resolve(linkSet, index);
        List<SpecificationItem> all = new ArrayList<>(imported.items());
        all.addAll(links.items());
        List<ImportProblem> problems = new ArrayList<>(imported.problems());
        problems.addAll(links.problems());
        // the items found in code files by their tags (every file OpenFastTrace's tag importer reads: C and assembly,
        // but also Java, Python or shell) are the code anchors of the tree itself; the specification's items (markup,
        // or imported from a spreadsheet or ReqIF) are requirements
        List<SpecificationItem> tags = imported.items().stream()
                .filter(i -> org.xenfusa.trace.spec.CoverageTagImporter.readsByDefault(i.location().path())
                        || org.xenfusa.trace.function.FunctionParser.handles(i.location().path())).toList();
        return new TraceGraph(new Tracer(rules).trace(all), links, tags, problems);
    }
}
