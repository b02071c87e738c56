package org.xenfusa.web.exports;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.lib.Repository;
import org.springframework.stereotype.Service;
import org.xenfusa.exports.model.EvidenceContext;
import org.xenfusa.exports.model.PolicyRef;
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
import org.xenfusa.exports.ToolVersion;
import org.xenfusa.exports.assembly.EvidenceAssembler;
import org.xenfusa.exports.assembly.EvidenceAssembler.NamedReport;
import org.xenfusa.exports.model.AttachedFile;
import org.xenfusa.misra.MisraReport;
import org.xenfusa.web.misra.MisraService;
import org.xenfusa.exports.model.AttachmentKind;
import org.xenfusa.exports.model.SuspectLinkRow;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.trace.evidence.TestResultFile;
import org.xenfusa.trace.link.LinkFileWriter;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.link.ReviewState;
import org.xenfusa.trace.report.ConfigurationInput;
import org.xenfusa.trace.report.ConfigurationTrace;
import org.xenfusa.trace.report.TraceReport;
import org.xenfusa.trace.report.Traceability;
import org.xenfusa.web.trace.SnapshotTrace;
import org.xenfusa.web.trace.TraceService;
import org.xenfusa.web.ingest.GitRepositoryFolders;
import org.xenfusa.web.ingest.RepositoryStorage;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.security.ServerPaths;

/**
 * The evidence of a repository at a ref for saved configurations and boards, from the same reports the
 * configuration pages show, the stored effort model, and the trace report the trace pages show: the snapshot's
 * stored requirements and code tags, the links stored in the platform (drafts listed, never counted) and each
 * configuration's imported test results. The package carries those links and results and says what they were.
 */
@Service
public class EvidenceService {

    private final SourceRepositoryRepository repositories;
    private final SavedConfigurationRepository configurations;
    private final ConfigurationReports reports;
    private final EffortModels effort;
    private final BoardTable boards;
    private final TraceService traces;
    private final RepositoryStorage storage;
    private final MisraService misra;
    private final org.xenfusa.web.coverage.CoverageService coverage;

    public EvidenceService(SourceRepositoryRepository repositories, SavedConfigurationRepository configurations,
            ConfigurationReports reports, EffortModels effort, BoardTable boards, TraceService traces,
            RepositoryStorage storage, MisraService misra, org.xenfusa.web.coverage.CoverageService coverage) {
        this.storage = storage;
        this.misra = misra;
        this.coverage = coverage;
        this.traces = traces;
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
     * The key of each configuration and board of a request, in the order the evidence lists them:
     * {@code configuration <id>} then {@code board <id>}, as {@link #describe} names them. An export that runs as a job
     * computes one part per key.
     */
    public static List<String> partKeys(EvidenceRequest request) {
        List<String> out = new ArrayList<>();
        request.configurationIds().forEach(id -> out.add(CONFIGURATION + id));
        request.boardIds().forEach(id -> out.add(BOARD + id));
        return out;
    }

    private static final String CONFIGURATION = "configuration ";
    private static final String BOARD = "board ";

    /** The reports of a request's configurations and boards computed already, by {@link #partKeys key}. */
    @FunctionalInterface
    public interface ComputedReports {
        Optional<ConfigurationReport> report(String key);

        /** None: every report is computed by {@link #evidence}. */
        ComputedReports NONE = key -> Optional.empty();
    }

    /**
     * The report of one configuration or board of a request ({@link #partKeys its key}): what {@link #evidence}
     * computes for it, for an export's part to compute on its own.
     *
     * @throws InvalidInputException for an unknown repository, configuration or board, or a key of neither kind
     */
    public ConfigurationReport partReport(EvidenceRequest request, String key) throws InvalidInputException {
        SourceRepository source = source(request);
        if (key.startsWith(CONFIGURATION)) {
            long id;
            try {
                id = Long.parseLong(key.substring(CONFIGURATION.length()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("no part '" + key + "'");
            }
            return configurationReport(configuration(source, id), request.ref());
        }
        if (key.startsWith(BOARD)) {
            return boardReport(source, board(boards.catalog(), key.substring(BOARD.length())), request.ref());
        }
        throw new InvalidInputException("no part '" + key + "'");
    }

    /**
     * The commit the request's ref names now, in this instance's copy of the repository.
     *
     * @throws InvalidInputException for an unknown repository or ref
     */
    public String commitOf(EvidenceRequest request) throws InvalidInputException {
        SourceRepository source = source(request);
        try (Repository repo = GitRepositoryFolders.openShared(storage.gitDir(source, request.ref()))) {
            return org.xenfusa.web.ingest.RefSelection.commit(repo, request.ref(), source.getName()).name();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + source.getName() + " at " + request.ref() + ": "
                    + e.getMessage(), e);
        }
    }

    /** @throws InvalidInputException when the request's repository is not registered */
    public void requireRepository(EvidenceRequest request) throws InvalidInputException {
        source(request);
    }

    private SourceRepository source(EvidenceRequest request) throws InvalidInputException {
        return repositories.findById(request.repositoryId())
                .orElseThrow(() -> new InvalidInputException("no repository " + request.repositoryId()));
    }

    private SavedConfiguration configuration(SourceRepository source, long id) throws InvalidInputException {
        SavedConfiguration config = configurations.findById(id)
                .orElseThrow(() -> new InvalidInputException("no saved configuration " + id));
        if (!config.getRepositoryId().equals(source.getId())) {
            throw new InvalidInputException("configuration " + config.getName() + " belongs to another repository");
        }
        return config;
    }

    private static Board board(BoardCatalog catalog, String id) throws InvalidInputException {
        return catalog.board(id).orElseThrow(() -> new InvalidInputException("no board " + id));
    }

    /** The one computation of a saved configuration's report in the evidence (the configuration pages' report). */
    private ConfigurationReport configurationReport(SavedConfiguration config, String ref) throws InvalidInputException {
        return reports.report(config, ref, List.of());
    }

    /** The one computation of a board's report in the evidence: its minimal configuration. */
    private ConfigurationReport boardReport(SourceRepository source, Board board, String ref)
            throws InvalidInputException {
        return reports.withCounter(source, ref, c -> new BoardConfigurations(c).minimal(List.of(board)).report());
    }

    /**
     * @param since a previous ref: suspect links are the links whose code or requirement changed since it
     * @throws InvalidInputException for an unknown repository, ref, configuration or board
     */
    public ReleaseEvidence evidence(EvidenceRequest request, Optional<String> since, Progress progress)
            throws InvalidInputException {
        return evidence(request, since, progress, ComputedReports.NONE);
    }

    /**
     * The evidence, with the reports of configurations and boards taken from {@code computed} where it has them (an
     * export's parts computed them) and computed here otherwise: the same evidence either way.
     *
     * @param since a previous ref: suspect links are the links whose code or requirement changed since it
     * @throws InvalidInputException for an unknown repository, ref, configuration or board
     */
    public ReleaseEvidence evidence(EvidenceRequest request, Optional<String> since, Progress progress,
            ComputedReports computed) throws InvalidInputException {
        if (request.configurationIds().isEmpty() && request.boardIds().isEmpty()) {
            throw new InvalidInputException("choose at least one configuration or board");
        }
        SourceRepository source = source(request);
        int total = request.configurationIds().size() + request.boardIds().size() + 1;
        int done = 0;
        List<NamedReport> named = new ArrayList<>();
        List<SavedConfiguration> saved = new ArrayList<>();
        for (Long id : request.configurationIds()) {
            SavedConfiguration config = configuration(source, id);
            progress.step(done++, total, "configuration " + config.getName());
            Optional<ConfigurationReport> stored = computed.report(CONFIGURATION + id);
            named.add(new NamedReport(config.getName(), Optional.empty(), stored.isPresent() ? stored.get()
                    : configurationReport(config, request.ref())));
            saved.add(config);
        }
        BoardCatalog catalog = boards.catalog();
        for (String id : request.boardIds()) {
            Board board = board(catalog, id);
            progress.step(done++, total, "board " + board.title());
            Optional<ConfigurationReport> stored = computed.report(BOARD + id);
            ConfigurationReport report = stored.isPresent() ? stored.get() : boardReport(source, board, request.ref());
            named.add(new NamedReport("minimal-" + id, Optional.of(board.title()), report, Optional.of(id)));
        }
        progress.step(done, total, "trace of requirements and tags");
        EffortModel model = effort.current();
        try (Repository repo = GitRepositoryFolders.open(storage.gitDir(source, request.ref()));
                GitSourceTree tree = open(repo, request.ref(), source)) {
            String commit = tree.revCommit().name();
            LinkSet stored = traces.storedLinks(source.getId());
            List<AttachedFile> attachments = new ArrayList<>();
            TraceReport trace;
            List<MisraReport> misraReports = new ArrayList<>();
            List<org.xenfusa.coverage.CoverageReport> coverageReports = new ArrayList<>();
            Optional<Snapshot> snapshot = traces.snapshotOf(source.getId(), commit);
            if (snapshot.isPresent()) {
                misraReports.addAll(misra(snapshot.get().getId(), saved, tree, attachments));
                coverageReports.addAll(coverage(snapshot.get().getId(), saved, attachments));
                SnapshotTrace st = traces.trace(snapshot.get().getId());
                List<ConfigurationTrace> traced = new ArrayList<>();
                for (SavedConfiguration c : saved) {
                    traced.add(traces.configurationTrace(st, c));
                }
                for (NamedReport n : named.subList(saved.size(), named.size())) {
                    traced.add(traces.withOpenTree(st, linked -> Traceability.configuration(linked,
                            ConfigurationInput.of(n.name(), n.report(), List.of(), n.boardId()))));
                }
                trace = Traceability.report(st.linked(), traced);
                attachments.add(new AttachedFile(AttachmentKind.OTHER, "trace-inputs.txt", inputsNote(
                        "the requirements stored for snapshot " + snapshot.get().getId() + " (imported from the tree"
                                + " at ingest, and those authored in the platform) and the coverage tags of its tree",
                        stored, traced)));
            } else {
                trace = EvidenceAssembler.trace(tree, stored, named, Map.of(), traces.policy(source.getId()));
                attachments.add(new AttachedFile(AttachmentKind.OTHER, "trace-inputs.txt", inputsNote(
                        "the requirements and coverage tags of the tree at " + commit + " (this commit is not"
                                + " ingested, so no requirement stored in the platform and no test result applies)",
                        stored, trace.configurations())));
            }
            // the policy the trace followed, as the evidence names it and the package carries it
            EvidenceContext context = new EvidenceContext(ServerPaths.describe(source),
                    request.ref(), commit, ToolVersion.NAME, request.generatedAt(),
                    EvidenceAssembler.describe(model), request.dashboardUrl(), commitUrl(source.getLocation(), commit),
                    PolicyRef.of(trace.linked().policy()));
            attachments.add(new AttachedFile(AttachmentKind.LINKS, "stored-links.yaml",
                    LinkFileWriter.write(stored.code(), stored.tests())));
            attachments.add(new AttachedFile(AttachmentKind.TEST_RESULTS, "stored-test-results.txt",
                    testResultsListing(trace.configurations())));
            List<SuspectLinkRow> suspects = List.of();
            if (since.isPresent()) {
                try (GitSourceTree before = open(repo, since.get(), source)) {
                    suspects = EvidenceAssembler.suspects(stored, tree, before);
                }
            }
            return EvidenceAssembler.assemble(context, named, model, trace, suspects, attachments, misraReports,
                    coverageReports);
        }
    }

    /**
     * The MISRA C report of each saved configuration of an ingested snapshot whose tree has Xen's MISRA records or
     * for which findings were imported (the report the configuration's MISRA C page shows); the record files and the
     * imported findings files join the attachments.
     */
    private List<MisraReport> misra(long snapshotId, List<SavedConfiguration> saved, GitSourceTree tree,
            List<AttachedFile> attachments) throws InvalidInputException {
        List<AttachedFile> records = EvidenceAssembler.misraRecords(tree);
        List<MisraReport> out = new ArrayList<>();
        for (SavedConfiguration c : saved) {
            List<MisraService.StoredFindings> files = misra.stored(snapshotId, c.getId());
            if (records.isEmpty() && files.isEmpty()) {
                continue;
            }
            out.add(misra.report(snapshotId, c.getId()));
            for (MisraService.StoredFindings f : files) {
                attachments.add(new AttachedFile(AttachmentKind.MISRA_FINDINGS, c.getName() + "/" + f.id() + "-" + f.fileName(),
                        new String(misra.content(f.id()), java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        if (!out.isEmpty()) {
            attachments.addAll(records);
        }
        return out;
    }

    /**
     * The structural coverage report of each saved configuration of an ingested snapshot with coverage data imported
     * (the report its coverage page shows, at its target level); the data files, as uploaded, join the attachments.
     */
    private List<org.xenfusa.coverage.CoverageReport> coverage(long snapshotId, List<SavedConfiguration> saved,
            List<AttachedFile> attachments) throws InvalidInputException {
        List<org.xenfusa.coverage.CoverageReport> out = new ArrayList<>();
        for (SavedConfiguration c : saved) {
            List<org.xenfusa.web.coverage.CoverageService.StoredData> files = coverage.stored(snapshotId, c.getId());
            if (files.isEmpty()) {
                continue;
            }
            out.add(coverage.report(snapshotId, c.getId()));
            for (org.xenfusa.web.coverage.CoverageService.StoredData f : files) {
                attachments.add(EvidenceAssembler.coverageData(c.getName() + "/" + f.id() + "-" + f.fileName(),
                        coverage.content(f.id())));
            }
        }
        return out;
    }

    /** What the trace was made of, in words, for the package's {@code trace-inputs.txt}. */
    static String inputsNote(String requirements, LinkSet stored, List<ConfigurationTrace> traced) {
        long reviewed = stored.code().stream().filter(l -> l.state() == ReviewState.REVIEWED).count();
        StringBuilder b = new StringBuilder("Trace inputs: ").append(requirements).append(";\n")
                .append(stored.code().size()).append(" code link(s) stored in the platform (").append(reviewed)
                .append(" reviewed, counted; ").append(stored.code().size() - reviewed)
                .append(" draft, listed but never counted) and ").append(stored.tests().size())
                .append(" test link(s), all in stored-links.yaml;\n");
        for (ConfigurationTrace c : traced) {
            b.append("configuration ").append(c.name()).append(": ").append(c.testResults().size())
                    .append(" imported test result file(s), listed in stored-test-results.txt\n");
        }
        return b.toString();
    }

    /** Every imported result file of every configuration with its SHA-256 and each case's outcome. */
    static String testResultsListing(List<ConfigurationTrace> traced) {
        StringBuilder b = new StringBuilder("# Test results imported into the platform, per configuration\n");
        for (ConfigurationTrace c : traced) {
            for (TestResultFile f : c.testResults()) {
                b.append("configuration ").append(c.name()).append(" file ").append(f.path()).append(" sha256 ")
                        .append(f.sha256()).append('\n');
                f.cases().forEach(t -> b.append("  ").append(t.outcome()).append(' ')
                        .append(t.className().isEmpty() ? t.name() : t.className() + "." + t.name()).append('\n'));
            }
        }
        return b.toString();
    }

    private static GitSourceTree open(Repository repo, String ref, SourceRepository source)
            throws InvalidInputException {
        try {
            // refused with its reason (too long, bad syntax, unknown) before the tree is opened under the ref's name
            org.xenfusa.web.ingest.RefSelection.commit(repo, ref, source.getName());
            return GitSourceTree.open(repo, ref);
        } catch (GitSourceTree.UnknownRefException e) {
            throw new org.xenfusa.web.ingest.UnknownRefException("unknown ref '" + ref + "' in " + source.getName());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + source.getName() + " at " + ref + ": "
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
            out.put(CONFIGURATION + id, configurations.findById(id).map(SavedConfiguration::getName).orElse("(removed)"));
        }
        BoardCatalog catalog = boards.catalog();
        for (String id : request.boardIds()) {
            out.put(BOARD + id, catalog.board(id).map(Board::title).orElse("(unknown)"));
        }
        return out;
    }
}
