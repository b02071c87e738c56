package org.xenfusa.web.dashboard;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.sloc.report.SlocReport;
import org.xenfusa.web.sloc.SlocService;

/** A snapshot's SLOC per language and per directory. */
@Controller
public class SnapshotController {
    private final SnapshotRepository snapshots;
    private final SlocService sloc;

    public SnapshotController(SnapshotRepository snapshots, SlocService sloc) {
        this.snapshots = snapshots;
        this.sloc = sloc;
    }

    @GetMapping("/snapshots/{id}")
    String show(@PathVariable long id, @RequestParam(defaultValue = "xen/") String path, Model model,
            HttpServletResponse response) {
        Snapshot s = snapshots.findWithRepository(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no snapshot " + id));
        model.addAttribute("snapshot", s);
        model.addAttribute("repository", s.getRepository());
        SlocReport report = sloc.sloc(id, path).orElseThrow();
        model.addAttribute("sloc", report);
        // a path with no file at all is unknown here: say so rather than show a table of zeros
        boolean unknown = report.sum().files() == 0 && report.notCounted().isEmpty()
                && report.cloc().duplicatesRemoved() == 0;
        model.addAttribute("unknownPath", unknown);
        if (unknown) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        return "snapshot/show";
    }
}
