package org.xenfusa.web.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.trace.TraceLinkRepository;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.trace.graph.TracedItem;
import org.xenfusa.trace.impact.ChangeImpact;
import org.xenfusa.trace.impact.ImpactReport;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.effort.EffortModels;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.trace.SnapshotTrace;
import org.xenfusa.web.trace.SnapshotTrees;
import org.xenfusa.web.trace.TraceService;

/**
 * The change impact between two ingested refs of a repository in one of its saved configurations: the library's
 * {@link ChangeImpact} on the two trees, the configuration reports the SLOC pages compute, the stored links and the
 * effort model of the effort page. Nothing is computed here.
 */
@Service
public class ImpactService {
    private final SnapshotRepository snapshots;
    private final SavedConfigurationRepository configurations;
    private final ConfigurationReports reports;
    private final TraceService traces;
    private final SnapshotTrees trees;
    private final TraceLinkRepository links;
    private final EffortModels effort;

    public ImpactService(SnapshotRepository snapshots, SavedConfigurationRepository configurations,
            ConfigurationReports reports, TraceService traces, SnapshotTrees trees, TraceLinkRepository links,
            EffortModels effort) {
        this.snapshots = snapshots;
        this.configurations = configurations;
        this.reports = reports;
        this.traces = traces;
        this.trees = trees;
        this.links = links;
        this.effort = effort;
    }

    /** The repository's ingested refs in release order, each once (as the readiness pages order them). */
    public List<String> releases(long repositoryId) {
        java.util.LinkedHashSet<String> refs = new java.util.LinkedHashSet<>();
        snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repositoryId).stream().map(Snapshot::getRefName)
                .sorted(org.xenfusa.sloc.report.ReleaseOrder.INSTANCE).forEach(refs::add);
        return List.copyOf(refs);
    }

    /** The saved configurations of the repository, by name. */
    public List<SavedConfiguration> configurations(long repositoryId) {
        return configurations.findAllByOrderByNameAsc().stream()
                .filter(c -> c.getRepositoryId() != null && c.getRepositoryId() == repositoryId).toList();
    }

    @Transactional(readOnly = true)
    public ImpactReport impact(long repositoryId, String fromRef, String toRef, long configurationId)
            throws InvalidInputException {
        Snapshot from = snapshot(repositoryId, fromRef, "from");
        Snapshot to = snapshot(repositoryId, toRef, "to");
        SavedConfiguration saved = configurations.findById(configurationId)
                .filter(c -> c.getRepositoryId() != null && c.getRepositoryId() == repositoryId)
                .orElseThrow(() -> new InvalidInputException("no saved configuration " + configurationId
                        + " of this repository"));
        ConfigurationReport reportFrom = reports.report(saved, from.getRefName(), List.of());
        ConfigurationReport reportTo = reports.report(saved, to.getRefName(), List.of());
        SnapshotTrace traceFrom = traces.trace(from.getId());
        SnapshotTrace traceTo = traces.trace(to.getId());
        LinkSet stored = TraceService.linkSet(links.findByRepositoryIdOrderByIdAsc(repositoryId));
        return trees.with(from, tf -> {
            try {
                return trees.with(to, tt -> ChangeImpact.compare(saved.getName(),
                        ChangeImpact.Side.of(from.getRefName(), tf.index(), reportFrom, items(traceFrom, tf)),
                        ChangeImpact.Side.of(to.getRefName(), tt.index(), reportTo, items(traceTo, tt)),
                        stored.code(), stored.tests(), Optional.of(effort.current())));
            } catch (InvalidInputException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private Snapshot snapshot(long repositoryId, String ref, String which) throws InvalidInputException {
        if (ref == null || ref.isBlank()) {
            throw new InvalidInputException("choose the '" + which + "' release");
        }
        return snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(repositoryId, ref)
                .orElseThrow(() -> new InvalidInputException("'" + ref + "' is not an ingested ref of this repository ("
                        + which + ")"));
    }

    /** The requirements of the trace and the coverage tags of the tree. */
    private static List<SpecificationItem> items(SnapshotTrace trace, SnapshotTrees.OpenTree tree) {
        List<SpecificationItem> items = new ArrayList<>(trace.requirements().stream().map(TracedItem::item).toList());
        items.addAll(tree.tags().items());
        return items;
    }
}
