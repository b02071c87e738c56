package org.xenfusa.web.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.sloc.config.ConfigurationDiff;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.config.OptionCost;
import org.xenfusa.sloc.config.OptionRanking;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortEstimate;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.web.effort.EffortModels;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * What a change costs: one configuration against another, against itself at another ref, or with
 * one option switched (files, SLOC and effort added and removed, per directory); and the ranking
 * of the options that carry the most code in a configuration.
 */
@Controller
public class ConfigurationDiffController {
    private final SavedConfigurationRepository configurations;
    private final ConfigurationReports reports;
    private final EffortModels effort;
    private final Map<String, List<OptionCost>> rankings = new ConcurrentHashMap<>();

    public ConfigurationDiffController(SavedConfigurationRepository configurations, ConfigurationReports reports,
            EffortModels effort) {
        this.configurations = configurations;
        this.reports = reports;
        this.effort = effort;
    }

    private SavedConfiguration find(long id) {
        return configurations.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no configuration " + id));
    }

    /** One level's effort before and after, and the change. */
    public record EffortChange(DesignAssuranceLevel level, EffortEstimate before, EffortEstimate after, EffortEstimate delta) {
    }

    @GetMapping("/configurations/{id}/diff")
    String diff(@PathVariable long id, @RequestParam(required = false) String set, @RequestParam(required = false) Long other,
            @RequestParam(required = false) String ref, Model model) throws InvalidInputException {
        SavedConfiguration saved = find(id);
        ConfigurationReport before = reports.report(saved);
        ConfigurationReport after;
        String label;
        if (set != null && !set.isBlank()) {
            SymbolAssignment change = ConfigurationService.parseAssignment(set);
            after = reports.report(saved, saved.getRefName(), List.of(change));
            label = saved.getName() + " with " + set.strip();
        } else if (other != null) {
            SavedConfiguration o = find(other);
            after = reports.report(o);
            label = o.getName() + " at " + o.getRefName();
        } else if (ref != null && !ref.isBlank()) {
            after = reports.report(saved, ref.strip(), List.of());
            label = saved.getName() + " at " + ref.strip();
        } else {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give set=SYMBOL=VALUE, other=ID or ref=REF");
        }
        EffortModel m = effort.current();
        List<EffortChange> changes = new ArrayList<>();
        for (DesignAssuranceLevel l : DesignAssuranceLevel.values()) {
            EffortEstimate b = m.estimate(l, m.slocOf(before));
            EffortEstimate a = m.estimate(l, m.slocOf(after));
            changes.add(new EffortChange(l, b, a, a.minus(b)));
        }
        model.addAttribute("saved", saved);
        model.addAttribute("label", label);
        model.addAttribute("before", before);
        model.addAttribute("after", after);
        model.addAttribute("diff", ConfigurationDiff.between(before, after));
        model.addAttribute("effort", changes);
        model.addAttribute("configurations", configurations.findAllByOrderByNameAsc());
        return "config/diff";
    }

    @GetMapping("/configurations/{id}/ranking")
    String ranking(@PathVariable long id, Model model) throws InvalidInputException {
        SavedConfiguration saved = find(id);
        ConfigurationReport base = reports.report(saved);
        ConfigurationRequest request = reports.request(saved, List.of());
        String key = base.commit() + "\0" + request;
        List<OptionCost> costs = rankings.get(key);
        long ms = 0;
        if (costs == null) {
            long t0 = System.nanoTime();
            costs = reports.withCounter(reports.source(saved), saved.getRefName(), counter -> OptionRanking.rank(counter,
                    request, base, OptionRanking.candidates(base, counter.kconfig(request.arch(), request.profile()))));
            ms = (System.nanoTime() - t0) / 1_000_000;
            rankings.put(key, costs);
        }
        EffortModel m = effort.current();
        model.addAttribute("saved", saved);
        model.addAttribute("base", base);
        model.addAttribute("costs", costs);
        model.addAttribute("millis", ms);
        model.addAttribute("dalAPerSloc", m.rate(DesignAssuranceLevel.DAL_A).hoursPerSloc());
        return "config/ranking";
    }
}
