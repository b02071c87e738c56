package org.xenfusa.web.analysis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.web.ingest.IngestJobs;

/**
 * Which configurations the FuSa SIG tracks (ADMIN chooses on a configuration's page), and when their results are
 * queued: when a configuration becomes tracked, and after every ingest of its repository.
 */
@Controller
public class TrackedConfigurations {
    private static final Logger log = LoggerFactory.getLogger(TrackedConfigurations.class);

    private final SavedConfigurationRepository configurations;
    private final AnalysisResults results;
    private final TransactionTemplate transactions;

    public TrackedConfigurations(SavedConfigurationRepository configurations, AnalysisResults results,
            TransactionTemplate transactions) {
        this.configurations = configurations;
        this.results = results;
        this.transactions = transactions;
    }

    /** Tracks a configuration or stops tracking it (audited); a newly tracked one has its results queued. */
    public SavedConfiguration track(long id, boolean tracked) {
        SavedConfiguration saved = transactions.execute(tx -> {
            SavedConfiguration c = configurations.findById(id)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no configuration " + id));
            if (c.isTracked() != tracked) {
                c.setTracked(tracked);
                configurations.saveAndFlush(c);
            }
            return c;
        });
        if (tracked) {
            int n = results.queueConfiguration(saved);
            log.info("Configuration '{}' tracked: {} result(s) queued", saved.getName(), n);
        }
        return saved;
    }

    @PostMapping("/configurations/{id}/tracked")
    @PreAuthorize("hasRole('ADMIN')")
    String tracked(@PathVariable long id, @RequestParam boolean tracked, RedirectAttributes redirect) {
        SavedConfiguration saved = track(id, tracked);
        redirect.addFlashAttribute("notice", tracked
                ? "The FuSa SIG tracks '" + saved.getName() + "': its results are computed in the background and"
                        + " shown on the dashboard"
                : "'" + saved.getName() + "' is no longer tracked: the dashboard no longer shows it");
        return "redirect:/configurations/" + id;
    }

    @EventListener
    void ingested(IngestJobs.SnapshotsIngested event) {
        int n = results.queueRepository(event.repositoryId());
        if (n > 0) {
            log.info("Ingest job {}: {} analysis result(s) queued for the tracked configurations", event.jobId(), n);
        }
    }
}
