package org.xenfusa.web.dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
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
    String show(@PathVariable long id, @RequestParam(defaultValue = "xen/") String path, Model model) {
        Snapshot s = snapshots.findWithRepository(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no snapshot " + id));
        model.addAttribute("snapshot", s);
        model.addAttribute("repository", s.getRepository());
        model.addAttribute("sloc", sloc.sloc(id, path).orElseThrow());
        return "snapshot/show";
    }
}
