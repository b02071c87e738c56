package org.xenfusa.web.exports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.lib.Repository;
import org.springframework.stereotype.Service;
import org.xenfusa.exports.model.EvidenceContext;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.sloc.boards.Board;
import org.xenfusa.sloc.boards.BoardCatalog;
import org.xenfusa.sloc.boards.BoardConfigurations;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.web.boards.BoardTable;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.effort.EffortModels;
import org.xenfusa.web.exports.EvidenceAssembler.NamedReport;
import org.xenfusa.web.exports.EvidenceAssembler.TraceInputs;
import org.xenfusa.web.ingest.GitRepositories;
import org.xenfusa.web.ingest.InvalidRepositoryException;
import org.xenfusa.web.ingest.RepositoryUrls;

/**
 * The evidence of a repository at a ref for saved configurations and boards, from the same reports the
 * configuration pages show and the stored effort model. The trace reads the snapshot's tree (requirements and
 * code tags); links and test results stored in the platform are not part of it yet, and the evidence says so.
 */
@Service
public class EvidenceService {
    static final String TREE_ONLY = "Trace inputs: the requirements (OpenFastTrace items) and coverage tags of the"
            + " snapshot's tree only. Link files and test results stored in the platform are not included in this"
            + " evidence yet.";

    private final SourceRepositoryRepository repositories;
    private final SavedConfigurationRepository configurations;
    private final ConfigurationReports reports;
    private final EffortModels effort;
    private final BoardTable boards;

    public EvidenceService(SourceRepositoryRepository repositories, SavedConfigurationRepository configurations,
            ConfigurationReports reports, EffortModels effort, BoardTable boards) {
        this.repositories = repositories;
        this.configurations = configurations;
        this.reports = reports;
        this.effort = effort;
        this.boards = boards;
    }

    /** What to put in the evidence; {@code generatedAt} is the one time every document states. */
    public record EvidenceRequest(long repositoryId, String ref, List<Long> configurationIds, List<String> boardIds,
            String dashboardUrl, Instant generatedAt) {
        public EvidenceRequest {
            configurationIds = List.copyOf(configurationIds);
            boardIds = List.copyOf(boardIds);
            // documents state whole seconds: the JSON of the evidence and its documents must agree
            generatedAt = generatedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }

        public EvidenceRequest at(String otherRef) {
            return new EvidenceRequest(repositoryId, otherRef, configurationIds, boardIds, dashboardUrl, generatedAt);
        }
    }

    /** Told how far the assembly got, for progress bars. */
    @FunctionalInterface
    public interface Progress {
        void step(int done, int total, String what);

        Progress NONE = (done, total, what) -> {
        };
    }

    /**
     * @param since a previous ref: suspect links are the links whose code or requirement changed since it
     * @throws InvalidRepositoryException for an unknown repository, ref, configuration or board
     */
    public ReleaseEvidence evidence(EvidenceRequest request, Optional<String> since, Progress progress)
            throws InvalidRepositoryException {
        if (request.configurationIds().isEmpty() && request.boardIds().isEmpty()) {
            throw new InvalidRepositoryException("choose at least one configuration or board");
        }
        SourceRepository source = repositories.findById(request.repositoryId())
                .orElseThrow(() -> new InvalidRepositoryException("no repository " + request.repositoryId()));
        int total = request.configurationIds().size() + request.boardIds().size() + 1;
        int done = 0;
        List<NamedReport> named = new ArrayList<>();
        for (Long id : request.configurationIds()) {
            SavedConfiguration saved = configurations.findById(id)
                    .orElseThrow(() -> new InvalidRepositoryException("no saved configuration " + id));
            if (!saved.getRepositoryId().equals(source.getId())) {
                throw new InvalidRepositoryException("configuration " + saved.getName() + " belongs to another repository");
            }
            progress.step(done++, total, "configuration " + saved.getName());
            named.add(new NamedReport(saved.getName(), Optional.empty(), reports.report(saved, request.ref(), List.of())));
        }
        BoardCatalog catalog = boards.catalog();
        for (String id : request.boardIds()) {
            Board board = catalog.board(id).orElseThrow(() -> new InvalidRepositoryException("no board " + id));
            progress.step(done++, total, "board " + board.title());
            ConfigurationReport report = reports.withCounter(source, request.ref(),
                    c -> new BoardConfigurations(c).minimal(List.of(board)).report());
            named.add(new NamedReport("minimal-" + id, Optional.of(board.title()), report));
        }
        progress.step(done, total, "trace of requirements and tags");
        EffortModel model = effort.current();
        try (Repository repo = GitRepositories.open(Path.of(source.getGitDir()));
                GitSourceTree tree = open(repo, request.ref(), source)) {
            EvidenceContext context = new EvidenceContext(source.getName() + " (" + RepositoryUrls.mask(source.getLocation()) + ")",
                    request.ref(), tree.revCommit().name(), ToolVersion.NAME, request.generatedAt(),
                    EvidenceAssembler.describe(model), request.dashboardUrl(),
                    commitUrl(source.getLocation(), tree.revCommit().name()));
            TraceInputs inputs = TraceInputs.treeOnly(TREE_ONLY);
            if (since.isEmpty()) {
                return EvidenceAssembler.assemble(context, tree, named, model, inputs, Optional.empty());
            }
            try (GitSourceTree before = open(repo, since.get(), source)) {
                return EvidenceAssembler.assemble(context, tree, named, model, inputs, Optional.of(before));
            }
        }
    }

    private static GitSourceTree open(Repository repo, String ref, SourceRepository source)
            throws InvalidRepositoryException {
        try {
            return GitSourceTree.open(repo, ref);
        } catch (GitSourceTree.UnknownRefException e) {
            throw new InvalidRepositoryException("unknown ref '" + ref + "' in " + source.getName());
        } catch (IOException e) {
            throw new InvalidRepositoryException("cannot read " + source.getName() + " at " + ref + ": "
                    + e.getMessage(), e);
        }
    }

    /** A web link to the commit for the hosts whose URL scheme is known (GitHub, GitLab). */
    static Optional<String> commitUrl(String location, String commit) {
        String base = location.endsWith(".git") ? location.substring(0, location.length() - 4) : location;
        if (base.startsWith("https://github.com/") || base.startsWith("https://gitlab.com/")) {
            return Optional.of(base + (base.contains("gitlab") ? "/-/commit/" : "/commit/") + commit);
        }
        return Optional.empty();
    }

    /** Names of the chosen configurations and boards, for the record of an export. */
    public Map<String, String> describe(EvidenceRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Long id : request.configurationIds()) {
            out.put("configuration " + id, configurations.findById(id).map(SavedConfiguration::getName).orElse("(removed)"));
        }
        BoardCatalog catalog = boards.catalog();
        for (String id : request.boardIds()) {
            out.put("board " + id, catalog.board(id).map(Board::title).orElse("(unknown)"));
        }
        return out;
    }
}
