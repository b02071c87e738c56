package org.xenfusa.web.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xenfusa.model.source.Snapshot;
import org.xenfusa.trace.config.TraceLevel;
import org.xenfusa.trace.graph.TraceGraph;
import org.xenfusa.trace.report.LinkedSpecification;
import org.xenfusa.trace.graph.TracedItem;
import org.xenfusa.trace.link.ResolvedCodeLink;
import org.xenfusa.trace.spec.SpecificationItem;

/**
 * One snapshot's trace as the library computed it, with the stored requirements and links it was
 * made of (to reach their pages and history).
 *
 * @param key            identifies the inputs: snapshot and the stamp of the stored requirements and links
 * @param requirementIds stored requirement ids per OFT item id (more than one for duplicates)
 */
public record SnapshotTrace(String key, SnapshotRef snapshot, LinkedSpecification linked,
        Map<String, List<Long>> requirementIds, List<WebLink> links) {

    /** The items, tags and counted links traced with OpenFastTrace's rules (draft links are not in it). */
    public TraceGraph graph() {
        return linked.graph();
    }

    /** The snapshot without its JPA session: id, repository, ref and commit. */
    public record SnapshotRef(long id, long repositoryId, String repositoryName, String ref, String commit) {
        static SnapshotRef of(Snapshot s) {
            return new SnapshotRef(s.getId(), s.getRepository().getId(), s.getRepository().getName(), s.getRefName(),
                    s.getCommitSha());
        }

        public String shortCommit() {
            return commit.substring(0, Math.min(12, commit.length()));
        }
    }

    /**
     * The traced items that are requirements (from specification files, the web app or spreadsheets), in trace order:
     * every item that is neither a code tag nor a link, as the trace report counts them.
     */
    public List<TracedItem> requirements() {
        return linked.requirements();
    }

    /** Whether the id is one of {@link #requirements()}. */
    public boolean isRequirement(String id) {
        return requirements().stream().anyMatch(t -> t.id().toString().equals(id));
    }

    /** True when no requirement of this snapshot has been imported into the platform: they are read from its tree. */
    public boolean fromTree() {
        return requirementIds.isEmpty() || requirementIds.values().stream().allMatch(List::isEmpty);
    }

    public List<TracedItem> items(String itemId) {
        return graph().trace().items().stream().filter(t -> t.id().toString().equals(itemId)).toList();
    }

    /** The code links (resolved in this snapshot) that cover the item. */
    public List<ResolvedCodeLink> codeLinks(String itemId) {
        return graph().links().code().stream().filter(l -> l.link().requirement().toString().equals(itemId)).toList();
    }

    /** The coverage tags of the tree that cover the item. */
    public List<SpecificationItem> tags(String itemId) {
        return graph().tagItems().stream().filter(t -> t.covers().stream().anyMatch(c -> c.toString().equals(itemId)))
                .toList();
    }

    public List<WebLink> storedLinks(String itemId) {
        return links.stream().filter(l -> l.requirement().equals(itemId)).toList();
    }

    public Optional<WebLink> storedLink(long id) {
        return links.stream().filter(l -> l.id() == id).findFirst();
    }

    /** How deep the tree is drawn: Xen's has three levels; a chain of covers thousands deep overflowed the stack. */
    public static final int TREE_DEPTH = 24;
    /** How many nodes the tree draws at most: an item reachable twice appears twice, so it can outgrow its items. */
    public static final int TREE_NODES = 20_000;

    /**
     * The market -> product -> design tree: each requirement under the requirements it covers;
     * roots are those covering no requirement. An item reachable twice appears twice. Drawn down to
     * {@link #TREE_DEPTH} levels and {@link #TREE_NODES} nodes; a node whose children are left out says how many.
     */
    public List<TreeNode> tree() {
        List<TracedItem> reqs = requirements();
        // every requirement of the trace: those read from the snapshot's files (never imported, so without stored
        // ids) as well as the stored ones; with the stored ids only, a tree read from the files was drawn flat
        java.util.Set<String> known = new java.util.HashSet<>();
        reqs.forEach(t -> known.add(t.id().toString()));
        Map<String, List<TracedItem>> children = new HashMap<>();
        List<TracedItem> roots = new ArrayList<>();
        for (TracedItem t : reqs) {
            List<String> parents = t.item().covers().stream().map(Object::toString)
                    .filter(known::contains).distinct().toList();
            if (parents.isEmpty()) {
                roots.add(t);
            }
            parents.forEach(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(t));
        }
        roots.sort(java.util.Comparator.comparing((TracedItem t) -> TraceLevel.of(t.item().type()))
                .thenComparing(t -> t.id().toString()));
        int[] budget = {TREE_NODES};
        List<TreeNode> out = new ArrayList<>();
        for (TracedItem r : roots) {
            if (budget[0]-- <= 0) {
                break;
            }
            out.add(node(r, children, new java.util.HashSet<>(), budget));
        }
        return out;
    }

    private static TreeNode node(TracedItem t, Map<String, List<TracedItem>> children, java.util.Set<String> path,
            int[] budget) {
        String id = t.id().toString();
        List<TracedItem> below = children.getOrDefault(id, List.of());
        if (!path.add(id)) {
            return new TreeNode(t, List.of(), 0); // a cycle: OFT calls it so; the tree stops here
        }
        List<TreeNode> kids = new ArrayList<>();
        if (path.size() < TREE_DEPTH) {
            for (TracedItem c : below.stream().sorted(java.util.Comparator.comparing(c -> c.id().toString()))
                    .toList()) {
                if (budget[0]-- <= 0) {
                    break;
                }
                kids.add(node(c, children, path, budget));
            }
        }
        path.remove(id);
        return new TreeNode(t, kids, below.size() - kids.size());
    }

    /** A requirement, the requirements that cover it as drawn, and how many more cover it but are not drawn. */
    public record TreeNode(TracedItem item, List<TreeNode> children, int notDrawn) {
    }
}
