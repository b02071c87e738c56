package org.xenfusa.web.config;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.xen.XenArch;
import org.xenfusa.web.config.ConfigurationService.Evaluated;
import org.xenfusa.web.dashboard.Snapshots;
import org.xenfusa.web.platform.InvalidInputException;

/** The configurations pages: create, browse the menu with values, explain and change a symbol, compare. */
@Controller
public class ConfigurationController {
    static final List<String> TOOLCHAINS = List.of("debian12-gcc12-x86_64", "debian12-gcc12-aarch64",
            "debian12-gcc12-armhf", "debian12-gcc12-riscv64", "debian12-gcc12-ppc64");

    private final ConfigurationService service;
    private final SavedConfigurationRepository configurations;
    private final SourceRepositoryRepository repositories;
    private final SnapshotRepository snapshots;
    private final ConfigurationHistory history;

    public ConfigurationController(ConfigurationService service, SavedConfigurationRepository configurations,
            SourceRepositoryRepository repositories, SnapshotRepository snapshots, ConfigurationHistory history) {
        this.service = service;
        this.configurations = configurations;
        this.repositories = repositories;
        this.snapshots = snapshots;
        this.history = history;
    }

    private SavedConfiguration find(long id) {
        return configurations.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no configuration " + id));
    }

    @GetMapping("/configurations")
    String list(Model model) {
        model.addAttribute("form", ConfigurationForm.blank());
        return listPage(model);
    }

    private String listPage(Model model) {
        List<SourceRepository> repos = repositories.findAllByOrderByNameAsc();
        model.addAttribute("configurations", configurations.findAllByOrderByNameAsc());
        model.addAttribute("repositories", repos);
        model.addAttribute("repositoryNames", repos.stream()
                .collect(Collectors.toMap(SourceRepository::getId, SourceRepository::getName)));
        model.addAttribute("refs", repos.stream().flatMap(r -> snapshots
                .findByRepositoryIdOrderByCommitTimeAscRefNameAsc(r.getId()).stream().map(s -> s.getRefName()))
                .distinct().sorted(Snapshots.NEWEST_REF_FIRST).toList());
        model.addAttribute("arches", List.of(XenArch.values()).stream().map(XenArch::targetArch).toList());
        model.addAttribute("kinds", StartKind.values());
        model.addAttribute("toolchains", TOOLCHAINS);
        return "config/list";
    }

    @PostMapping("/configurations")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String create(@Valid @ModelAttribute("form") ConfigurationForm form, BindingResult errors, Authentication auth,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        // the choices of the form's selects (a record may be null here: Spring creates none it refused)
        List<String> arches = List.of(XenArch.values()).stream().map(XenArch::targetArch).toList();
        if (form != null && !errors.hasFieldErrors("arch") && !arches.contains(form.arch().strip())) {
            errors.rejectValue("arch", "unknown", "not an architecture Xen builds for (" + String.join(", ", arches) + ")");
        }
        if (form != null && !errors.hasFieldErrors("toolchain") && !form.toolchain().isEmpty()
                && !TOOLCHAINS.contains(form.toolchain())) {
            errors.rejectValue("toolchain", "unknown", "not a shipped toolchain profile");
        }
        if (form != null && !errors.hasFieldErrors("repositoryId") && form.repositoryId() != null
                && repositories.findById(form.repositoryId()).isEmpty()) {
            errors.rejectValue("repositoryId", "unknown", "no such repository");
        }
        if (!errors.hasErrors()) {
            try {
                SavedConfiguration saved = service.create(form, auth.getName());
                redirect.addFlashAttribute("notice", "Created configuration '" + saved.getName() + "'");
                return "redirect:/configurations/" + saved.getId();
            } catch (InvalidInputException e) {
                errors.reject("refused", e.getMessage());
            }
        }
        // the list again, the form with what was typed and why it was refused
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", "Not created: check the fields marked below");
        return listPage(model);
    }

    @GetMapping("/configurations/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "") String q, Model model) {
        SavedConfiguration saved = find(id);
        model.addAttribute("saved", saved);
        model.addAttribute("q", q);
        model.addAttribute("repositoryName", repositories.findById(saved.getRepositoryId())
                .map(SourceRepository::getName).orElse("(removed)"));
        try {
            Evaluated e = service.evaluate(saved);
            model.addAttribute("evaluated", e);
            List<MenuEntry> rows = MenuEntry.of(e.configuration(), q);
            model.addAttribute("rows", rows);
            model.addAttribute("hiddenCount", MenuEntry.hiddenCount(rows));
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("rows", List.of());
            model.addAttribute("hiddenCount", 0);
        }
        return "config/show";
    }

    @GetMapping("/configurations/{id}/symbols/{symbol}")
    String symbol(@PathVariable long id, @PathVariable String symbol,
            @RequestParam(required = false) String preview, Model model) throws InvalidInputException {
        SavedConfiguration saved = find(id);
        Evaluated e = service.evaluate(saved);
        var explanation = e.configuration().explain(symbol)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no symbol " + symbol));
        model.addAttribute("saved", saved);
        model.addAttribute("evaluated", e);
        model.addAttribute("x", explanation);
        model.addAttribute("help", e.configuration().tree().symbol(symbol).flatMap(s -> s.help()).orElse(""));
        if (preview != null) {
            SymbolAssignment change = ConfigurationService.parseAssignment(symbol + "=" + preview);
            Evaluated after = service.evaluate(saved, saved.getRefName(), List.of(change));
            model.addAttribute("preview", preview);
            model.addAttribute("consequences", ConfigurationService.diff(e.configuration(), after.configuration()));
            model.addAttribute("previewDiagnostics", after.configuration().runDiagnostics());
        }
        return "config/symbol";
    }

    @PostMapping("/configurations/{id}/symbols/{symbol}")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String setValue(@PathVariable long id, @PathVariable String symbol, @RequestParam String value,
            RedirectAttributes redirect) {
        try {
            service.setValue(id, symbol, value);
            redirect.addFlashAttribute("notice", "Set " + symbol + "=" + value);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/configurations/" + id + "/symbols/" + symbol;
    }

    @GetMapping("/configurations/{id}/dotconfig")
    ResponseEntity<byte[]> download(@PathVariable long id) throws InvalidInputException {
        SavedConfiguration saved = find(id);
        Evaluated e = service.evaluate(saved);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(saved.getName().replaceAll("[^A-Za-z0-9._-]", "_") + ".config").build().toString())
                .contentType(MediaType.TEXT_PLAIN)
                .body(e.configuration().writeDotConfig().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/configurations/compare")
    String compare(@RequestParam long a, @RequestParam(required = false) Long b,
            @RequestParam(required = false) String ref, @RequestParam(required = false) String from, Model model)
            throws InvalidInputException {
        SavedConfiguration left = find(a);
        // from: the tag the left side is evaluated at (the dashboard's previous release); its own ref otherwise
        Evaluated l = from == null || from.isBlank() ? service.evaluate(left)
                : service.evaluate(left, from.strip(), List.of());
        Evaluated r;
        if (b != null) {
            r = service.evaluate(find(b));
        } else if (ref != null && !ref.isBlank()) {
            r = service.evaluate(left, ref.strip(), List.of());
        } else {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give b (another configuration) or ref (another tag)");
        }
        model.addAttribute("left", l);
        model.addAttribute("right", r);
        model.addAttribute("changes", ConfigurationService.diff(l.configuration(), r.configuration()));
        model.addAttribute("configurations", configurations.findAllByOrderByNameAsc());
        return "config/compare";
    }

    @GetMapping("/configurations/{id}/history")
    String history(@PathVariable long id, Model model) {
        model.addAttribute("saved", find(id));
        model.addAttribute("revisions", history.revisions(id));
        return "config/history";
    }

}
