package org.xenfusa.web.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.trace.config.ConfigurationCoverage;
import org.xenfusa.web.platform.InvalidInputException;

/** The traceability matrix, untraced code, suspect links, and link files and test results in and out. */
@Controller
public class TraceReportController {
    private final TraceService traces;
    private final TracePages pages;
    private final LinkService links;
    private final TestEvidenceService evidence;
    private final SnapshotRepository snapshots;

    public TraceReportController(TraceService traces, TracePages pages, LinkService links, TestEvidenceService evidence,
            SnapshotRepository snapshots) {
        this.traces = traces;
        this.pages = pages;
        this.links = links;
        this.evidence = evidence;
        this.snapshots = snapshots;
    }

    @GetMapping("/trace/{sid}/matrix")
    String matrix(@PathVariable long sid, @RequestParam(defaultValue = "1") int page, Model model)
            throws InvalidInputException {
        SnapshotTrace trace = traces.trace(sid);
        List<SavedConfiguration> configurations = traces.configurations(trace);
        TracePages.RowPage rows = pages.page(trace, configurations, page, TracePages.MATRIX_PAGE_SIZE);
        model.addAttribute("trace", trace);
        model.addAttribute("configurations", configurations);
        model.addAttribute("page", rows);
        model.addAttribute("rows", rows.rows());
        model.addAttribute("verdicts", org.xenfusa.trace.report.Verdict.values());
        return "trace/matrix";
    }

    @GetMapping("/trace/{sid}/untraced")
    String untraced(@PathVariable long sid, @RequestParam long configuration, Model model)
            throws InvalidInputException {
        SnapshotTrace trace = traces.trace(sid);
        SavedConfiguration saved = traces.configuration(configuration);
        org.xenfusa.trace.report.ConfigurationTrace traced = traces.configurationTrace(trace, saved);
        ConfigurationCoverage coverage = traced.coverage();
        model.addAttribute("notInTree", traced.notInTree());
        model.addAttribute("trace", trace);
        model.addAttribute("saved", saved);
        model.addAttribute("coverage", coverage);
        model.addAttribute("files", coverage.files().stream().filter(f -> f.untracedCode() > 0)
                .sorted(java.util.Comparator.comparingInt(org.xenfusa.trace.config.FileSloc::untracedCode).reversed()
                        .thenComparing(org.xenfusa.trace.config.FileSloc::path))
                .toList());
        model.addAttribute("functions", coverage.untracedFunctions().stream().limit(500).toList());
        return "trace/untraced";
    }

    @GetMapping("/trace/{sid}/suspect")
    String suspect(@PathVariable long sid, @RequestParam(required = false) Long against, Model model)
            throws InvalidInputException {
        SnapshotTrace trace = traces.trace(sid);
        model.addAttribute("trace", trace);
        model.addAttribute("others", snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(
                trace.snapshot().repositoryId()).stream().filter(s -> s.getId() != sid).toList());
        model.addAttribute("against", against);
        if (against != null) {
            // the suspects first: they refuse a snapshot of another repository before it is traced
            model.addAttribute("suspects", pages.suspects(against, sid));
            model.addAttribute("before", traces.trace(against).snapshot());
        }
        return "trace/suspect";
    }

    @GetMapping("/trace/repositories/{rid}/links.yaml")
    ResponseEntity<byte[]> exportLinks(@PathVariable long rid) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("fusa-links.yaml").build().toString())
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .body(links.export(rid).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/trace/{sid}/link-file")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String importLinks(@PathVariable long sid, @RequestParam MultipartFile file, Authentication auth,
            RedirectAttributes redirect) throws IOException, InvalidInputException {
        SnapshotTrace trace = traces.trace(sid);
        RequirementController.report(redirect, "Imported %d links from the link file", links.importLinkFile(
                trace.snapshot().repositoryId(), RequirementController.name(file), file.getBytes(), auth.getName()));
        return "redirect:/trace/" + sid;
    }

    @PostMapping("/trace/{sid}/junit")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String importJUnit(@PathVariable long sid, @RequestParam long configuration, @RequestParam MultipartFile file,
            Authentication auth, RedirectAttributes redirect) throws IOException {
        TestEvidenceService.Outcome o;
        try (java.io.InputStream in = file.getInputStream()) { // streamed: never the whole file in memory
            o = evidence.importJUnit(sid, configuration, RequirementController.name(file), in, auth.getName());
        }
        if (o.problem().isPresent()) {
            redirect.addFlashAttribute("error", "Not imported: " + o.problem().get());
        } else {
            redirect.addFlashAttribute("notice", "Imported " + o.cases() + " test results from "
                    + o.stored().map(f -> f.getFileName() + " (sha256 " + f.getSha256() + ")").orElse(""));
        }
        return "redirect:/trace/" + sid + "/matrix";
    }

    /** The verification evidence of one configuration: every result file with its SHA-256. */
    @GetMapping("/trace/{sid}/results")
    String results(@PathVariable long sid, @RequestParam long configuration, Model model)
            throws InvalidInputException {
        SnapshotTrace trace = traces.trace(sid);
        SavedConfiguration saved = traces.configuration(configuration);
        model.addAttribute("trace", trace);
        model.addAttribute("saved", saved);
        model.addAttribute("files", traces.results(sid, configuration));
        Map<?, ?> verification = traces.verification(trace, saved);
        model.addAttribute("verification", verification.values());
        return "trace/results";
    }
}
