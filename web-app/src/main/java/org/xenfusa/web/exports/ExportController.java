package org.xenfusa.web.exports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.exports.ExportFormat;
import org.xenfusa.model.exports.ExportJob;
import org.xenfusa.model.exports.ExportState;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.web.boards.BoardTable;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.ingest.InvalidRepositoryException;
import org.xenfusa.web.security.CurrentUser;

/** The exports page: pick repository, ref, configurations, boards and format; download; every export recorded. */
@Controller
public class ExportController {
    /** Who may export: everyone but VIEWER. */
    static final String EXPORTERS = "hasAnyRole('ASSESSOR', 'ENGINEER', 'ADMIN')";

    private final ExportService exports;
    private final SourceRepositoryRepository repositories;
    private final SavedConfigurationRepository configurations;
    private final BoardTable boards;

    public ExportController(ExportService exports, SourceRepositoryRepository repositories,
            SavedConfigurationRepository configurations, BoardTable boards) {
        this.exports = exports;
        this.repositories = repositories;
        this.configurations = configurations;
        this.boards = boards;
    }

    /** One row of the exports table. */
    public record ExportRow(ExportJob job, List<String> inputs) {
    }

    @GetMapping("/exports")
    String page(Model model) {
        model.addAttribute("repositories", repositories.findAllByOrderByNameAsc());
        model.addAttribute("configurations", configurations.findAllByOrderByNameAsc());
        model.addAttribute("boards", boards.catalog().boards());
        model.addAttribute("formats", List.of(ExportFormat.XLSX, ExportFormat.DOCX, ExportFormat.REQIF,
                ExportFormat.EVIDENCE));
        model.addAttribute("exports", exports.recent().stream().map(j -> new ExportRow(j, exports.describeInputs(j)))
                .toList());
        return "exports/list";
    }

    @PostMapping("/exports")
    @PreAuthorize(EXPORTERS)
    String export(@RequestParam long repositoryId, @RequestParam String ref,
            @RequestParam(name = "c", required = false) List<Long> configurationIds,
            @RequestParam(name = "b", required = false) List<String> boardIds, @RequestParam ExportFormat format,
            RedirectAttributes redirect) {
        EvidenceRequest request = new EvidenceRequest(repositoryId, ref, configurationIds == null ? List.of()
                : configurationIds, boardIds == null ? List.of() : boardIds, dashboardUrl(), Instant.now());
        try {
            ExportJob job = exports.request(request, format, Optional.empty(), CurrentUser.nameOrSystem());
            if (job.getState() == ExportState.SUCCEEDED) {
                return "redirect:/exports/" + job.getId() + "/download";
            }
            if (job.getState() == ExportState.FAILED) {
                redirect.addFlashAttribute("error", "Export failed: " + job.getMessage());
            } else {
                redirect.addFlashAttribute("notice", "Export #" + job.getId() + " is running: the file appears below"
                        + " when it is done");
            }
        } catch (InvalidRepositoryException e) {
            redirect.addFlashAttribute("error", "Not exported: " + e.getMessage());
        }
        return "redirect:/exports";
    }

    @GetMapping("/exports/{id}/download")
    @PreAuthorize(EXPORTERS)
    ResponseEntity<byte[]> download(@PathVariable long id) {
        ExportJob job = exports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no export " + id));
        byte[] bytes = exports.file(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "export " + id + " has no file (" + job.getState() + ")"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(job.getFormat().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(job.getFileName())
                        .build().toString())
                .header("X-Content-SHA256", job.getSha256())
                .body(bytes);
    }

    /** An export's state and progress as JSON, for the live progress bar. */
    @GetMapping(path = "/exports/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ExportProgress progress(@PathVariable long id) {
        return exports.find(id).map(ExportProgress::of).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "no export " + id));
    }

    /** The dashboard's base URL as the user reached it, for the links in documents. */
    static String dashboardUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
