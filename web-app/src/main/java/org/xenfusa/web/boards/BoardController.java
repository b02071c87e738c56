package org.xenfusa.web.boards;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.sloc.boards.Board;
import org.xenfusa.sloc.boards.BoardCatalog;
import org.xenfusa.sloc.boards.BoardConfigurations;
import org.xenfusa.sloc.boards.BoardFigures;
import org.xenfusa.sloc.boards.MinimalConfiguration;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.dashboard.Snapshots;
import org.xenfusa.web.effort.EffortModels;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * Boards: the table of ARM boards and what builds each port; a board's minimal configuration with
 * its figures and the files only it needs; the minimal configuration for a chosen set of boards.
 */
@Controller
public class BoardController {
    private final BoardTable table;
    private final ConfigurationReports reports;
    private final SourceRepositoryRepository repositories;
    private final SnapshotRepository snapshots;
    private final EffortModels effort;

    public BoardController(BoardTable table, ConfigurationReports reports, SourceRepositoryRepository repositories,
            SnapshotRepository snapshots, EffortModels effort) {
        this.table = table;
        this.reports = reports;
        this.repositories = repositories;
        this.snapshots = snapshots;
        this.effort = effort;
    }

    /** Where board figures are computed: a repository and a ref (default: the newest snapshot). */
    record Source(SourceRepository repository, String ref) {
    }

    private Source source(Long repositoryId, String ref) {
        List<SourceRepository> all = repositories.findAllByOrderByNameAsc();
        SourceRepository repo = repositoryId == null
                ? all.stream().filter(r -> snapshots.countByRepositoryId(r.getId()) > 0).findFirst()
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                                "ingest a Xen repository first: board figures are computed from its sources"))
                : repositories.findById(repositoryId)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no repository " + repositoryId));
        String at = ref;
        if (at == null || at.isBlank()) {
            at = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repo.getId()).stream()
                    .sorted(Snapshots.NEWEST_RELEASE_FIRST).findFirst().map(Snapshot::getRefName).orElse("HEAD");
        }
        return new Source(repo, at);
    }

    @GetMapping("/boards")
    String list(@RequestParam(required = false) Long repositoryId, @RequestParam(required = false) String ref, Model model) {
        BoardCatalog catalog = table.catalog();
        model.addAttribute("catalog", catalog);
        model.addAttribute("unrecorded", catalog.boards().stream().filter(b -> !b.unrecordedEssentials().isEmpty())
                .map(b -> b.id() + ": " + String.join(", ", b.unrecordedEssentials().stream().map(k -> k.label()).toList()))
                .toList());
        model.addAttribute("text", table.text().getText());
        model.addAttribute("history", table.history());
        model.addAttribute("repositories", repositories.findAllByOrderByNameAsc());
        model.addAttribute("repositoryId", repositoryId);
        model.addAttribute("ref", ref == null ? "" : ref);
        return "boards/list";
    }

    @GetMapping("/boards/{id}")
    String board(@PathVariable String id, @RequestParam(required = false) Long repositoryId,
            @RequestParam(required = false) String ref, Model model) throws InvalidInputException {
        BoardCatalog catalog = table.catalog();
        Board board = catalog.board(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no board " + id));
        Source src = source(repositoryId, ref);
        BoardFigures figures = reports.withCounter(src.repository(), src.ref(), c -> new BoardConfigurations(c).figures(board));
        EffortModel m = effort.current();
        model.addAttribute("board", board);
        model.addAttribute("figures", figures);
        model.addAttribute("source", src);
        model.addAttribute("estimates", m.estimates(m.slocOf(figures.configuration().report())).values());
        model.addAttribute("effortModel", m);
        return "boards/board";
    }

    @GetMapping("/boards/minimal")
    String minimal(@RequestParam(name = "b", required = false) List<String> ids,
            @RequestParam(required = false) Long repositoryId, @RequestParam(required = false) String ref, Model model)
            throws InvalidInputException {
        BoardCatalog catalog = table.catalog();
        List<Board> chosen = new ArrayList<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            chosen.add(catalog.board(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no board " + id)));
        }
        // refused before any source is read: the reason does not depend on the snapshot
        sameArchitecture(chosen);
        Source src = source(repositoryId, ref);
        MinimalConfiguration minimal;
        try {
            minimal = reports.withCounter(src.repository(), src.ref(), c -> new BoardConfigurations(c).minimal(chosen));
        } catch (IllegalArgumentException e) {
            // e.g. MixedArchitectureBoardsException: an arm32 and an arm64 board chosen together
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage(), e);
        }
        EffortModel m = effort.current();
        model.addAttribute("chosen", chosen);
        model.addAttribute("minimal", minimal);
        model.addAttribute("source", src);
        model.addAttribute("estimates", m.estimates(m.slocOf(minimal.report())).values());
        return "boards/minimal";
    }

    /** Refuses (400, with the reason) no board, or boards of different architectures. */
    static void sameArchitecture(List<Board> chosen) {
        if (chosen.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "choose at least one board on the boards page");
        }
        Board first = chosen.get(0);
        for (Board b : chosen) {
            if (b.arch() != first.arch()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "boards of different architectures cannot"
                        + " share a configuration: " + first.title() + " is " + first.arch().targetArch() + ", "
                        + b.title() + " is " + b.arch().targetArch() + "; choose boards of one architecture");
            }
        }
    }

    @PostMapping("/boards/table")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@RequestParam String text, RedirectAttributes redirect) {
        try {
            BoardCatalog c = table.update(text);
            redirect.addFlashAttribute("notice", "Board table saved: " + c.boards().size() + " boards");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "Not saved: " + e.getMessage());
        }
        return "redirect:/boards";
    }
}
