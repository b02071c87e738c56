package org.xenfusa.web.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.sloc.tree.RepositoryUrls;
import org.xenfusa.web.dashboard.JobProgress;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.security.ServerPaths;
import org.xenfusa.web.sloc.SlocService;

/** The JSON REST API (HTTP Basic): the same figures as the dashboard, for scripts and CI. */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
public class ApiController {
    private final SourceRepositoryRepository repositories;
    private final SnapshotRepository snapshots;
    private final IngestJobRepository jobs;
    private final RepositoryRegistrar registrar;
    private final IngestService ingest;
    private final SlocService sloc;

    public ApiController(SourceRepositoryRepository repositories, SnapshotRepository snapshots,
            IngestJobRepository jobs, RepositoryRegistrar registrar, IngestService ingest, SlocService sloc) {
        this.repositories = repositories;
        this.snapshots = snapshots;
        this.jobs = jobs;
        this.registrar = registrar;
        this.ingest = ingest;
        this.sloc = sloc;
    }

    /**
     * {@code cloneState}: READY, CLONING (a job; see {@code cloneMessage}) or FAILED with the reason. A local
     * repository's folder only for ADMIN ({@link ServerPaths}).
     */
    public record RepositoryJson(long id, String name, String location, String kind, String cloneState, int clonePercent,
            String cloneMessage, String credentials) {
        static RepositoryJson of(SourceRepository r) {
            return new RepositoryJson(r.getId(), r.getName(), ServerPaths.location(r), r.getKind().name(),
                    r.getCloneState(), r.getClonePercent(), r.getCloneMessage() == null ? ""
                            : RepositoryUrls.mask(r.getCloneMessage()),
                    r.getCredentialsRef() == null ? "" : r.getCredentialsRef());
        }
    }

    /** A snapshot; {@code aliases} are the other ref spellings that reached its commit (found by name too). */
    public record SnapshotJson(long id, String ref, List<String> aliases, String commit, String commitTime,
            String subject, int files) {
        static SnapshotJson of(Snapshot s, List<String> aliases) {
            return new SnapshotJson(s.getId(), s.getRefName(), aliases, s.getCommitSha(), s.getCommitTime().toString(),
                    s.getCommitSubject(), s.getFileCount());
        }
    }

    public record RegisterRequest(String name, String location, String credentials) {
    }

    public record IngestRequest(IngestMode mode, String ref) {
    }

    @GetMapping("/repositories")
    List<RepositoryJson> repositories() {
        return repositories.findAllByOrderByNameAsc().stream().map(RepositoryJson::of).toList();
    }

    @PostMapping("/repositories")
    ResponseEntity<RepositoryJson> register(@RequestBody RegisterRequest request, Authentication auth)
            throws InvalidInputException {
        SourceRepository r = registrar.register(request.name(), request.location(), request.credentials(),
                auth.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(RepositoryJson.of(r));
    }

    @GetMapping("/repositories/{id}/snapshots")
    List<SnapshotJson> snapshots(@PathVariable long id) {
        if (repositories.findById(id).isEmpty()) {
            // an unknown repository is not one with no snapshots
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no repository " + id);
        }
        return snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(id).stream()
                .map(s -> SnapshotJson.of(s, snapshots.aliases(s.getId()))).toList();
    }

    @PostMapping("/repositories/{id}/ingest")
    ResponseEntity<JobProgress> ingest(@PathVariable long id, @RequestBody IngestRequest request, Authentication auth) {
        if (repositories.findById(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no repository " + id);
        }
        IngestMode mode = request.mode() == null ? IngestMode.REF : request.mode();
        if (mode == IngestMode.REF && (request.ref() == null || request.ref().isBlank())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give 'ref' for mode REF");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(JobProgress.of(ingest.request(id, mode, request.ref(), auth.getName())));
    }

    @GetMapping("/jobs/{id}")
    JobProgress job(@PathVariable long id) {
        return jobs.findById(id).map(JobProgress::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no job " + id));
    }

    /** Shaped like {@code cloc --json}: one object per language and SUM, plus the commit. */
    @GetMapping("/snapshots/{id}/sloc")
    Map<String, Object> sloc(@PathVariable long id, @RequestParam(defaultValue = "xen/") String path) {
        return sloc.sloc(id, path).map(s -> s.toClocJson())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no snapshot " + id));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
