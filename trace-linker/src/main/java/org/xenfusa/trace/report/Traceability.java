package org.xenfusa.trace.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.xenfusa.trace.config.ConfigurationAnalysis;
import org.xenfusa.trace.config.ConfigurationCoverage;
import org.xenfusa.trace.config.TraceLevel;
import org.xenfusa.trace.evidence.RequirementVerification;
import org.xenfusa.trace.evidence.TestVerification;
import org.xenfusa.trace.evidence.VerificationState;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.graph.DeepCoverage;
import org.xenfusa.trace.graph.LinkStatus;
import org.xenfusa.trace.graph.TraceGraph;
import org.xenfusa.trace.graph.TracedItem;
import org.xenfusa.trace.link.CodeLink;
import org.xenfusa.trace.link.LinkItems;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.link.ReviewState;
import org.xenfusa.trace.policy.Condition;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.trace.spec.ItemStatus;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * The one entry point of traceability, in the spirit of OpenFastTrace's {@code Oft}: link the items, tags and links of a
 * snapshot under a trace policy ({@link #link}), trace each configuration against them ({@link #configuration}), and
 * make the report ({@link #report}); {@link #trace} does all three. The verdict rules live here and nowhere else.
 * <p>
 * The policy decides which links are wanted and when an item is covered shallow (see {@link TracePolicy});
 * {@link TracePolicy#oft()} is OpenFastTrace's rules unchanged. Rules, in order, for a requirement in a configuration,
 * each verdict with its reason:
 * <ol>
 * <li>{@link Verdict#NOT_APPLICABLE} when it is rejected; when an applicability condition of the policy fails for the
 * configuration (architecture, Kconfig value, board); or, for an item the policy gives no condition and does not make
 * apply everywhere, when code implements it (a reviewed link or a tag that is not a test, directly or through the items
 * covering it) and none of that code is compiled in the configuration;</li>
 * <li>{@link Verdict#DEFECT} when it applies (a condition holds, or the policy makes unconditioned items apply) and code
 * linked to it directly exists but none of it is compiled: "linked functions not compiled in &lt;configuration&gt;";</li>
 * <li>{@link Verdict#DEFECT} when OpenFastTrace reports a bad link (outdated, predated, orphaned, ambiguous, unwanted,
 * duplicate, unwanted/outdated/predated coverage) or a coverage cycle;</li>
 * <li>{@link Verdict#UNCOVERED} when a needed artifact type is not covered, shallow or deep;</li>
 * <li>{@link Verdict#NOTHING_REQUIRED} when it is covered but no code or test stands below it;</li>
 * <li>{@link Verdict#COVERED} otherwise.</li>
 * </ol>
 * Draft code links are shown with their requirement but are not traced: they never count as coverage, never make a
 * requirement apply and never make a function traced.
 */
// [impl->dsn~one-verdict~1]
public final class Traceability {
    private Traceability() {
    }

    /** Everything at once under OpenFastTrace's rules. */
    public static TraceReport trace(SpecificationImport specifications, LinkSet links, FunctionIndex index,
            List<ConfigurationInput> configurations) {
        return trace(specifications, links, index, configurations, TracePolicy.oft());
    }

    /** Everything at once: the snapshot's items, tags and links, and every configuration, under {@code policy}. */
    public static TraceReport trace(SpecificationImport specifications, LinkSet links, FunctionIndex index,
            List<ConfigurationInput> configurations, TracePolicy policy) {
        LinkedSpecification linked = link(specifications, links, index, policy);
        return report(linked, configurations.stream().map(c -> configuration(linked, c)).toList());
    }

    /** {@link #link(SpecificationImport, LinkSet, FunctionIndex, TracePolicy)} under OpenFastTrace's rules. */
    public static LinkedSpecification link(SpecificationImport specifications, LinkSet links, FunctionIndex index) {
        return link(specifications, links, index, TracePolicy.oft());
    }

    /**
     * Traces the items and tags with the reviewed code links and the test links under {@code policy}; drafts are kept
     * aside.
     */
    public static LinkedSpecification link(SpecificationImport specifications, LinkSet links, FunctionIndex index,
            TracePolicy policy) {
        List<CodeLink> reviewed = links.code().stream().filter(l -> l.state() == ReviewState.REVIEWED).toList();
        List<CodeLink> drafts = links.code().stream().filter(l -> l.state() != ReviewState.REVIEWED).toList();
        TraceGraph graph = TraceGraph.build(specifications, new LinkSet(reviewed, links.tests(), links.problems()),
                index, policy);
        LinkItems draftItems = LinkItems.resolve(new LinkSet(drafts, List.of(), List.of()), index);
        return LinkedSpecification.of(graph, index, drafts, draftItems.problems(), policy);
    }

    /**
     * One configuration: which requirements the policy's conditions make apply or not, its coverage and untraced code,
     * and what its test results say per requirement.
     */
    public static ConfigurationTrace configuration(LinkedSpecification linked, ConfigurationInput input) {
        Map<SpecificationItemId, RequirementVerification> verification =
                TestVerification.verify(linked.graph().links().tests(), input.testResults());
        Map<SpecificationItemId, String> notApplicable = new HashMap<>();
        Set<SpecificationItemId> applies = new HashSet<>();
        TracePolicy policy = linked.policy();
        if (!policy.applicability().isNone()) {
            for (TracedItem t : linked.requirements()) {
                List<Condition> conditions = policy.conditions(t.item());
                Optional<String> failure = conditions.stream().map(c -> c.failure(input.target()))
                        .flatMap(Optional::stream).findFirst();
                if (failure.isPresent()) {
                    notApplicable.putIfAbsent(t.id(), failure.get());
                } else if (!conditions.isEmpty() || policy.unconditionedApplies()) {
                    applies.add(t.id());
                }
            }
        }
        ConfigurationCoverage coverage = new ConfigurationAnalysis().analyse(linked.graph(), linked.index(),
                input.compiledFiles(), verification, applies, notApplicable.keySet());
        List<String> notInTree = input.compiledFiles().stream().distinct()
                .filter(p -> linked.index().tree().file(p).isEmpty()).sorted().toList();
        return new ConfigurationTrace(input.name(), coverage, verification, input.testResults(), notInTree,
                notApplicable, applies);
    }

    /** The report: every requirement's verdict and reason overall and in each configuration, with its links. */
    public static TraceReport report(LinkedSpecification linked, List<ConfigurationTrace> configurations) {
        List<RequirementTrace> rows = new ArrayList<>();
        LinkedSpecification.LinkIndex links = linked.linkIndex();
        Map<SpecificationItemId, String> anchors = linked.codeAnchors();
        for (TracedItem t : linked.requirements()) {
            Map<String, ConfigurationVerdict> perConfiguration = new LinkedHashMap<>();
            for (ConfigurationTrace c : configurations) {
                RequirementVerification v = c.verification().get(t.id());
                Judgement j = verdict(t, linked, anchors, c);
                perConfiguration.put(c.name(), new ConfigurationVerdict(j.verdict(),
                        v == null ? VerificationState.NO_TESTS : v.state(), j.reason()));
            }
            Judgement overall = verdict(t, linked, anchors, null);
            rows.add(new RequirementTrace(t.id().toString(), t.item().type(), TraceLevel.of(t.item().type()),
                    t.item().title(), t.item().description(), t.item().location().toString(),
                    t.item().status().toString(), linked.policy().needs(t.item()), ids(t.covers()),
                    ids(t.coveredBy()), t.verdict(), t.problems(), overall.verdict(), overall.reason(), links.of(t),
                    perConfiguration));
        }
        return new TraceReport(linked, rows, configurations, linked.problems());
    }

    /** A verdict and why. */
    record Judgement(Verdict verdict, String reason) {
    }

    /** The verdict of a requirement in configuration {@code c}, or over the whole tree when {@code c} is null. */
    static Judgement verdict(TracedItem t, LinkedSpecification linked, Map<SpecificationItemId, String> anchors,
            ConfigurationTrace c) {
        if (t.item().status() == ItemStatus.REJECTED && t.linked(LinkStatus.DUPLICATE).isEmpty()) {
            return new Judgement(Verdict.NOT_APPLICABLE, "rejected");
        }
        if (c != null) {
            String notApplicable = c.notApplicable().get(t.id());
            if (notApplicable != null) {
                return new Judgement(Verdict.NOT_APPLICABLE, notApplicable);
            }
            if (c.applies().contains(t.id())) {
                List<SpecificationItemId> direct = t.coveredBy().stream().filter(anchors::containsKey).distinct()
                        .toList();
                if (!direct.isEmpty() && direct.stream().noneMatch(c.coverage().reached()::contains)) {
                    return new Judgement(Verdict.DEFECT, "linked functions not compiled in " + c.name() + ": "
                            + String.join(", ", direct.stream().map(anchors::get).sorted().distinct().toList()));
                }
            } else if (linked.implemented().contains(t.id()) && !c.coverage().applicable().contains(t.id())) {
                return new Judgement(Verdict.NOT_APPLICABLE,
                        "code implements it, but none of that code is compiled in " + c.name());
            }
        }
        boolean badLink = t.links().entrySet().stream().anyMatch(e -> e.getKey().isBad() && !e.getValue().isEmpty());
        if (badLink || t.deepCoverage() == DeepCoverage.CYCLE) {
            return new Judgement(Verdict.DEFECT, String.join(", ", t.problems()));
        }
        if (!t.coveredShallow()) {
            return new Judgement(Verdict.UNCOVERED, "not covered by " + String.join(", ", t.uncoveredTypes()));
        }
        if (t.deepCoverage() != DeepCoverage.COVERED) {
            return new Judgement(Verdict.UNCOVERED, "an item covering it is not covered (uncovered deep)");
        }
        return linked.reachesEvidence().contains(t.id()) ? new Judgement(Verdict.COVERED, "")
                : new Judgement(Verdict.NOTHING_REQUIRED, "no code or test stands below it: it and the items covering"
                        + " it need nothing");
    }

    private static List<String> ids(List<SpecificationItemId> ids) {
        return ids.stream().map(SpecificationItemId::toString).toList();
    }
}
