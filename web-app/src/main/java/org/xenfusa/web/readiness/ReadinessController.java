package org.xenfusa.web.readiness;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.xenfusa.exports.readiness.Gate;
import org.xenfusa.exports.readiness.GateFileException;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.exports.ExportJob;
import org.xenfusa.model.exports.ExportState;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.web.exports.EvidenceService;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.exports.ExportService;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.security.CurrentUser;

/**
 * Release readiness: a release tag's gates and its comparison with the previous tag, the gate file (the history of
 * every release, read from stored results, is in {@code org.xenfusa.web.history}).
 */
@Controller
public class ReadinessController {
    private final ReadinessService readiness;
    private final ExportService exports;
    private final SourceRepositoryRepository repositories;
    private final SavedConfigurationRepository configurations;
    private final org.xenfusa.web.impact.ImpactService impact;

    public ReadinessController(ReadinessService readiness, ExportService exports,
            SourceRepositoryRepository repositories, SavedConfigurationRepository configurations,
            org.xenfusa.web.impact.ImpactService impact) {
        this.impact = impact;
        this.readiness = readiness;
        this.exports = exports;
        this.repositories = repositories;
        this.configurations = configurations;
    }

    /** What the pages evaluate: a repository, its chosen configurations and boards (all its saved ones by default). */
    private record Choice(Optional<SourceRepository> repository, List<SavedConfiguration> available,
            List<Long> configurationIds, List<String> boardIds) {
        EvidenceRequest request(String ref) {
            return new EvidenceRequest(repository.orElseThrow().getId(), ref, configurationIds, boardIds,
                    ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString(), Instant.now());
        }
    }

    private Choice choice(Long repositoryId, List<Long> c, List<String> b) {
        Optional<SourceRepository> repo = repositoryId != null ? repositories.findById(repositoryId)
                : repositories.findAllByOrderByNameAsc().stream().findFirst();
        List<SavedConfiguration> available = repo.map(r -> configurations.findAllByOrderByNameAsc().stream()
                .filter(s -> s.getRepositoryId().equals(r.getId())).toList()).orElse(List.of());
        List<Long> chosen = c != null && !c.isEmpty() ? c
                : b != null && !b.isEmpty() ? List.of() : available.stream().map(SavedConfiguration::getId).toList();
        return new Choice(repo, available, chosen, b == null ? List.of() : b);
    }

    private void common(Model model, Choice choice) {
        model.addAttribute("repositories", repositories.findAllByOrderByNameAsc());
        model.addAttribute("repository", choice.repository().orElse(null));
        model.addAttribute("available", choice.available());
        model.addAttribute("chosen", choice.configurationIds());
        model.addAttribute("boardIds", choice.boardIds());
        model.addAttribute("releases", choice.repository().map(r -> readiness.releases(r.getId())).orElse(List.of()));
    }

    @GetMapping("/readiness")
    String release(@RequestParam(required = false) Long repositoryId, @RequestParam(required = false) String ref,
            @RequestParam(name = "c", required = false) List<Long> c,
            @RequestParam(name = "b", required = false) List<String> b, Model model) {
        Choice choice = choice(repositoryId, c, b);
        common(model, choice);
        List<String> releases = choice.repository().map(r -> readiness.releases(r.getId())).orElse(List.of());
        String at = ref != null && !ref.isBlank() ? ref : releases.isEmpty() ? "" : releases.get(releases.size() - 1);
        model.addAttribute("ref", at);
        if (choice.repository().isEmpty() || at.isEmpty()) {
            model.addAttribute("error", "Ingest a repository's release tags first: readiness is evaluated per tag.");
            return "readiness/release";
        }
        try {
            ReadinessService.Evaluation e = readiness.evaluate(choice.request(at), EvidenceService.Progress.NONE);
            model.addAttribute("evaluation", e);
            model.addAttribute("report", e.report());
            model.addAttribute("comparison", e.report().comparison().orElse(null));
            // a release before it that the engine refuses (the first supported release): said, not "none ingested"
            model.addAttribute("refusedPrevious", e.previousRef().isEmpty()
                    ? readiness.previous(choice.repository().get().getId(), at).orElse(null) : null);
            model.addAttribute("supportedRange", org.xenfusa.sloc.xen.XenSupport.SUPPORTED_RANGE);
            model.addAttribute("deltas", e.report().comparison().map(x -> x.directories().stream()
                    .filter(d -> d.codeDelta() != 0 || d.currentActive() != d.previousActive()).toList())
                    .orElse(List.of()));
            e.report().comparison().ifPresent(cmp -> model.addAttribute("impacts",
                    impacts(choice, cmp.previousRef(), at)));
        } catch (InvalidInputException | GateFileException e) {
            model.addAttribute("error", "Cannot evaluate " + at + ": " + e.getMessage());
        }
        return "readiness/release";
    }

    /** One configuration's change impact since the previous release, or why it could not be computed. */
    public record ImpactRow(SavedConfiguration configuration, org.xenfusa.trace.impact.ImpactReport report, String error) {
    }

    /** The change impact of each chosen configuration (the impact page's report); a failure is shown, not thrown. */
    private List<ImpactRow> impacts(Choice choice, String previous, String ref) {
        List<ImpactRow> rows = new java.util.ArrayList<>();
        for (SavedConfiguration c : choice.available()) {
            if (!choice.configurationIds().contains(c.getId())) {
                continue;
            }
            try {
                rows.add(new ImpactRow(c, impact.impact(choice.repository().orElseThrow().getId(), previous, ref,
                        c.getId()), null));
            } catch (InvalidInputException | RuntimeException ex) {
                rows.add(new ImpactRow(c, null, ex.getMessage()));
            }
        }
        return rows;
    }

    /** A POST (with its CSRF token): every call records a new export, which a GET must never do. */
    @PostMapping("/readiness/download")
    @PreAuthorize("hasAnyRole('ASSESSOR', 'ENGINEER', 'ADMIN')")
    String download(@Valid @ModelAttribute("downloadForm") ReadinessDownloadForm form, BindingResult errors,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            // the release page again with the reasons; from what was sent, as the refused record may not exist
            String page = release(number(request.getParameter("repositoryId")), request.getParameter("ref"),
                    request.getParameterValues("c") == null ? null : Arrays.stream(request.getParameterValues("c"))
                            .map(ReadinessController::number).filter(Objects::nonNull).toList(),
                    request.getParameterValues("b") == null ? null : List.of(request.getParameterValues("b")), model);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("downloadRefused", true);
            model.addAttribute("error", "Not exported: see the reasons below");
            return page;
        }
        Choice choice = choice(form.repositoryId(), form.configurationIds(), form.boardIds());
        try {
            ExportJob job = exports.request(choice.request(form.ref()), form.exportFormat(), Optional.empty(),
                    CurrentUser.nameOrSystem());
            if (job.getState() == ExportState.SUCCEEDED) {
                return "redirect:/exports/" + job.getId() + "/download";
            }
            redirect.addFlashAttribute("error", "Not exported: " + job.getMessage());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", "Not exported: " + e.getMessage());
        }
        return "redirect:/exports";
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/readiness/gates")
    String gates(Model model) {
        if (!model.containsAttribute("text")) {
            model.addAttribute("text", readiness.gateText());
        }
        model.addAttribute("history", readiness.history());
        model.addAttribute("gates", Gate.values());
        return "readiness/gates";
    }

    @PostMapping("/readiness/gates")
    @PreAuthorize("hasRole('ADMIN')")
    String saveGates(@RequestParam String text, RedirectAttributes redirect) {
        try {
            readiness.update(text);
            redirect.addFlashAttribute("notice", "Gate file saved");
        } catch (GateFileException e) {
            redirect.addFlashAttribute("error", "Not saved: " + e.getMessage());
            redirect.addFlashAttribute("text", text);
            redirect.addFlashAttribute("errorLine", e.line());
            List<String> lines = text.lines().toList();
            redirect.addFlashAttribute("errorLineText", e.line() >= 1 && e.line() <= lines.size()
                    ? lines.get(e.line() - 1) : "");
        }
        return "redirect:/readiness/gates";
    }
}
