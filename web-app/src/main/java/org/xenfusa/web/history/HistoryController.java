package org.xenfusa.web.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.lib.Repository;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.sloc.report.ReleaseOrder;
import org.xenfusa.sloc.xen.XenSupport;
import org.xenfusa.web.analysis.AnalysisFigures;
import org.xenfusa.web.analysis.AnalysisKind;
import org.xenfusa.web.analysis.AnalysisResults;
import org.xenfusa.web.effort.EffortModels;
import org.xenfusa.web.ingest.GitRepositoryFolders;
import org.xenfusa.web.ingest.RefSelection;
import org.xenfusa.web.ingest.RepositoryStorage;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * A configuration across release tags and the readiness of every release: both read the stored analysis results
 * ({@link AnalysisResults#series}), the figures the dashboard shows, and never compute on a request. A result not
 * stored yet (or stored from other inputs) is queued and shown as being computed, with its place in the queue; the
 * page refreshes until none is left. A result that failed is a gap with its reason, never a figure or a zero.
 */
@Controller
public class HistoryController {
    /** Release tags a configuration's trend shows unless all are asked for. */
    static final int DEFAULT_TAGS = 12;

    private final SavedConfigurationRepository configurations;
    private final SnapshotRepository snapshots;
    private final SourceRepositoryRepository repositories;
    private final AnalysisResults results;
    private final EffortModels effort;
    private final RepositoryStorage storage;
    static final java.time.Duration TAGS_KEPT = java.time.Duration.ofSeconds(30);
    private final com.github.benmanes.caffeine.cache.Cache<Long, List<String>> releaseTags =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(TAGS_KEPT).maximumSize(256).build();

    public HistoryController(SavedConfigurationRepository configurations, SnapshotRepository snapshots,
            SourceRepositoryRepository repositories, AnalysisResults results, EffortModels effort,
            RepositoryStorage storage) {
        this.storage = storage;
        this.configurations = configurations;
        this.snapshots = snapshots;
        this.repositories = repositories;
        this.results = results;
        this.effort = effort;
    }

    /**
     * One point of a configuration's trend across tags: its figures, or none (a gap in the chart) with the reason:
     * not ingested, being computed, or the evaluation failed (an unsupported release, no Kconfig).
     */
    public record TrendPoint(String ref, boolean ingested, Long makeCloc, Long withHeaders, Long activeLines,
            Double dalAHours, Double dalCHours, Double dalEHours, boolean warnings, boolean pending, String error) {
        static TrendPoint gap(String ref, boolean ingested, boolean pending, String reason) {
            return new TrendPoint(ref, ingested, null, null, null, null, null, null, false, pending, reason);
        }
    }

    /**
     * Whether this request may queue results: for a tracked configuration (an ADMIN chose to keep it computed), or
     * for an ENGINEER or ADMIN. A VIEWER or ASSESSOR reads what is stored: a page visit must not make the server
     * compute the readiness of every release of every configuration (hours of work) for anyone who can read.
     */
    private static boolean mayQueue(SavedConfiguration saved, Authentication user) {
        return saved.isTracked() || (user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_ADMIN") || a.equals("ROLE_ENGINEER")));
    }

    static final String NOT_TRACKED = "not computed: the configuration is not tracked (an ADMIN tracks it on its"
            + " page to keep its results computed for every release; an ENGINEER or ADMIN opening this page computes"
            + " them once)";

    @GetMapping("/configurations/{id}/trend")
    String trend(@PathVariable long id, @RequestParam(defaultValue = "false") boolean all, Authentication user,
            Model model) {
        SavedConfiguration saved = configurations.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no configuration " + id));
        List<Snapshot> ingested = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(saved.getRepositoryId());
        List<String> refs = releaseRefs(saved, ingested);
        if (!all && refs.size() > DEFAULT_TAGS) {
            refs = refs.subList(refs.size() - DEFAULT_TAGS, refs.size());
        }
        Map<String, Snapshot> byRef = new HashMap<>();
        ingested.forEach(s -> byRef.put(s.getRefName(), s));
        List<Snapshot> shown = refs.stream().filter(byRef::containsKey).map(byRef::get).toList();
        // only the releases shown (a SLOC result does not depend on the release before it)
        boolean queue = mayQueue(saved, user);
        AnalysisResults.Series series = results.series(saved.getRepositoryId(), shown, List.of(saved),
                EnumSet.of(AnalysisKind.SLOC), queue);
        List<TrendPoint> points = new ArrayList<>();
        for (String ref : refs) {
            Snapshot s = byRef.get(ref);
            points.add(s == null ? TrendPoint.gap(ref, false, false, "not ingested: ingest this tag to compute its figures")
                    : point(ref, series.at(s.getId(), saved.getId(), AnalysisKind.SLOC), queue));
        }
        model.addAttribute("supportedRange", XenSupport.SUPPORTED_RANGE);
        model.addAttribute("saved", saved);
        model.addAttribute("points", points);
        model.addAttribute("all", all);
        model.addAttribute("pending", points.stream().filter(TrendPoint::pending).count());
        model.addAttribute("engineVersion", results.engineVersion());
        model.addAttribute("effortModel", effort.current());
        return "config/trend";
    }

    private static TrendPoint point(String ref, Optional<AnalysisResults.View> found, boolean queued) {
        if (found.isEmpty()) {
            return queued ? TrendPoint.gap(ref, true, true, "queued") : TrendPoint.gap(ref, true, false, NOT_TRACKED);
        }
        AnalysisResults.View v = found.get();
        if (v.pending()) {
            return TrendPoint.gap(ref, true, true, pendingText(v));
        }
        if (!v.done()) {
            return TrendPoint.gap(ref, true, false, v.failure().isEmpty() ? "not computed" : v.failure());
        }
        AnalysisFigures.Sloc s = v.sloc();
        return new TrendPoint(ref, true, s.makeCloc().code(), s.withHeaders().code(), s.activeLines().code(),
                hours(s, "DAL_A"), hours(s, "DAL_C"), hours(s, "DAL_E"), !s.warnings().isEmpty(), false, "");
    }

    private static Double hours(AnalysisFigures.Sloc s, String level) {
        return s.effortAt(level).map(AnalysisFigures.Effort::hours).orElse(null);
    }

    static String pendingText(AnalysisResults.View v) {
        return v.state().name().equals("RUNNING") ? "being computed: " + v.step()
                : "queued (" + v.queuePosition() + " in the queue)";
    }

    /**
     * The refs to show a trend over: the repository's release tags ({@code RELEASE-*}, ingested or not) and any other
     * ingested snapshot, in release order.
     */
    private List<String> releaseRefs(SavedConfiguration saved, List<Snapshot> ingested) {
        java.util.Set<String> refs = new java.util.HashSet<>();
        repositories.findById(saved.getRepositoryId()).ifPresent(source -> refs.addAll(releaseTags.get(source.getId(),
                id -> releaseTags(source))));
        ingested.forEach(s -> refs.add(s.getRefName()));
        return refs.stream().sorted(ReleaseOrder.INSTANCE).toList();
    }

    /**
     * The repository's release tag names, kept for {@link #TAGS_KEPT} so that a trend does not open the repository and
     * read every tag on each request (Xen has about 300 tags): a tag made since shows within that time.
     */
    private List<String> releaseTags(SourceRepository source) {
        try (Repository repo = GitRepositoryFolders.openShared(storage.gitDir(source))) {
            return RefSelection.resolve(repo, IngestMode.TAGS, "RELEASE-*").stream().map(r -> r.name()).toList();
        } catch (InvalidInputException | IOException e) {
            // no release tags: the ingested snapshots are the trend
            return List.of();
        }
    }

    /** One configuration's readiness at a release: its verdict and gate counts, or why there is none. */
    public record Cell(long configurationId, String configuration, String verdict, Long passed, Long failed,
            Long notEvaluated, boolean pending, String note) {
    }

    /** One release on the readiness history. */
    public record Release(String ref, List<Cell> cells) {
    }

    @GetMapping("/readiness/history")
    String history(@RequestParam(required = false) Long repositoryId,
            @RequestParam(name = "c", required = false) List<Long> c,
            @RequestParam(name = "b", required = false) List<String> b, Authentication user, Model model) {
        List<SourceRepository> all = repositories.findAllByOrderByNameAsc();
        Optional<SourceRepository> repo = repositoryId != null ? Optional.of(repositories.findById(repositoryId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no repository " + repositoryId)))
                : all.stream().filter(r -> snapshots.countByRepositoryId(r.getId()) > 0).findFirst()
                        .or(() -> all.stream().findFirst());
        List<SavedConfiguration> available = repo.map(r -> configurations.findAllByOrderByNameAsc().stream()
                .filter(s -> s.getRepositoryId().equals(r.getId())).toList()).orElse(List.of());
        List<SavedConfiguration> chosen = chosen(available, c);
        model.addAttribute("repositories", all);
        model.addAttribute("repository", repo.orElse(null));
        model.addAttribute("available", available);
        model.addAttribute("chosen", chosen.stream().map(SavedConfiguration::getId).toList());
        model.addAttribute("chosenConfigurations", chosen);
        model.addAttribute("boardIds", b == null ? List.of() : b);
        model.addAttribute("supportedRange", XenSupport.SUPPORTED_RANGE);
        model.addAttribute("engineVersion", results.engineVersion());
        model.addAttribute("releases", List.of());
        model.addAttribute("pending", 0L);
        if (repo.isEmpty() || chosen.isEmpty()) {
            model.addAttribute("error", "Choose a repository with saved configurations first: the history shows the"
                    + " readiness of each configuration at every ingested release.");
            return "readiness/history";
        }
        List<Snapshot> ingested = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repo.get().getId())
                .stream().sorted((x, y) -> ReleaseOrder.INSTANCE.compare(x.getRefName(), y.getRefName())).toList();
        if (ingested.isEmpty()) {
            model.addAttribute("error", "Ingest the repository's release tags first: readiness is evaluated per tag.");
            return "readiness/history";
        }
        List<SavedConfiguration> queued = chosen.stream().filter(saved -> mayQueue(saved, user)).toList();
        List<SavedConfiguration> readOnly = chosen.stream().filter(saved -> !mayQueue(saved, user)).toList();
        AnalysisResults.Series computed = results.series(repo.get().getId(), ingested, queued,
                EnumSet.of(AnalysisKind.READINESS), true);
        AnalysisResults.Series stored = results.series(repo.get().getId(), ingested, readOnly,
                EnumSet.of(AnalysisKind.READINESS), false);
        List<Release> releases = new ArrayList<>();
        for (Snapshot s : ingested) {
            List<Cell> cells = new ArrayList<>();
            for (SavedConfiguration saved : chosen) {
                boolean queue = queued.contains(saved);
                cells.add(cell(saved, (queue ? computed : stored).at(s.getId(), saved.getId(), AnalysisKind.READINESS),
                        queue));
            }
            releases.add(new Release(s.getRefName(), cells));
        }
        model.addAttribute("releases", releases);
        model.addAttribute("pending", computed.pending() + stored.pending());
        return "readiness/history";
    }

    /**
     * The configurations asked for, else the tracked ones (whose results the dashboard keeps computed), else every
     * saved one of the repository.
     */
    private List<SavedConfiguration> chosen(List<SavedConfiguration> available, List<Long> ids) {
        if (ids != null && !ids.isEmpty()) {
            return ids.stream().distinct().map(id -> available.stream().filter(s -> s.getId().equals(id)).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                            "no configuration " + id + " of this repository"))).toList();
        }
        List<SavedConfiguration> tracked = available.stream().filter(SavedConfiguration::isTracked).toList();
        return tracked.isEmpty() ? available : tracked;
    }

    private static Cell cell(SavedConfiguration saved, Optional<AnalysisResults.View> found, boolean queued) {
        if (found.isEmpty()) {
            return queued ? new Cell(saved.getId(), saved.getName(), "QUEUED", null, null, null, true, "queued")
                    : new Cell(saved.getId(), saved.getName(), "NOT COMPUTED", null, null, null, false, NOT_TRACKED);
        }
        AnalysisResults.View v = found.get();
        if (v.pending()) {
            return new Cell(saved.getId(), saved.getName(), v.state().name(), null, null, null, true, pendingText(v));
        }
        if (!v.done()) {
            return new Cell(saved.getId(), saved.getName(), "ERROR", null, null, null, false,
                    v.failure().isEmpty() ? "not computed" : v.failure());
        }
        AnalysisFigures.Readiness r = v.readiness();
        return new Cell(saved.getId(), saved.getName(), r.ready() ? "READY" : "NOT READY", r.passed(), r.failed(),
                r.notEvaluated(), false, "");
    }
}
