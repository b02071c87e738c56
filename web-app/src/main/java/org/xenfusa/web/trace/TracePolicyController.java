package org.xenfusa.web.trace;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.trace.policy.TracePolicyException;

/**
 * A repository's trace policy: everyone signed in sees it and its history; ADMIN edits it (a policy that does not parse
 * is refused with every problem and its line, the previous one stays) or stores a shipped one in one click.
 */
@Controller
public class TracePolicyController {
    private final TracePolicyService policies;
    private final SourceRepositoryRepository repositories;

    public TracePolicyController(TracePolicyService policies, SourceRepositoryRepository repositories) {
        this.policies = policies;
        this.repositories = repositories;
    }

    private SourceRepository repository(long rid) {
        return repositories.findById(rid)
                .orElseThrow(() -> new TraceService.NotFoundException("no repository " + rid));
    }

    @GetMapping("/trace/repositories/{rid}/policy")
    String show(@PathVariable long rid, Model model) {
        SourceRepository repo = repository(rid);
        TracePolicy current = policies.policy(rid);
        model.addAttribute("repository", repo);
        model.addAttribute("policy", current);
        model.addAttribute("stored", policies.stored(rid));
        model.addAttribute("shipped", TracePolicy.SHIPPED);
        if (!model.containsAttribute("text")) {
            model.addAttribute("text", current.text());
        }
        model.addAttribute("history", policies.history(rid));
        return "trace/policy";
    }

    @PostMapping("/trace/repositories/{rid}/policy")
    @PreAuthorize("hasRole('ADMIN')")
    String save(@PathVariable long rid, @RequestParam String text, Authentication auth, RedirectAttributes redirect) {
        repository(rid);
        try {
            TracePolicy saved = policies.update(rid, text, auth.getName());
            redirect.addFlashAttribute("notice", "Trace policy saved: " + saved.label());
        } catch (TracePolicyException e) {
            redirect.addFlashAttribute("error", "Not saved, the previous policy stays: " + e.problems().size()
                    + " problem(s)");
            redirect.addFlashAttribute("problems", e.problems().stream().map(Object::toString)
                    .collect(Collectors.toList()));
            redirect.addFlashAttribute("text", text);
        }
        return "redirect:/trace/repositories/" + rid + "/policy";
    }

    @PostMapping("/trace/repositories/{rid}/policy/shipped")
    @PreAuthorize("hasRole('ADMIN')")
    String useShipped(@PathVariable long rid, @RequestParam String name, Authentication auth,
            RedirectAttributes redirect) {
        repository(rid);
        if (!TracePolicy.SHIPPED.contains(name)) {
            redirect.addFlashAttribute("error", "No shipped policy '" + name + "' (shipped: "
                    + String.join(", ", List.copyOf(TracePolicy.SHIPPED)) + ")");
        } else {
            TracePolicy saved = policies.useShipped(rid, name, auth.getName());
            redirect.addFlashAttribute("notice", "Trace policy saved: " + saved.label());
        }
        return "redirect:/trace/repositories/" + rid + "/policy";
    }
}
