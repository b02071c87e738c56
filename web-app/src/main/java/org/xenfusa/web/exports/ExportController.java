package org.xenfusa.web.exports;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.security.CurrentUser;

/** The exports page: pick repository, ref, configurations, boards and format; download; every export recorded. */
@Controller
public class ExportController {
    /** Who may export: everyone but VIEWER. */
    static final String EXPORTERS = "hasAnyRole('ASSESSOR', 'ENGINEER', 'ADMIN')";
    /** The formats of this page (the readiness documents are made on the readiness page). */
    static final List<ExportFormat> FORMATS = List.of(ExportFormat.XLSX, ExportFormat.DOCX, ExportFormat.REQIF,
            ExportFormat.EVIDENCE);

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
        model.addAttribute("form", ExportForm.blank());
        return listPage(model);
    }

    private String listPage(Model model) {
        model.addAttribute("repositories", repositories.findAllByOrderByNameAsc());
        model.addAttribute("configurations", configurations.findAllByOrderByNameAsc());
        model.addAttribute("boards", boards.catalog().boards());
        model.addAttribute("formats", FORMATS);
        model.addAttribute("exports", exports.recent().stream().map(j -> new ExportRow(j, exports.describeInputs(j)))
                .toList());
        return "exports/list";
    }

    @PostMapping("/exports")
    @PreAuthorize(EXPORTERS)
    String export(@Valid @ModelAttribute("form") ExportForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                ExportJob job = exports.request(form.request(dashboardUrl(), Instant.now()), form.format(),
                        form.previous(), CurrentUser.nameOrSystem());
                if (job.getState() == ExportState.SUCCEEDED) {
                    return "redirect:/exports/" + job.getId() + "/download";
                }
                if (job.getState() == ExportState.FAILED) {
                    redirect.addFlashAttribute("error", "Export failed: " + job.getMessage());
                } else {
                    redirect.addFlashAttribute("notice", "Export #" + job.getId() + " is running: the file appears"
                            + " below when it is done");
                }
                return "redirect:/exports";
            } catch (InvalidInputException e) {
                errors.reject("refused", e.getMessage());
            }
        }
        // the page again, the form with what was chosen and why it was refused
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", "Not exported: check the fields marked below");
        return listPage(model);
    }

    @GetMapping("/exports/{id}/download")
    @PreAuthorize(EXPORTERS)
    ResponseEntity<byte[]> download(@PathVariable long id) {
        ExportJob job = exports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no export " + id));
        // only a finished export is a download: a worker killed after storing the file but before recording
        // the export as done leaves a file for an export that failed
        byte[] bytes = exports.file(id).filter(b -> job.getState() == ExportState.SUCCEEDED)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
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
        return exports.find(id).map(j -> ExportProgress.of(j, exports.parts(id))).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no export " + id));
    }

    /** One export: what it was made of and, for one that ran as a job, its parts with their state and instance. */
    @GetMapping("/exports/{id}")
    String detail(@PathVariable long id, Model model) {
        ExportJob job = exports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no export " + id));
        model.addAttribute("row", new ExportRow(job, exports.describeInputs(job)));
        model.addAttribute("parts", exports.parts(id));
        model.addAttribute("assemblyStarted", exports.assemblyStarted(id).orElse(null));
        return "exports/detail";
    }

    /** The dashboard's base URL as the user reached it, for the links in documents. */
    static String dashboardUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
