package org.xenfusa.web.misra;

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
import org.xenfusa.misra.MisraReport;
import org.xenfusa.misra.MisraReport.LocationRow;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.trace.TraceService;

/**
 * The MISRA C page of a snapshot in one configuration (every role reads it) and the upload of analyser findings
 * (engineers and admins). The page renders the library's {@link MisraReport}; it computes nothing itself.
 */
@Controller
public class MisraController {
    /** Rows of the file and violation tables shown (the JSON of {@code fusa misra} has them all). */
    static final int MAX_ROWS = 500;

    private final MisraService misra;
    private final TraceService traces;
    private final SnapshotRepository snapshots;

    public MisraController(MisraService misra, TraceService traces,
            SnapshotRepository snapshots) {
        this.snapshots = snapshots;
        this.misra = misra;
        this.traces = traces;
    }

    /** From a configuration's page: the snapshot of the commit its ref names. */
    @GetMapping("/configurations/{id}/misra")
    String fromConfiguration(@PathVariable long id, RedirectAttributes redirect) throws InvalidInputException {
        Optional<Snapshot> s = traces.snapshotAtRef(traces.configuration(id),
                why -> redirect.addFlashAttribute("error", why + "MISRA findings for it"));
        if (s.isEmpty()) {
            return "redirect:/configurations/" + id;
        }
        return "redirect:/misra/" + s.get().getId() + "?configuration=" + id;
    }

    @GetMapping("/misra/{sid}")
    String report(@PathVariable long sid, @RequestParam long configuration, @RequestParam(required = false) Long base,
            Model model) throws InvalidInputException {
        Snapshot s = traces.snapshot(sid);
        SavedConfiguration saved = traces.configuration(configuration);
        if (base != null && !traces.snapshot(base).getRepository().getId().equals(s.getRepository().getId())) {
            throw new InvalidInputException("snapshot " + base + " is of another repository");
        }
        MisraReport r = misra.report(sid, configuration, Optional.ofNullable(base));
        model.addAttribute("base", base);
        model.addAttribute("others", snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(
                s.getRepository().getId()).stream().filter(o -> o.getId() != sid).toList());
        model.addAttribute("snapshot", s);
        model.addAttribute("saved", saved);
        model.addAttribute("report", r);
        model.addAttribute("guidelines", r.guidelines().stream()
                .filter(g -> g.accepted() || g.violations() + g.justified() + g.outside() > 0).toList());
        model.addAttribute("directories", r.directories().stream()
                .sorted(Comparator.comparingInt(LocationRow::violations).reversed().thenComparing(LocationRow::path))
                .toList());
        List<LocationRow> files = r.files().stream()
                .sorted(Comparator.comparingInt(LocationRow::violations).reversed().thenComparing(LocationRow::path))
                .toList();
        model.addAttribute("files", files.stream().limit(MAX_ROWS).toList());
        model.addAttribute("moreFiles", Math.max(0, files.size() - MAX_ROWS));
        List<MisraReport.MatchedFinding> violations = r.violationList();
        model.addAttribute("violations", violations.stream().limit(MAX_ROWS).toList());
        model.addAttribute("moreViolations", Math.max(0, violations.size() - MAX_ROWS));
        model.addAttribute("stored", misra.stored(sid, configuration));
        model.addAttribute("configurations", traces.configurations(traces.trace(sid)));
        return "misra/report";
    }

    @PostMapping("/misra/{sid}/findings")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String upload(@PathVariable long sid, @RequestParam long configuration, @RequestParam MultipartFile file,
            Authentication auth, RedirectAttributes redirect) throws IOException, InvalidInputException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "(upload)"
                : file.getOriginalFilename();
        MisraService.Outcome o = misra.importFindings(sid, configuration, name, file.getBytes(), auth.getName());
        if (o.stored().isEmpty()) {
            redirect.addFlashAttribute("error", "Not imported: " + String.join("; ", o.problems()));
        } else {
            MisraService.StoredFindings f = o.stored().get();
            redirect.addFlashAttribute("notice", "Imported " + f.findings() + " findings from " + f.fileName()
                    + " (sha256 " + f.sha256() + ")" + (o.problems().isEmpty() ? ""
                            : "; " + o.problems().size() + " finding(s) could not be placed: see Problems"));
        }
        return "redirect:/misra/" + sid + "?configuration=" + configuration;
    }
}
