package org.xenfusa.web.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;

/**
 * The stable addresses that exported documents link to (they name a configuration and a commit,
 * not database ids), answered with a redirect to the page that shows the figure today.
 */
@Controller
public class DocumentLinkController {
    private final SavedConfigurationRepository configurations;
    private final SnapshotRepository snapshots;

    public DocumentLinkController(SavedConfigurationRepository configurations, SnapshotRepository snapshots) {
        this.configurations = configurations;
        this.snapshots = snapshots;
    }

    private SavedConfiguration named(String name) {
        return configurations.findByName(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no saved configuration named '" + name + "' (the document was made from another platform or it was removed)"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @GetMapping("/sloc/directories")
    String directory(@RequestParam String configuration, @RequestParam String path) {
        return "redirect:/configurations/" + named(configuration).getId() + "/files?dir=" + enc(path);
    }

    @GetMapping("/sloc/files")
    String file(@RequestParam String configuration, @RequestParam String path) {
        return "redirect:/configurations/" + named(configuration).getId() + "/file?path=" + enc(path);
    }

    @GetMapping("/trace/items/{itemId}")
    String requirement(@PathVariable String itemId, @RequestParam String commit) {
        Snapshot s = snapshots.findByCommitShaOrderByIngestedAtDesc(commit).stream().findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no snapshot of commit " + commit));
        return "redirect:/trace/" + s.getId() + "/items/" + enc(itemId);
    }
}
