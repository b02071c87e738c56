package org.xenfusa.web.home;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.web.analysis.AnalysisKind;
import org.xenfusa.web.analysis.AnalysisResultStore;
import org.xenfusa.web.analysis.AnalysisResults;
import org.xenfusa.web.dashboard.JobProgress;
import org.xenfusa.web.dashboard.Snapshots;

/**
 * The home page: the FuSa SIG's dashboard of a repository's release (the newest by default, in release order). It
 * reads stored analysis results only: a result not computed yet is queued and shown with its state at once, a failed
 * one with its reason, and a result of another engine version or other inputs is never shown as current.
 */
// [impl->dsn~sig-dashboard~1]
@Controller
public class SigDashboardController {
    private static final int RECENT = 8;

    private final SourceRepositoryRepository repositories;
    private final SnapshotRepository snapshots;
    private final SavedConfigurationRepository configurations;
    private final IngestJobRepository jobs;
    private final AnalysisResults results;

    public SigDashboardController(SourceRepositoryRepository repositories, SnapshotRepository snapshots,
            SavedConfigurationRepository configurations, IngestJobRepository jobs, AnalysisResults results) {
        this.repositories = repositories;
        this.snapshots = snapshots;
        this.configurations = configurations;
        this.jobs = jobs;
        this.results = results;
    }

    /** A stored result being computed or waiting, named for the jobs panel. */
    public record AnalysisJob(long id, String configuration, String ref, String kind, String state, String step,
            String failure, java.time.Instant at) {
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) Long repositoryId, @RequestParam(required = false) String ref,
            Model model) {
        List<SourceRepository> all = repositories.findAllByOrderByNameAsc();
        model.addAttribute("repositories", all);
        Optional<SourceRepository> chosen = repositoryId != null
                ? Optional.of(repositories.findById(repositoryId).orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no repository " + repositoryId)))
                : all.stream().filter(r -> snapshots.countByRepositoryId(r.getId()) > 0).findFirst()
                        .or(() -> all.stream().findFirst());
        model.addAttribute("engineVersion", results.engineVersion());
        if (chosen.isEmpty()) {
            return "dashboard";
        }
        SourceRepository repo = chosen.get();
        model.addAttribute("repository", repo);
        List<Snapshot> releases = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repo.getId()).stream()
                .sorted(Snapshots.NEWEST_RELEASE_FIRST).toList();
        model.addAttribute("releases", releases);
        List<SavedConfiguration> tracked = configurations.findByRepositoryIdAndTrackedTrueOrderByNameAsc(repo.getId());
        model.addAttribute("tracked", tracked);
        model.addAttribute("configurationCount", configurations.countByRepositoryId(repo.getId()));
        model.addAttribute("ingestJobs", jobs.findTop20ByRepositoryIdOrderByCreatedAtDesc(repo.getId()).stream()
                .limit(5).map(JobProgress::of).toList());
        if (releases.isEmpty()) {
            return "dashboard";
        }
        Snapshot snapshot = ref == null || ref.isBlank() ? releases.get(0)
                : releases.stream().filter(s -> s.getRefName().equals(ref.strip())).findFirst()
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                                "no ingested release " + ref.strip() + " of " + repo.getName()));
        model.addAttribute("snapshot", snapshot);
        Optional<Snapshot> previous = releases.stream()
                .filter(s -> Snapshots.NEWEST_RELEASE_FIRST.compare(s, snapshot) > 0).findFirst();
        Map<Long, Map<AnalysisKind, AnalysisResults.View>> current = results.current(snapshot, releases, tracked);
        Map<Long, Map<AnalysisKind, AnalysisResults.View>> before = previous.isEmpty() ? Map.of()
                : results.current(previous.get(), releases, tracked);
        SigDashboard dashboard = new SigDashboard(snapshot, previous, tracked, current, before);
        model.addAttribute("dashboard", dashboard);
        // every release's stored results of the current engine and inputs; outdated ones are queued, never shown
        model.addAttribute("trend", SigDashboard.trend(releases, tracked, List.copyOf(results.series(repo.getId(),
                releases, tracked, java.util.EnumSet.allOf(AnalysisKind.class), true).views().values())));
        model.addAttribute("analysisJobs", analysisJobs(repo.getId(), tracked, releases));
        return "dashboard";
    }

    private List<AnalysisJob> analysisJobs(long repositoryId, List<SavedConfiguration> tracked, List<Snapshot> releases) {
        Map<Long, String> refs = new HashMap<>();
        releases.forEach(s -> refs.put(s.getId(), s.getRefName()));
        // the running ones, then the queue in the order the workers take it
        List<AnalysisResultStore.Row> shown = new java.util.ArrayList<>(results.active(repositoryId, RECENT));
        shown.addAll(results.recent(repositoryId, RECENT));
        // the names of the configurations shown only (usually the tracked ones), not of every saved configuration
        Map<Long, String> names = new HashMap<>();
        tracked.forEach(c -> names.put(c.getId(), c.getName()));
        List<Long> others = shown.stream().map(AnalysisResultStore.Row::configurationId)
                .filter(id -> !names.containsKey(id)).distinct().toList();
        if (!others.isEmpty()) {
            configurations.findAllById(others).forEach(c -> names.put(c.getId(), c.getName()));
        }
        return shown.stream().map(r -> job(r, names, refs)).toList();
    }

    private static AnalysisJob job(AnalysisResultStore.Row r, Map<Long, String> names, Map<Long, String> refs) {
        return new AnalysisJob(r.id(), names.getOrDefault(r.configurationId(), "#" + r.configurationId()),
                refs.getOrDefault(r.snapshotId(), "#" + r.snapshotId()), r.kind().name(), r.state().name(),
                r.step() == null ? "" : r.step(), r.failure() == null ? "" : r.failure(),
                r.computedAt() != null ? r.computedAt() : r.startedAt() != null ? r.startedAt() : r.queuedAt());
    }

    /** How many results of a release are still waiting or being computed, for the page's live refresh. */
    public record Progress(long snapshotId, long pending, long done, long failed) {
    }

    @GetMapping(value = "/dashboard/progress", produces = "application/json")
    @ResponseBody
    Progress progress(@RequestParam long snapshotId) {
        Snapshot s = snapshots.findWithRepository(snapshotId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no snapshot " + snapshotId));
        List<Long> ids = configurations.findByRepositoryIdAndTrackedTrueOrderByNameAsc(s.getRepository().getId())
                .stream().map(SavedConfiguration::getId).toList();
        List<AnalysisResultStore.Row> rows = results.rows(snapshotId, ids);
        return new Progress(snapshotId, rows.stream().filter(r -> r.state().isActive()).count(),
                rows.stream().filter(r -> r.state().name().equals("DONE")).count(),
                rows.stream().filter(r -> r.state().name().equals("FAILED")).count());
    }

    /** Queues again the failed results of a release (after fixing what made them fail). */
    @PostMapping("/dashboard/recompute")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENGINEER')")
    String recompute(@RequestParam long snapshotId, RedirectAttributes redirect) {
        Snapshot s = snapshots.findWithRepository(snapshotId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no snapshot " + snapshotId));
        long repositoryId = s.getRepository().getId();
        int n = results.queue(List.of(s), configurations.findByRepositoryIdAndTrackedTrueOrderByNameAsc(repositoryId));
        redirect.addFlashAttribute("notice", n == 0 ? "Nothing to compute again: every result of " + s.getRefName()
                + " is stored or under way" : n + " result(s) of " + s.getRefName() + " queued again");
        return "redirect:/?repositoryId=" + repositoryId + "&ref=" + java.net.URLEncoder.encode(s.getRefName(),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
