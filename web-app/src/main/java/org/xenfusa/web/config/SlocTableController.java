package org.xenfusa.web.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.DirectoryFigures;
import org.xenfusa.sloc.config.LineFigures;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortEstimate;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.web.effort.EffortModels;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * The FuSa SIG's slide, live: directories by configurations with the three SLOC figures, totals
 * and effort per level beneath (a configuration across release tags is in {@code org.xenfusa.web.history}).
 */
@Controller
public class SlocTableController {
    private final SavedConfigurationRepository configurations;
    private final ConfigurationReports reports;
    private final EffortModels effort;
    private final SnapshotRepository snapshots;
    private final SourceRepositoryRepository repositories;

    public SlocTableController(SavedConfigurationRepository configurations, ConfigurationReports reports,
            EffortModels effort, SnapshotRepository snapshots, SourceRepositoryRepository repositories) {
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
}
