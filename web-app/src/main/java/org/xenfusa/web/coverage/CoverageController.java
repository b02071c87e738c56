package org.xenfusa.web.coverage;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
import org.xenfusa.coverage.CoverageReport;
import org.xenfusa.coverage.CoverageReport.FunctionFigures;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.sloc.effort.Asil;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.trace.TraceService;

/**
 * The structural coverage page of a snapshot in one configuration (every role reads it), the upload of coverage data
 * (engineers and admins) and the configuration's target level (engineers and admins set it). The page renders the
 * library's {@link CoverageReport}; it computes nothing itself.
 */
@Controller
public class CoverageController {
    /** Rows of the file, function and requirement tables shown (the JSON of {@code fusa coverage} has them all). */
    static final int MAX_ROWS = 500;

    private final CoverageService coverage;
    private final TraceService traces;

    public CoverageController(CoverageService coverage, TraceService traces) {
        this.coverage = coverage;
        this.traces = traces;
    }

    /** From a configuration's page: the snapshot of the commit its ref names. */
    @GetMapping("/configurations/{id}/coverage")
    String fromConfiguration(@PathVariable long id, RedirectAttributes redirect) throws InvalidInputException {
        Optional<Snapshot> s = traces.snapshotAtRef(traces.configuration(id),
                why -> redirect.addFlashAttribute("error", why + "coverage data for it"));
        if (s.isEmpty()) {
            return "redirect:/configurations/" + id;
        }
        return "redirect:/coverage/" + s.get().getId() + "?configuration=" + id;
    }

    @GetMapping("/coverage/{sid}")
    String report(@PathVariable long sid, @RequestParam(name = "configuration", required = false) String given,
            @RequestParam(required = false) String requirement, Model model) throws InvalidInputException {
        Snapshot s = traces.snapshot(sid);
        model.addAttribute("snapshot", s);
        List<SavedConfiguration> configurations = traces.configurations(traces.trace(sid));
        model.addAttribute("configurations", configurations);
        if (given == null || given.isBlank()) {
            return "coverage/choose";
        }
        long configuration;
        try {
            configuration = Long.parseLong(given.strip());
        } catch (NumberFormatException e) {
            model.addAttribute("error", "'" + given + "' is not the id of a configuration: choose one");
            return "coverage/choose";
        }
        SavedConfiguration saved = traces.configuration(configuration);
        CoverageReport r = coverage.report(sid, configuration);
        model.addAttribute("saved", saved);
        model.addAttribute("report", r);
        model.addAttribute("target", coverage.level(configuration));
        model.addAttribute("levelHistory", coverage.levelHistory(configuration));
        model.addAttribute("dals", DesignAssuranceLevel.values());
        model.addAttribute("asils", Asil.values());
        model.addAttribute("files", r.files().stream().limit(MAX_ROWS).toList());
        model.addAttribute("moreFiles", Math.max(0, r.files().size() - MAX_ROWS));
        model.addAttribute("requirements", r.requirements().stream().limit(MAX_ROWS).toList());
        model.addAttribute("moreRequirements", Math.max(0, r.requirements().size() - MAX_ROWS));
        List<FunctionFigures> never = r.compiled().neverExecuted();
        model.addAttribute("never", never.stream().limit(MAX_ROWS).toList());
        model.addAttribute("moreNever", Math.max(0, never.size() - MAX_ROWS));
        model.addAttribute("neverDirectories", r.compiled().neverExecutedByDirectory().stream()
                .sorted(Comparator.comparingLong(CoverageReport.NeverExecutedDirectory::sloc).reversed()).toList());
        model.addAttribute("stored", coverage.stored(sid, configuration));
        if (requirement != null && !requirement.isBlank()) {
            Optional<CoverageReport.RequirementFigures> q = r.requirement(requirement.strip());
            if (q.isEmpty()) {
                model.addAttribute("error", "Requirement " + requirement.strip() + " has no code in this configuration:"
                        + " it does not apply here, or no link or tag places it in a compiled function.");
            } else {
                model.addAttribute("requirement", q.get());
                model.addAttribute("requirementFunctions", r.functions().stream().filter(f -> q.get().functions()
                        .stream().anyMatch(x -> x.path().equals(f.path()) && x.startLine() == f.startLine()
                                && x.name().equals(f.name()))).toList());
            }
        }
        return "coverage/report";
    }

    @PostMapping("/coverage/{sid}/data")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String upload(@PathVariable long sid, @RequestParam long configuration,
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(name = "folder", required = false) List<MultipartFile> folder,
            @RequestParam(defaultValue = "") String test, @RequestParam(defaultValue = "") String pathMap,
            Authentication auth, RedirectAttributes redirect) throws IOException, InvalidInputException {
        String back = "redirect:/coverage/" + sid + "?configuration=" + configuration;
        List<MultipartFile> chosen = new java.util.ArrayList<>(files == null ? List.of() : files.stream()
                .filter(f -> f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank() || !f.isEmpty())
                .toList());
        // of a folder, the files a folder given to fusa coverage --data would be read for (gcov's text output beside
        // its JSON is left out)
        if (folder != null) {
            folder.stream().filter(f -> f.getOriginalFilename() != null
                    && org.xenfusa.coverage.CoverageImporter.isCoverageFileName(f.getOriginalFilename()))
                    .forEach(chosen::add);
        }
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("error", "Not imported: choose one or more coverage data files");
            return back;
        }
        List<CoverageService.Upload> uploads = new java.util.ArrayList<>();
        for (MultipartFile f : chosen) {
            String name = f.getOriginalFilename() == null || f.getOriginalFilename().isBlank() ? "(upload)"
                    : f.getOriginalFilename();
            if (f.isEmpty()) {
                redirect.addFlashAttribute("error", "Not imported, nothing stored: " + name + " is empty");
                return back;
            }
            uploads.add(new CoverageService.Upload(name, f::getInputStream));
        }
        CoverageService.Outcome o;
        try {
            o = coverage.importData(sid, configuration, uploads, test, pathMap, auth.getName());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", "Not imported, nothing stored: " + e.getMessage());
            return back;
        }
        if (o.refused()) {
            redirect.addFlashAttribute("error", "Not imported, nothing stored: " + String.join("; ", o.problems()));
            return back;
        }
        CoverageService.StoredData f = o.stored().get(0);
        String what = o.stored().size() == 1 ? f.fileName() + " (" + f.format()
                + (f.tool().isEmpty() ? "" : ", " + (f.tool() + " " + f.toolVersion()).strip()) + ")"
                : o.stored().size() + " data files (" + String.join(", ", o.stored().stream()
                        .map(CoverageService.StoredData::format).distinct().toList()) + ")";
        redirect.addFlashAttribute("notice", "Imported " + what + " for test run '" + f.test() + "': data for "
                + o.files() + " files of the snapshot" + (o.stored().size() == 1 ? " (sha256 " + f.sha256() + ")" : "")
                + (o.notInSnapshot().isEmpty() ? "" : "; " + o.notInSnapshot().size()
                        + " files not in the snapshot are listed, not counted")
                + (o.unmapped().isEmpty() ? "" : "; no path map places " + o.unmapped().size()
                        + " build paths, e.g. " + o.unmapped().get(0)));
        return back;
    }

    @PostMapping("/coverage/{sid}/level")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String level(@PathVariable long sid, @RequestParam long configuration, @RequestParam(defaultValue = "") String level,
            Authentication auth, RedirectAttributes redirect) throws InvalidInputException {
        traces.snapshot(sid);
        CoverageService.TargetLevel t;
        try {
            t = coverage.setLevel(configuration, level, auth.getName());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", "Level not changed: " + e.getMessage());
            return "redirect:/coverage/" + sid + "?configuration=" + configuration;
        }
        redirect.addFlashAttribute("notice", "Target level of this configuration: " + t.level().label()
                + (t.givenAs().equals(t.level().name()) ? "" : " (" + t.givenAs() + ")"));
        return "redirect:/coverage/" + sid + "?configuration=" + configuration;
    }
}
