package org.xenfusa.web.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jgit.lib.Repository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.DirectoryFigures;
import org.xenfusa.sloc.config.LineFigures;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortEstimate;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.sloc.report.ReleaseOrder;
import org.xenfusa.sloc.xen.XenSupport;
import org.xenfusa.web.effort.EffortModels;
import org.xenfusa.web.ingest.GitRepositoryFolders;
import org.xenfusa.web.ingest.RepositoryStorage;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.ingest.RefSelection;

/**
 * The FuSa SIG's slide, live: directories by configurations with the three SLOC figures, totals
 * and effort per level beneath; and one configuration's SLOC and effort across release tags.
 */
@Controller
public class SlocTableController {
    private static final int DEFAULT_TAGS = 12;

    private final SavedConfigurationRepository configurations;
    private final ConfigurationReports reports;
    private final EffortModels effort;
    private final SnapshotRepository snapshots;
    private final SourceRepositoryRepository repositories;
    private final RepositoryStorage storage;

    public SlocTableController(SavedConfigurationRepository configurations, ConfigurationReports reports,
            EffortModels effort, SnapshotRepository snapshots, SourceRepositoryRepository repositories,
            RepositoryStorage storage) {
        this.storage = storage;
        this.repositories = repositories;
        this.configurations = configurations;
        this.reports = reports;
        this.effort = effort;
        this.snapshots = snapshots;
    }

    /** A column: a configuration and its report. */
    public record Column(SavedConfiguration saved, ConfigurationReport report, Map<DesignAssuranceLevel, EffortEstimate> effort) {
    }

    /** A row: a directory and its three figures in each column (zero where a column compiles nothing there). */
    public record Row(String directory, List<DirectoryFigures> cells) {
    }

    @GetMapping("/sloc-table")
    String table(@RequestParam(name = "c", required = false) List<Long> ids, Model model) throws InvalidInputException {
        List<SavedConfiguration> all = configurations.findAllByOrderByNameAsc();
        List<SavedConfiguration> chosen = ids == null || ids.isEmpty() ? all.stream().limit(4).toList()
                : ids.stream().map(id -> configurations.findById(id).orElseThrow(
                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no configuration " + id))).toList();
        EffortModel m = effort.current();
        List<Column> columns = new ArrayList<>();
        for (SavedConfiguration c : chosen) {
            ConfigurationReport r = reports.report(c);
            columns.add(new Column(c, r, m.estimates(m.slocOf(r))));
        }
        TreeSet<String> directories = new TreeSet<>();
        columns.forEach(c -> c.report().directories().forEach(d -> directories.add(d.directory())));
        List<Row> rows = new ArrayList<>();
        for (String dir : directories) {
            List<DirectoryFigures> cells = new ArrayList<>();
            for (Column c : columns) {
                cells.add(c.report().directory(dir)
                        .orElse(new DirectoryFigures(dir, LineFigures.NONE, LineFigures.NONE, LineFigures.NONE)));
            }
            rows.add(new Row(dir, cells));
        }
        model.addAttribute("all", all);
        model.addAttribute("columns", columns);
        model.addAttribute("rows", rows);
        model.addAttribute("levels", DesignAssuranceLevel.values());
        model.addAttribute("effortModel", m);
        return "config/table";
    }

    /**
     * The refs to show a trend over: the repository's release tags ({@code RELEASE-*}, by commit
     * time) and any other ingested snapshot, oldest first.
     */
    private List<String> releaseRefs(SavedConfiguration saved) {
        Map<String, Long> byRef = new LinkedHashMap<>();
        repositories.findById(saved.getRepositoryId()).ifPresent(source -> {
            try (Repository repo = GitRepositoryFolders.open(storage.gitDir(source))) {
                RefSelection.resolve(repo, IngestMode.TAGS, "RELEASE-*")
                        .forEach(r -> byRef.put(r.name(), r.commitTime()));
            } catch (InvalidInputException | IOException e) {
                // no release tags: the ingested snapshots below are the trend
            }
        });
        for (Snapshot s : snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(saved.getRepositoryId())) {
            byRef.putIfAbsent(s.getRefName(), s.getCommitTime().getEpochSecond());
        }
        return byRef.keySet().stream().sorted(ReleaseOrder.INSTANCE).toList();
    }

    /**
     * One point of a configuration's trend across tags: its figures, or none (a gap in the chart) with the reason
     * when the evaluation failed or the release is not supported; never a figure from a broken evaluation.
     */
    public record TrendPoint(String ref, boolean ingested, Long makeCloc, Long withHeaders, Long activeLines,
            Double dalAHours, Double dalCHours, Double dalEHours, boolean warnings, String error) {
        static TrendPoint gap(String ref, boolean ingested, String reason) {
            return new TrendPoint(ref, ingested, null, null, null, null, null, null, false, reason);
        }
    }

    @GetMapping("/configurations/{id}/trend")
    String trend(@PathVariable long id, @RequestParam(defaultValue = "false") boolean all, Model model) {
        SavedConfiguration saved = configurations.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no configuration " + id));
        List<String> refs = releaseRefs(saved);
        if (!all && refs.size() > DEFAULT_TAGS) {
            refs = refs.subList(refs.size() - DEFAULT_TAGS, refs.size());
        }
        Set<String> ingested = new HashSet<>();
        snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(saved.getRepositoryId())
                .forEach(s -> ingested.add(s.getRefName()));
        EffortModel m = effort.current();
        List<TrendPoint> points = new ArrayList<>();
        for (String ref : refs) {
            points.add(point(saved, ref, ingested.contains(ref), m));
        }
        model.addAttribute("supportedRange", XenSupport.SUPPORTED_RANGE);
        model.addAttribute("saved", saved);
        model.addAttribute("points", points);
        model.addAttribute("all", all);
        model.addAttribute("effortModel", m);
        return "config/trend";
    }

    private TrendPoint point(SavedConfiguration saved, String ref, boolean ingested, EffortModel m) {
        ConfigurationReport r;
        try {
            r = reports.report(saved, ref, List.of());
        } catch (InvalidInputException | RuntimeException e) {
            return TrendPoint.gap(ref, ingested, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        if (r.values().isEmpty()) {
            // before Xen 4.7 there is no Kconfig: nothing was evaluated, which is not a count of zero
            return TrendPoint.gap(ref, ingested, "no Kconfig at this ref: nothing to evaluate");
        }
        long sloc = m.slocOf(r);
        return new TrendPoint(ref, ingested, r.makeCloc().code(), r.withHeaders().code(), r.activeLines().code(),
                m.estimate(DesignAssuranceLevel.DAL_A, sloc).hours(), m.estimate(DesignAssuranceLevel.DAL_C, sloc).hours(),
                m.estimate(DesignAssuranceLevel.DAL_E, sloc).hours(), r.hasWarnings(), "");
    }
}
