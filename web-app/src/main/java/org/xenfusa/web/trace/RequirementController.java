package org.xenfusa.web.trace;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.model.trace.Requirement;
import org.xenfusa.trace.graph.TracedItem;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.trace.RequirementService.RequirementText;

/** The requirements browser, a requirement's page, and writing requirements and links. */
@Controller
public class RequirementController {
    private static final int MAX_PROBLEMS_SHOWN = 20;
    /** The most requirements the browser draws as a tree. */
    public static final int TREE_LIMIT = 5_000;

    private final TraceService traces;
    private final TracePages pages;
    private final RequirementService requirements;
    private final LinkService links;
    private final SourceRepositoryRepository repositories;
    private final SnapshotRepository snapshots;
    private final LinkSuggestions suggestions;

    public RequirementController(TraceService traces, TracePages pages, RequirementService requirements,
            LinkService links, SourceRepositoryRepository repositories, SnapshotRepository snapshots,
            LinkSuggestions suggestions) {
        this.suggestions = suggestions;
        this.traces = traces;
        this.pages = pages;
        this.requirements = requirements;
        this.links = links;
        this.repositories = repositories;
        this.snapshots = snapshots;
    }

    @GetMapping("/trace")
    String index(Model model) {
        List<SourceRepository> repos = repositories.findAllByOrderByNameAsc();
        model.addAttribute("repositories", repos);
        model.addAttribute("snapshots", repos.stream().collect(Collectors.toMap(SourceRepository::getId,
                r -> snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(r.getId()).stream()
                        .sorted(org.xenfusa.web.dashboard.Snapshots.NEWEST_RELEASE_FIRST).toList())));
        return "trace/index";
    }

    @GetMapping("/trace/{sid}")
    String browse(@PathVariable long sid, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String verdict, @RequestParam(defaultValue = "") String state,
            @RequestParam(required = false) Long configuration, @RequestParam(defaultValue = "1") int page, Model model)
            throws InvalidInputException {
        if (!model.containsAttribute("newRequirement")) {
            model.addAttribute("newRequirement", RequirementText.blank());
        }
        return browser(sid, q, type, status, verdict, state, configuration, page, model);
    }

    private String browser(long sid, String q, String type, String status, String verdict, String state,
            Long configuration, int page, Model model) throws InvalidInputException {
        SnapshotTrace trace = traces.trace(sid);
        var all = traces.configurations(trace);
        var shown = configuration == null ? all : all.stream().filter(c -> c.getId().equals(configuration)).toList();
        model.addAttribute("trace", trace);
        model.addAttribute("configurations", all);
        model.addAttribute("shownConfigurations", shown);
        TracePages.RowPage rows = pages.rows(trace, shown, new TracePages.Filter(q, type, status, verdict, state), page,
                TracePages.BROWSER_PAGE_SIZE);
        model.addAttribute("page", rows);
        model.addAttribute("rows", rows.rows());
        // the tree draws every requirement: beyond a few thousand it is megabytes that no one can read, so the page
        // says so and the paged table below stands for it
        int count = trace.requirements().size();
        model.addAttribute("requirementCount", count);
        model.addAttribute("treeLimit", TREE_LIMIT);
        model.addAttribute("tree", count <= TREE_LIMIT ? trace.tree() : List.of());
        model.addAttribute("types", trace.requirements().stream().map(t -> t.item().type()).distinct().sorted().toList());
        model.addAttribute("verdicts", trace.requirements().stream().map(TracedItem::verdict).distinct().sorted().toList());
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("status", status);
        model.addAttribute("verdict", verdict);
        model.addAttribute("state", state);
        model.addAttribute("configuration", configuration);
        model.addAttribute("importedCount", trace.requirementIds().values().stream().mapToInt(List::size).sum());
        return "trace/browser";
    }

    @GetMapping("/trace/{sid}/items/{itemId}")
    String requirement(@PathVariable long sid, @PathVariable String itemId,
            @RequestParam(defaultValue = "") String file, @RequestParam(required = false) Long suggest,
            @RequestParam(defaultValue = "" + LinkSuggestions.DEFAULT_TOP) int top, Model model)
            throws InvalidInputException {
        String view = requirementPage(sid, itemId, file, model);
        model.addAttribute("suggestTop", top);
        if (suggest != null) {
            suggestions(sid, suggest, top, model);
        }
        return view;
    }

    /**
     * The "Suggested functions" panel for configuration {@code configurationId}; a configuration that cannot be
     * evaluated is said in the panel, the rest of the page stays.
     */
    private void suggestions(long sid, long configurationId, int top, Model model) throws InvalidInputException {
        if (top < 1 || top > LinkSuggestions.MAX_TOP) {
            throw new InvalidInputException("the number of suggestions (top) must be from 1 to "
                    + LinkSuggestions.MAX_TOP + ", not " + top);
        }
        TracePages.RequirementPage page = (TracePages.RequirementPage) model.getAttribute("page");
        model.addAttribute("suggestConfiguration", configurationId);
        java.util.Set<String> linked = page.code().stream().map(a -> a.link().file() + " : " + a.link().function())
                .collect(Collectors.toSet());
        try {
            model.addAttribute("suggestPanel", suggestions.suggest(sid, page.items().get(0).item(), configurationId,
                    top, linked));
        } catch (InvalidInputException | TraceService.NotFoundException e) {
            model.addAttribute("suggestError", e.getMessage());
        }
    }

    private String requirementPage(long sid, String itemId, String file, Model model)
            throws InvalidInputException {
        TracePages.RequirementPage page = pages.requirement(sid, itemId);
        if (!model.containsAttribute("editRequirement")) {
            // the edit form of the (first) authored requirement of this id, filled with what is stored
            page.stored().stream().filter(Requirement::isAuthored).findFirst().ifPresent(r -> {
                model.addAttribute("editRequirement", RequirementText.of(r));
                model.addAttribute("editRequirementId", r.getId());
            });
        }
        if (!model.containsAttribute("functionLink")) {
            model.addAttribute("functionLink", FunctionLinkForm.of(file));
        }
        if (!model.containsAttribute("testLink")) {
            model.addAttribute("testLink", TestLinkForm.blank());
        }
        model.addAttribute("page", page);
        model.addAttribute("trace", page.trace());
        model.addAttribute("t", page.items().get(0));
        // Xen's "Comments:" is in the imported rationale (OpenFastTrace's reading): shown apart, labelled
        model.addAttribute("rationale", org.xenfusa.trace.spec.RationaleAndComments.of(page.items().get(0).item()));
        model.addAttribute("file", file);
        if (page.linkable()) {
            model.addAttribute("sourceFiles", pages.sourceFiles(sid));
            if (!file.isBlank()) {
                model.addAttribute("functions", pages.functions(sid, file));
            }
        }
        return "trace/requirement";
    }

    @PostMapping("/trace/{sid}/import")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String importSnapshot(@PathVariable long sid, Authentication auth, RedirectAttributes redirect)
            throws InvalidInputException {
        report(redirect, "Imported %d requirements from the snapshot's specification files",
                requirements.importSnapshot(sid, auth.getName()));
        return "redirect:/trace/" + sid;
    }

    @PostMapping("/trace/{sid}/requirements")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String create(@PathVariable long sid, @Valid @ModelAttribute("newRequirement") RequirementText text,
            BindingResult errors, Authentication auth, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws InvalidInputException {
        if (!errors.hasErrors()) {
            try {
                Requirement r = requirements.create(sid, text, auth.getName());
                redirect.addFlashAttribute("notice", "Created " + r.getItemId());
                return "redirect:" + itemUrl(sid, r.getItemId());
            } catch (IllegalArgumentException e) {
                reject(errors, e);
            }
        }
        // the trace page again, its form open with what was typed and why it was refused
        refused(model, response, "Not created: check the fields marked below");
        return browser(sid, "", "", "", "", "", null, 1, model);
    }

    @PostMapping("/trace/{sid}/requirements/{rid}")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String update(@PathVariable long sid, @PathVariable long rid,
            @Valid @ModelAttribute("editRequirement") RequirementText text, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws InvalidInputException {
        Requirement before = requirements.find(rid);
        if (!errors.hasErrors()) {
            try {
                Requirement r = requirements.update(sid, rid, text);
                redirect.addFlashAttribute("notice", "Saved " + r.getItemId());
                return "redirect:" + itemUrl(sid, r.getItemId());
            } catch (IllegalArgumentException e) {
                reject(errors, e);
            }
        }
        model.addAttribute("editRequirementId", rid);
        refused(model, response, "Not saved: check the fields marked below");
        return requirementPage(sid, before.getItemId(), "", model);
    }

    /** A refusal of the service shown next to its field (or above the form when it concerns no one field). */
    private static void reject(BindingResult errors, IllegalArgumentException e) {
        if (e instanceof RequirementService.InvalidFieldException f) {
            errors.rejectValue(f.field(), "refused", f.getMessage());
        } else {
            errors.reject("refused", e.getMessage());
        }
    }

    private static void refused(Model model, HttpServletResponse response, String message) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", message);
    }

    @PostMapping("/trace/{sid}/spreadsheet")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String spreadsheet(@PathVariable long sid, @RequestParam MultipartFile file, Authentication auth,
            RedirectAttributes redirect) throws IOException {
        report(redirect, "Imported %d requirements from the spreadsheet",
                requirements.importSpreadsheet(sid, name(file), file.getBytes(), auth.getName()));
        return "redirect:/trace/" + sid;
    }

    @PostMapping("/trace/{sid}/items/{itemId}/code-links")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String linkFunction(@PathVariable long sid, @PathVariable String itemId,
            @Valid @ModelAttribute("functionLink") FunctionLinkForm form, BindingResult errors,
            @RequestParam(required = false) Long suggest, Authentication auth,
            Model model, HttpServletResponse response, RedirectAttributes redirect) throws InvalidInputException {
        if (!errors.hasErrors()) {
            try {
                links.linkFunction(sid, itemId, form, auth.getName());
                redirect.addFlashAttribute("notice", "Linked " + itemId + " to " + form.function() + " in "
                        + form.file() + " (draft)");
                // a draft made from a suggestion: back to the suggestions, to take another or review
                return "redirect:" + itemUrl(sid, itemId) + (suggest == null ? "" : "?suggest=" + suggest);
            } catch (IllegalArgumentException e) {
                errors.reject("refused", e.getMessage());
            }
        }
        refused(model, response, "Not linked: check the fields marked below");
        // the form itself may be null here (Spring creates no record it refused): what was sent is in the errors
        Object file = errors.getFieldValue("file");
        return requirementPage(sid, itemId, file == null ? "" : file.toString(), model);
    }

    @PostMapping("/trace/{sid}/items/{itemId}/test-links")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String linkTest(@PathVariable long sid, @PathVariable String itemId,
            @Valid @ModelAttribute("testLink") TestLinkForm form, BindingResult errors, Authentication auth,
            Model model, HttpServletResponse response, RedirectAttributes redirect) throws InvalidInputException {
        if (!errors.hasErrors()) {
            try {
                links.linkTest(sid, itemId, form, auth.getName());
                redirect.addFlashAttribute("notice", "Linked " + itemId + " to test " + form.test() + " (draft)");
                return "redirect:" + itemUrl(sid, itemId);
            } catch (IllegalArgumentException e) {
                errors.reject("refused", e.getMessage());
            }
        }
        refused(model, response, "Not linked: check the fields marked below");
        return requirementPage(sid, itemId, "", model);
    }

    @PostMapping("/trace/{sid}/links/{lid}/review")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String review(@PathVariable long sid, @PathVariable long lid, @RequestParam(defaultValue = "") String back,
            @RequestParam(defaultValue = "") String comment, Authentication auth, RedirectAttributes redirect)
            throws InvalidInputException {
        try {
            var l = links.review(lid, sid, auth.getName(), comment);
            redirect.addFlashAttribute("notice", "Reviewed the link of " + l.getRequirement() + " to "
                    + (l.getFunctionName().isEmpty() ? l.getTestName() : l.getFunctionName()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "Not reviewed: " + e.getMessage());
        }
        return "redirect:" + (back.startsWith("/trace/") ? back : "/trace/" + sid);
    }

    @PostMapping("/trace/{sid}/links/{lid}/delete")
    @PreAuthorize("hasAnyRole('ADMIN','ENGINEER')")
    String deleteLink(@PathVariable long sid, @PathVariable long lid, @RequestParam(defaultValue = "") String back,
            RedirectAttributes redirect) {
        links.delete(lid);
        redirect.addFlashAttribute("notice", "Removed the link");
        return "redirect:" + (back.startsWith("/trace/") ? back : "/trace/" + sid);
    }

    static String itemUrl(long sid, String itemId) {
        return "/trace/" + sid + "/items/" + UriUtils.encodePathSegment(itemId, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String name(MultipartFile file) {
        String n = file.getOriginalFilename();
        return n == null || n.isBlank() ? "(upload)" : n;
    }

    /** A notice with the count, and an error listing the first problems (file and line each). */
    static void report(RedirectAttributes redirect, String notice, RequirementService.ImportOutcome outcome) {
        redirect.addFlashAttribute("notice", String.format(notice, outcome.imported()));
        if (!outcome.problems().isEmpty()) {
            redirect.addFlashAttribute("problems", outcome.problems().stream().limit(MAX_PROBLEMS_SHOWN)
                    .map(Object::toString).toList());
            redirect.addFlashAttribute("problemCount", outcome.problems().size());
        }
    }
}
