package org.xenfusa.trace.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.xenfusa.trace.spec.ItemStatus;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * The one entry point of traceability, in the spirit of OpenFastTrace's {@code Oft}: link the items, tags and links of a
 * snapshot ({@link #link}), trace each configuration against them ({@link #configuration}), and make the report
 * ({@link #report}); {@link #trace} does all three. The verdict rules live here and nowhere else.
 * <p>
 * Rules, in order, for a requirement in a configuration:
 * <ol>
 * <li>{@link Verdict#NOT_APPLICABLE} when it is rejected, or when code implements it (a reviewed link or a tag that is
 * not a test, directly or through the items covering it) and none of that code is compiled in the configuration;</li>
 * <li>{@link Verdict#DEFECT} when OpenFastTrace reports a bad link (outdated, predated, orphaned, ambiguous, unwanted,
 * duplicate, unwanted/outdated/predated coverage) or a coverage cycle;</li>
 * <li>{@link Verdict#UNCOVERED} when a needed artifact type is not covered, shallow or deep;</li>
 * <li>{@link Verdict#NOTHING_REQUIRED} when OpenFastTrace calls it covered but no code or test stands below it;</li>
 * <li>{@link Verdict#COVERED} otherwise.</li>
 * </ol>
 * Draft code links are shown with their requirement but are not traced: they never count as coverage, never make a
 * requirement apply and never make a function traced.
 */
public final class Traceability {
    private Traceability() {
    }

    /** Everything at once: the snapshot's items, tags and links, and every configuration. */
    public static TraceReport trace(SpecificationImport specifications, LinkSet links, FunctionIndex index,
            List<ConfigurationInput> configurations) {
        LinkedSpecification linked = link(specifications, links, index);
        return report(linked, configurations.stream().map(c -> configuration(linked, c)).toList());
    }

    /** Traces the items and tags with the reviewed code links and the test links; drafts are kept aside. */
    public static LinkedSpecification link(SpecificationImport specifications, LinkSet links, FunctionIndex index) {
        List<CodeLink> reviewed = links.code().stream().filter(l -> l.state() == ReviewState.REVIEWED).toList();
        List<CodeLink> drafts = links.code().stream().filter(l -> l.state() != ReviewState.REVIEWED).toList();
        TraceGraph graph = TraceGraph.build(specifications, new LinkSet(reviewed, links.tests(), links.problems()),
                index);
        LinkItems draftItems = LinkItems.resolve(new LinkSet(drafts, List.of(), List.of()), index);
        return LinkedSpecification.of(graph, index, drafts, draftItems.problems());
    }

    /** One configuration: its coverage and untraced code, and what its test results say per requirement. */
    public static ConfigurationTrace configuration(LinkedSpecification linked, ConfigurationInput input) {
        Map<SpecificationItemId, RequirementVerification> verification =
                TestVerification.verify(linked.graph().links().tests(), input.testResults());
        ConfigurationCoverage coverage = new ConfigurationAnalysis().analyse(linked.graph(), linked.index(),
                input.compiledFiles(), verification);
        List<String> notInTree = input.compiledFiles().stream().distinct()
                .filter(p -> linked.index().tree().file(p).isEmpty()).sorted().toList();
        return new ConfigurationTrace(input.name(), coverage, verification, input.testResults(), notInTree);
    }

    /** The report: every requirement's verdict overall and in each configuration, with its links. */
    public static TraceReport report(LinkedSpecification linked, List<ConfigurationTrace> configurations) {
        List<RequirementTrace> rows = new ArrayList<>();
        LinkedSpecification.LinkIndex links = linked.linkIndex();
        for (TracedItem t : linked.requirements()) {
            Map<String, ConfigurationVerdict> perConfiguration = new LinkedHashMap<>();
            for (ConfigurationTrace c : configurations) {
                RequirementVerification v = c.verification().get(t.id());
                perConfiguration.put(c.name(), new ConfigurationVerdict(
                        verdict(t, linked, c.coverage().applicable()),
                        v == null ? VerificationState.NO_TESTS : v.state()));
            }
            rows.add(new RequirementTrace(t.id().toString(), t.item().type(), TraceLevel.of(t.item().type()),
                    t.item().title(), t.item().description(), t.item().location().toString(),
                    t.item().status().toString(), t.item().needs(), ids(t.covers()), ids(t.coveredBy()), t.verdict(),
                    t.problems(), verdict(t, linked, null), links.of(t), perConfiguration));
        }
        return new TraceReport(linked, rows, configurations, linked.problems());
    }

    /**
     * The verdict of a requirement; {@code applicable} is the set of items the configuration's compiled code reaches,
     * or {@code null} for the verdict over the whole tree.
     */
    static Verdict verdict(TracedItem t, LinkedSpecification linked, Set<SpecificationItemId> applicable) {
        if (t.item().status() == ItemStatus.REJECTED && t.linked(LinkStatus.DUPLICATE).isEmpty()) {
            return Verdict.NOT_APPLICABLE;
        }
        if (applicable != null && linked.implemented().contains(t.id()) && !applicable.contains(t.id())) {
            return Verdict.NOT_APPLICABLE;
        }
        boolean badLink = t.links().entrySet().stream().anyMatch(e -> e.getKey().isBad() && !e.getValue().isEmpty());
        if (badLink || t.deepCoverage() == DeepCoverage.CYCLE) {
            return Verdict.DEFECT;
        }
        if (!t.coveredShallow() || t.deepCoverage() != DeepCoverage.COVERED) {
            return Verdict.UNCOVERED;
        }
        return linked.reachesEvidence().contains(t.id()) ? Verdict.COVERED : Verdict.NOTHING_REQUIRED;
    }

    private static List<String> ids(List<SpecificationItemId> ids) {
        return ids.stream().map(SpecificationItemId::toString).toList();
    }
}
