package org.xenfusa.web.dashboard;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.http.HttpStatus;
import org.xenfusa.model.ingest.IngestJob;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.web.platform.FusaProperties;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.ingest.SubmoduleBootstrap;
import org.xenfusa.web.sloc.SlocService;

/** The repository pages: repositories, a repository's snapshots and jobs, ingest requests. */
@Controller
public class DashboardController {
    private final SourceRepositoryRepository repositories;
    private final SnapshotRepository snapshots;
    private final IngestJobRepository jobs;
    private final RepositoryRegistrar registrar;
    private final IngestService ingest;
    private final SlocService sloc;
    private final SubmoduleBootstrap submodule;
    private final FusaProperties properties;

    public DashboardController(SourceRepositoryRepository repositories, SnapshotRepository snapshots,
            IngestJobRepository jobs, RepositoryRegistrar registrar, IngestService ingest, SlocService sloc,
            SubmoduleBootstrap submodule, FusaProperties properties) {
        this.repositories = repositories;
        this.snapshots = snapshots;
        this.jobs = jobs;
        this.registrar = registrar;
        this.ingest = ingest;
        this.sloc = sloc;
        this.submodule = submodule;
        this.properties = properties;
    }

    /** A repository with its number of snapshots. */
    public record RepositoryRow(SourceRepository repository, long snapshots) {
    }

    /** A snapshot with its code lines under the page's path. */
    public record SnapshotRow(Snapshot snapshot, long code) {
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** The repositories (the home page is the FuSa SIG's dashboard, {@code web.home}). */
    @GetMapping("/repositories")
    String list(Model model) {
        model.addAttribute("repositories", repositories.findAllByOrderByNameAsc().stream()
                .map(r -> new RepositoryRow(r, snapshots.countByRepositoryId(r.getId()))).toList());
        model.addAttribute("submodule", submodule.status());
        model.addAttribute("allowedRoots", properties.allowedRoots());
        return "repository/list";
    }

    @PostMapping("/repositories")
    @PreAuthorize("hasRole('ADMIN')")
    String register(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String location,
            @RequestParam(defaultValue = "") String credentials, Authentication auth, RedirectAttributes redirect) {
        try {
            SourceRepository repo = registrar.register(name, location, credentials, auth.getName());
            redirect.addFlashAttribute("notice", "Registered '" + repo.getName() + "'. " + (repo.isReady()
                    ? "Choose what to ingest." : "It is being cloned in the background: this page shows how far."));
            return "redirect:/repositories/" + repo.getId();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", "Not registered: " + e.getMessage());
            return "redirect:/repositories";
        }
    }

    @GetMapping("/repositories/{id}")
    String repository(@PathVariable long id, @RequestParam(defaultValue = "xen/") String path, Model model) {
        SourceRepository repo = repositories.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no repository " + id));
        model.addAttribute("repository", repo);
        // a URL: no folder is stored, each instance reads its own clone (shown to ADMIN beside the URL)
        model.addAttribute("gitDir", repo.getGitDir() != null ? repo.getGitDir()
                : "this instance's clone, " + org.xenfusa.web.ingest.RepositoryStorage.cloneFolder(properties, id));
        List<SlocService.TrendPoint> trend = sloc.trend(id, path);
        Map<Long, Long> code = trend.stream()
                .collect(Collectors.toMap(SlocService.TrendPoint::snapshotId, SlocService.TrendPoint::code));
        // the chart reads oldest to newest; the list starts with the newest release
        model.addAttribute("snapshots", snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(id).stream()
                .sorted(Snapshots.NEWEST_RELEASE_FIRST)
                .map(s -> new SnapshotRow(s, code.getOrDefault(s.getId(), 0L))).toList());
        model.addAttribute("jobs", jobs.findTop20ByRepositoryIdOrderByCreatedAtDesc(id));
        model.addAttribute("trend", trend);
        model.addAttribute("trendPath", path);
        return "repository/show";
    }

    @PostMapping("/repositories/{id}/ingest")
    @PreAuthorize("hasRole('ADMIN')")
    String requestIngest(@PathVariable long id, @RequestParam IngestMode mode,
            @RequestParam(defaultValue = "") String spec, Authentication auth, RedirectAttributes redirect) {
        if (repositories.findById(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no repository " + id);
        }
        if (mode == IngestMode.REF && spec.isBlank()) {
            redirect.addFlashAttribute("error", "Give the ref to ingest (a tag, branch or commit)");
            return "redirect:/repositories/" + id;
        }
        IngestJob job = ingest.request(id, mode, spec, auth.getName());
        redirect.addFlashAttribute("notice", "Ingest job #" + job.getId() + " (" + job.getDescription() + ") is "
                + job.getState().name().toLowerCase());
        return "redirect:/repositories/" + id;
    }

    @GetMapping("/jobs")
    String jobs(Model model) {
        List<IngestJob> list = jobs.findTop20ByOrderByCreatedAtDesc();
        Map<Long, String> names = repositories.findAll().stream()
                .collect(Collectors.toMap(SourceRepository::getId, SourceRepository::getName));
        model.addAttribute("jobs", list);
        model.addAttribute("names", names);
        return "jobs";
    }

    @GetMapping(value = "/jobs/{id}/progress", produces = "application/json")
    @ResponseBody
    JobProgress progress(@PathVariable long id) {
        return jobs.findById(id).map(JobProgress::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no job " + id));
    }

    @PostMapping("/jobs/{id}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        IngestJob job = jobs.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no job " + id));
        ingest.cancel(id);
        redirect.addFlashAttribute("notice", "Asked job #" + id + " to stop");
        return "redirect:/repositories/" + job.getRepositoryId();
    }

}
