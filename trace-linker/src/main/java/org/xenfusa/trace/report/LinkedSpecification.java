package org.xenfusa.trace.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.xenfusa.trace.config.TraceLevel;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.graph.LinkStatus;
import org.xenfusa.trace.graph.TraceGraph;
import org.xenfusa.trace.graph.TracedItem;
import org.xenfusa.trace.link.CodeLink;
import org.xenfusa.trace.link.ResolvedCodeLink;
import org.xenfusa.trace.link.TestLink;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * A snapshot's items, tags and counted links traced with OpenFastTrace's rules ({@link TraceGraph}), the draft links
 * kept aside for display, and what the verdicts need beyond OFT: which items code implements at all and which reach
 * code or test evidence. Made once per snapshot by {@link Traceability#link}; configurations are traced against it.
 *
 * @param drafts    code links not yet reviewed: shown with their requirement, never part of the trace
 * @param problems  the graph's import and link problems, and those of draft links
 * @param policy    the trace policy the graph was traced with and verdicts follow
 */
public record LinkedSpecification(TraceGraph graph, FunctionIndex index, List<CodeLink> drafts,
        List<ImportProblem> problems, Set<SpecificationItemId> implemented, Set<SpecificationItemId> reachesEvidence,
        TracePolicy policy) {
    public LinkedSpecification {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(index, "index");
        drafts = List.copyOf(drafts);
        problems = List.copyOf(problems);
        implemented = Set.copyOf(implemented);
        reachesEvidence = Set.copyOf(reachesEvidence);
    }

    /**
     * The same specification reading code through {@code other}, an index of another open tree of the same commit:
     * a specification kept longer than the tree it was linked with (whose repository may be closed since) is bound
     * to a tree opened now before code is read through it.
     */
    public LinkedSpecification on(FunctionIndex other) {
        return new LinkedSpecification(graph, other, drafts, problems, implemented, reachesEvidence, policy);
    }

    static LinkedSpecification of(TraceGraph graph, FunctionIndex index, List<CodeLink> drafts,
            List<ImportProblem> draftProblems, TracePolicy policy) {
        List<ImportProblem> problems = new ArrayList<>(graph.problems());
        problems.addAll(draftProblems);
        Map<SpecificationItemId, TracedItem> byId = new HashMap<>();
        graph.trace().items().forEach(t -> byId.putIfAbsent(t.id(), t));

        // code that implements: reviewed code links and tags in code that are not tests, then upwards by Covers
        Set<SpecificationItemId> anchors = new HashSet<>();
        graph.links().code().forEach(l -> anchors.add(l.item().id()));
        graph.tagItems().stream().filter(t -> TraceLevel.of(t.type()) != TraceLevel.TEST).forEach(t -> anchors.add(t.id()));
        Set<SpecificationItemId> implemented = upwards(anchors, byId, t -> t.item().covers());

        // evidence: every counted link and tag; an item reaches it when a good link leads down to one
        Set<SpecificationItemId> evidence = new HashSet<>();
        graph.links().items().forEach(i -> evidence.add(i.id()));
        graph.tagItems().forEach(t -> evidence.add(t.id()));
        Set<SpecificationItemId> reaches = upwards(evidence, byId, t -> t.linked(LinkStatus.COVERS));
        return new LinkedSpecification(graph, index, drafts, problems, implemented, reaches, policy);
    }

    private static Set<SpecificationItemId> upwards(Set<SpecificationItemId> start,
            Map<SpecificationItemId, TracedItem> byId,
            java.util.function.Function<TracedItem, List<SpecificationItemId>> up) {
        Set<SpecificationItemId> out = new HashSet<>(start);
        ArrayDeque<SpecificationItemId> todo = new ArrayDeque<>(start);
        while (!todo.isEmpty()) {
            TracedItem t = byId.get(todo.poll());
            if (t == null) {
                continue;
            }
            for (SpecificationItemId target : up.apply(t)) {
                if (byId.containsKey(target) && out.add(target)) {
                    todo.add(target);
                }
            }
        }
        return out;
    }

    /**
     * The code that implements each item directly, by the id of the code item (a reviewed code link or a tag in code
     * that is not a test): {@code path:function} for a link, {@code path:line} for a tag.
     */
    public Map<SpecificationItemId, String> codeAnchors() {
        Map<SpecificationItemId, String> out = new HashMap<>();
        for (ResolvedCodeLink l : graph.links().code()) {
            out.putIfAbsent(l.item().id(), l.link().path() + ":" + l.link().function());
        }
        graph.tagItems().stream().filter(t -> TraceLevel.of(t.type()) != TraceLevel.TEST)
                .forEach(t -> out.putIfAbsent(t.id(), t.location().path() + ":" + t.location().line()));
        return out;
    }

    /**
     * The tags in the code (and the items links stand for) that OpenFastTrace reports as defects: a tag covering an
     * item that does not exist (orphaned), an outdated or predated revision, an ambiguous or unwanted link. They are
     * no requirements, but a trace with any is not clean, as {@code oft trace} fails on them.
     */
    public List<TracedItem> anchorDefects() {
        return graph.anchorDefects();
    }

    /** The items that are requirements: neither a tag in the code nor an item a link stands for. */
    public List<TracedItem> requirements() {
        Set<SpecificationItemId> notRequirements = new HashSet<>();
        graph.tagItems().forEach(t -> notRequirements.add(t.id()));
        graph.links().items().forEach(i -> notRequirements.add(i.id()));
        return graph.trace().items().stream().filter(t -> !notRequirements.contains(t.id())).toList();
    }

    /** The traced item with this id (the first, when the id is duplicated). */
    public Optional<TracedItem> traced(SpecificationItemId id) {
        return graph.trace().items().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Every link of a requirement (any revision of it), counted or not, code links first, then tags, tests, drafts. */
    public List<LinkView> links(TracedItem requirement) {
        return linkIndex().of(requirement);
    }

    /** All links grouped by the requirement they name, once: the report asks for every requirement's links. */
    LinkIndex linkIndex() {
        Map<String, List<Candidate>> byName = new HashMap<>();
        for (ResolvedCodeLink l : graph.links().code()) {
            add(byName, l.link().requirement(), new Candidate(LinkView.code(l.link(), false), Optional.of(l.item().id())));
        }
        for (SpecificationItem tag : graph.tagItems()) {
            LinkView view = new LinkView(LinkView.Kind.TAG, tag.location().path() + ":" + tag.location().line(),
                    tag.type(), Optional.empty(), tag.location().toString(), false);
            tag.covers().stream().map(LinkedSpecification::name).distinct()
                    .forEach(n -> byName.computeIfAbsent(n, k -> new ArrayList<>())
                            .add(new Candidate(view, Optional.of(tag.id()))));
        }
        // a test link stands for the link item declared at the same place with its artifact type
        Map<String, SpecificationItemId> testItems = new HashMap<>();
        graph.links().items().forEach(i -> testItems.putIfAbsent(i.location() + "|" + i.type(), i.id()));
        for (TestLink t : graph.links().tests()) {
            add(byName, t.requirement(), new Candidate(new LinkView(LinkView.Kind.TEST, t.name(), t.artifactType(),
                    Optional.empty(), t.declaredAt().toString(), false),
                    Optional.ofNullable(testItems.get(t.declaredAt() + "|" + t.artifactType()))));
        }
        for (CodeLink d : drafts) {
            add(byName, d.requirement(), new Candidate(LinkView.code(d, false), Optional.empty()));
        }
        return new LinkIndex(byName);
    }

    /** A link and the trace item it stands for (none for a draft): it counts when that item covers the requirement. */
    record Candidate(LinkView view, Optional<SpecificationItemId> item) {
    }

    /** The links of each requirement name, in the order {@link #links} gives them. */
    record LinkIndex(Map<String, List<Candidate>> byName) {
        List<LinkView> of(TracedItem requirement) {
            Set<SpecificationItemId> good = new HashSet<>(requirement.linked(LinkStatus.COVERED_SHALLOW));
            List<LinkView> out = new ArrayList<>();
            for (Candidate c : byName.getOrDefault(name(requirement.id()), List.of())) {
                LinkView v = c.view();
                out.add(v.counting(c.item().map(good::contains).orElse(false)));
            }
            return out;
        }
    }

    private static void add(Map<String, List<Candidate>> byName, SpecificationItemId requirement, Candidate c) {
        byName.computeIfAbsent(name(requirement), k -> new ArrayList<>()).add(c);
    }

    /** A requirement whatever its revision: type and name. */
    private static String name(SpecificationItemId id) {
        return id.type() + "~" + id.name();
    }
}
