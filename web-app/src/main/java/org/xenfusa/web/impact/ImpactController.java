package org.xenfusa.web.impact;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.trace.impact.FunctionChange;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * {@code /repositories/{id}/impact}: the change impact between two releases in one configuration. Without
 * {@code to} the newest release is taken, without {@code from} the release before it, without a configuration the
 * first of the repository's.
 */
@Controller
public class ImpactController {
    private final ImpactService impact;
    private final SourceRepositoryRepository repositories;

    public ImpactController(ImpactService impact, SourceRepositoryRepository repositories) {
        this.impact = impact;
        this.repositories = repositories;
    }

    @GetMapping("/repositories/{id}/impact")
    String page(@PathVariable long id, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(required = false) Long configuration, Model model)
            throws InvalidInputException {
        var repository = repositories.findById(id)
                .orElseThrow(() -> new org.xenfusa.web.trace.TraceService.NotFoundException("no repository " + id));
        List<String> releases = impact.releases(id);
        List<SavedConfiguration> configurations = impact.configurations(id);
        String toRef = to.isBlank() && !releases.isEmpty() ? releases.get(releases.size() - 1) : to;
        String fromRef = from;
        int at = releases.indexOf(toRef);
        if (fromRef.isBlank() && at > 0) {
            fromRef = releases.get(at - 1);
        }
        Long configurationId = configuration != null ? configuration
                : configurations.isEmpty() ? null : configurations.get(0).getId();
        model.addAttribute("repository", repository);
        model.addAttribute("releases", releases);
        model.addAttribute("configurations", configurations);
        model.addAttribute("from", fromRef);
        model.addAttribute("to", toRef);
        model.addAttribute("configuration", configurationId);
        if (!fromRef.isBlank() && !toRef.isBlank() && configurationId != null) {
            var report = impact.impact(id, fromRef, toRef, configurationId);
            model.addAttribute("report", report);
            model.addAttribute("changed", report.functions(FunctionChange.Kind.CHANGED));
            model.addAttribute("added", report.functions(FunctionChange.Kind.ADDED));
            model.addAttribute("removed", report.functions(FunctionChange.Kind.REMOVED));
        }
        return "impact/show";
    }
}
