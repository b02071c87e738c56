package org.xenfusa.web.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.trace.LinkKind;
import org.xenfusa.model.trace.TestCaseRecord;
import org.xenfusa.model.trace.TestCaseRecordRepository;
import org.xenfusa.model.trace.TestResultFileRecord;
import org.xenfusa.model.trace.TestResultFileRepository;
import org.xenfusa.model.trace.TraceLink;
import org.xenfusa.model.trace.TraceLinkRepository;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.trace.config.ConfigurationCoverage;
import org.xenfusa.trace.evidence.RequirementVerification;
import org.xenfusa.trace.evidence.TestCaseResult;
import org.xenfusa.trace.evidence.TestOutcome;
import org.xenfusa.trace.evidence.TestResultFile;
import org.xenfusa.trace.graph.TraceGraph;
import org.xenfusa.trace.report.ConfigurationInput;
import org.xenfusa.trace.report.ConfigurationTrace;
import org.xenfusa.trace.report.LinkedSpecification;
import org.xenfusa.trace.report.TraceReport;
import org.xenfusa.trace.report.Traceability;
import org.xenfusa.trace.link.CodeLink;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.link.ReviewState;
import org.xenfusa.trace.link.TestLink;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.ItemStatus;
import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.cache.SharedComputations;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * The trace of a snapshot: its imported requirements, the authored ones, the tags of its code and
 * the links of its repository, traced by the library with OpenFastTrace's rules; and per saved
 * configuration its coverage and test verification. Results are cached under a stamp of the
 * tables they come from, so any change anywhere (another app instance too) makes a new trace.
 */
@Service
public class TraceService {
    private static final Logger log = LoggerFactory.getLogger(TraceService.class);
    /** Link locations name the stored link: path {@value}, line = link id. */
    public static final String WEB_LINK_PATH = "(web link)";
    static final String AUTHORED_PATH = "(web app)";

    private final SnapshotRepository snapshots;
    private final TraceLinkRepository links;
    private final TestResultFileRepository resultFiles;
    private final TestCaseRecordRepository resultCases;
    private final SavedConfigurationRepository configurations;
    private final ConfigurationReports reports;
    private final SnapshotTrees trees;
    private final JdbcTemplate jdbc;
    private final TracePolicyService policies;

    /**
     * One computation per key however many pages ask at once: a big trace takes tens of seconds. Kept by the items
     * they hold (a trace of 200,000 requirements takes a few hundred MB), so that a few big traces, or the earlier
     * stamps of one, cannot fill the heap.
     */
    static final long KEPT_TRACE_ITEMS = 250_000;
    private final SharedComputations<SnapshotTrace> traces = new SharedComputations<>(KEPT_TRACE_ITEMS,
            t -> 1 + t.graph().trace().items().size());
    private final SharedComputations<ConfigurationTrace> configurationTraces = new SharedComputations<>(64);

    public TraceService(SnapshotRepository snapshots, TraceLinkRepository links,
            TestResultFileRepository resultFiles, TestCaseRecordRepository resultCases,
            SavedConfigurationRepository configurations, ConfigurationReports reports, SnapshotTrees trees,
            JdbcTemplate jdbc, TracePolicyService policies) {
        this.snapshots = snapshots;
        this.links = links;
        this.resultFiles = resultFiles;
        this.resultCases = resultCases;
        this.configurations = configurations;
        this.reports = reports;
        this.trees = trees;
        this.jdbc = jdbc;
        this.policies = policies;
    }

    public Snapshot snapshot(long id) {
        return snapshots.findWithRepository(id).orElseThrow(() -> new NotFoundException("no snapshot " + id));
    }

    /**
     * The latest {@code updated_at} of a table's rows as text that is the same in every session: microseconds since
     * the epoch. ({@code max(updated_at)::text} is written in the session's time zone, which the JDBC driver sets from
     * the JVM's: instances in two time zones got two stamps, and recomputed each other's stored results.)
     */
    static final String LATEST_UPDATE = "coalesce((extract(epoch from max(updated_at)) * 1000000)::bigint::text, '')";

    /** Changes whenever a requirement, a link or a trace policy is added, edited or removed. */
    String stamp() {
        return jdbc.queryForObject("select (select count(*) || ':' || " + LATEST_UPDATE
                + " || ':' || coalesce(max(id), 0) from requirement) || '|' || (select count(*) || ':' || "
                + LATEST_UPDATE + " || ':' || coalesce(max(id), 0) from trace_link) || '|' || (select count(*) || ':' || "
                + LATEST_UPDATE + " from trace_policy)", String.class);
    }

    /**
     * Changes whenever anything a trace reads besides the tree and the configuration changes: requirements, links and
     * imported test results (stored analysis results are keyed by it).
     */
    public String inputStamp() {
        return stamp() + "|" + resultStamp();
    }

    /** The trace policy a repository's verdicts follow (see {@link TracePolicyService}). */
    public TracePolicy policy(long repositoryId) {
        return policies.policy(repositoryId);
    }

    /** The SHA-256 of each stored trace policy by repository id; a repository not in it follows the shipped oft. */
    public Map<Long, String> policyHashes() {
        Map<Long, String> out = new java.util.HashMap<>();
        jdbc.query("select repository_id, sha256 from trace_policy",
                (java.sql.ResultSet rs) -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    private String resultStamp() {
        return jdbc.queryForObject("select count(*) || ':' || coalesce(max(id), 0) from test_result_file", String.class);
    }

    @Transactional(readOnly = true)
    public SnapshotTrace trace(long snapshotId) throws InvalidInputException {
        Snapshot s = snapshot(snapshotId);
        String key = snapshotId + "|" + stamp();
        return traces.get(key, () -> computeTrace(s, key));
    }

    /** How many snapshot traces were computed since start (identical concurrent requests share one). */
    public long tracesComputed() {
        return traces.computations();
    }

    private SnapshotTrace computeTrace(Snapshot s, String key) throws InvalidInputException {
        long snapshotId = s.getId();
        long t0 = System.nanoTime();
        List<SpecificationItem> items = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, List<Long>> requirementIds = new LinkedHashMap<>();
        // read row by row into the tracer's items: never as managed entities, whose session copies would double a
        // big specification's memory (202,000 requirements did not fit in 512 MB that way)
        int imported = storedItems("snapshot_id = ? order by position, id", snapshotId, items, requirementIds);
        if (imported == 0) {
            // nothing imported into the platform yet: the snapshot's requirements are those of its tree, as every
            // document and command reads them
            SpecificationImport fromTree = trees.specifications(s);
            items.addAll(fromTree.items());
            problems.addAll(fromTree.problems());
        }
        storedItems("repository_id = ? and snapshot_id is null order by item_type, name", s.getRepository().getId(),
                items, requirementIds);
        List<TraceLink> repoLinks = links.findByRepositoryIdOrderByIdAsc(s.getRepository().getId());
        LinkSet linkSet = linkSet(repoLinks);
        TracePolicy policy = policies.policy(s.getRepository().getId());
        LinkedSpecification linked = trees.with(s, t -> Traceability.link(
                new SpecificationImport(items, problems).plus(t.tags()), linkSet, t.index(), policy));
        TraceGraph graph = linked.graph();
        SnapshotTrace trace = new SnapshotTrace(key, SnapshotTrace.SnapshotRef.of(s), linked, requirementIds,
                repoLinks.stream().map(WebLink::of).toList());
        log.info("Traced snapshot {} ({} items, {} links) in {} ms", snapshotId, graph.trace().items().size(),
                repoLinks.size(), (System.nanoTime() - t0) / 1_000_000);
        return trace;
    }

    /**
     * Adds the stored requirements that {@code where} selects (one id parameter) to {@code items} as the tracer reads
     * them , and their row ids to {@code ids}; read
     * in chunks of rows, never all at once.
     *
     * @return how many rows were read
     */
    private int storedItems(String where, long id, List<SpecificationItem> items, Map<String, List<Long>> ids) {
        int[] count = {0};
        jdbc.query(con -> {
            java.sql.PreparedStatement ps = con.prepareStatement("select id, item_type, name, revision, title,"
                    + " description, rationale, comment, status, covers, depends, needs, tags, forwards, file_path,"
                    + " line from requirement where " + where);
            ps.setFetchSize(1000);
            ps.setLong(1, id);
            return ps;
        }, (java.sql.ResultSet rs) -> {
            String type = rs.getString("item_type");
            String name = rs.getString("name");
            int revision = rs.getInt("revision");
            String path = rs.getString("file_path");
            items.add(new SpecificationItem(new SpecificationItemId(type, name, revision), rs.getString("title"),
                    rs.getString("description"), rs.getString("rationale"), rs.getString("comment"),
                    new Location(path.isEmpty() ? AUTHORED_PATH : path, rs.getInt("line")),
                    ItemStatus.parse(rs.getString("status")), ids(rs.getString("covers")),
                    ids(rs.getString("depends")), lines(rs.getString("needs")), lines(rs.getString("tags")),
                    rs.getBoolean("forwards")));
            ids.computeIfAbsent(type + "~" + name + "~" + revision, k -> new ArrayList<>()).add(rs.getLong("id"));
            count[0]++;
        });
        return count[0];
    }

    /** The saved configurations of the snapshot's repository, by name. */
    public List<SavedConfiguration> configurations(SnapshotTrace trace) {
        return configurations.findAllByOrderByNameAsc().stream()
                .filter(c -> c.getRepositoryId().equals(trace.snapshot().repositoryId())).toList();
    }

    public SavedConfiguration configuration(long id) {
        return configurations.findById(id).orElseThrow(() -> new NotFoundException("no configuration " + id));
    }

    /**
     * The configuration evaluated at the snapshot's commit and traced by the library with that configuration's
     * imported test results: the one computation every trace page, document and readiness gate uses.
     */
    public ConfigurationTrace configurationTrace(SnapshotTrace trace, SavedConfiguration saved)
            throws InvalidInputException {
        String key = trace.key() + "|" + saved.getId() + "|" + saved.getUpdatedAt() + "|" + resultStamp();
        return configurationTraces.get(key, () -> {
            ConfigurationReport report = reports.report(saved, trace.snapshot().commit(), List.of());
            ConfigurationInput input = ConfigurationInput.of(saved.getName(), report,
                    results(trace.snapshot().id(), saved.getId()), Optional.empty());
            return withOpenTree(trace, linked -> Traceability.configuration(linked, input));
        });
    }

    /**
     * Runs {@code work} on the snapshot's linked specification bound to its tree opened (leased) now. A trace is kept
     * longer than the few trees kept open: the tree it was linked with may have been closed since (its repository's
     * pack files with it), so code is only ever read through a lease; reading through a closed tree failed with
     * "missing blob" once more snapshots were analysed than trees are kept open.
     */
    public <T> T withOpenTree(SnapshotTrace trace, java.util.function.Function<LinkedSpecification, T> work)
            throws InvalidInputException {
        Snapshot s = snapshot(trace.snapshot().id());
        return trees.with(s, t -> work.apply(trace.linked().on(t.index())));
    }

    /** The coverage and untraced code of a configuration (see {@link #configurationTrace}). */
    public ConfigurationCoverage coverage(SnapshotTrace trace, SavedConfiguration saved) throws InvalidInputException {
        return configurationTrace(trace, saved).coverage();
    }

    /** Per requirement with test links: what this configuration's imported results say. */
    public Map<SpecificationItemId, RequirementVerification> verification(SnapshotTrace trace, SavedConfiguration saved)
            throws InvalidInputException {
        return configurationTrace(trace, saved).verification();
    }

    /**
     * The report of the snapshot for these configurations; a configuration that cannot be evaluated is left out of it
     * and its reason put in {@code errors}.
     */
    public TraceReport report(SnapshotTrace trace, List<SavedConfiguration> configurations,
            Map<SavedConfiguration, String> errors) {
        List<ConfigurationTrace> traced = new ArrayList<>();
        for (SavedConfiguration c : configurations) {
            try {
                traced.add(configurationTrace(trace, c));
            } catch (InvalidInputException | RuntimeException e) {
                errors.put(c, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return Traceability.report(trace.linked(), traced);
    }

    /** The imported result files of a snapshot and configuration, as the library reads them. */
    public List<TestResultFile> results(long snapshotId, long configurationId) {
        List<TestResultFileRecord> files = resultFiles.findBySnapshotIdAndConfigurationIdOrderByIdAsc(snapshotId,
                configurationId);
        Map<Long, List<TestCaseResult>> cases = new LinkedHashMap<>();
        files.forEach(f -> cases.put(f.getId(), new ArrayList<>()));
        if (!files.isEmpty()) {
            for (TestCaseRecord c : resultCases.findByResultFileIdInOrderByIdAsc(cases.keySet())) {
                String fileName = files.stream().filter(f -> f.getId().equals(c.getResultFileId())).findFirst()
                        .map(TestResultFileRecord::getFileName).orElse("");
                cases.get(c.getResultFileId()).add(new TestCaseResult(c.getClassName(), c.getName(),
                        TestOutcome.valueOf(c.getOutcome()), c.getSeconds(), new Location(fileName, c.getLine())));
            }
        }
        return files.stream().map(f -> new TestResultFile(f.getFileName(), f.getSha256(), cases.get(f.getId()))).toList();
    }

    /** The links stored for a repository (every review state), as a link file would give them. */
    public LinkSet storedLinks(long repositoryId) {
        return linkSet(links.findByRepositoryIdOrderByIdAsc(repositoryId));
    }

    /**
     * The snapshot of the commit a configuration's ref names now, for the pages a configuration links to (MISRA C,
     * structural coverage); empty with the reason, naming the ref and commit, when that commit is not ingested.
     */
    public Optional<Snapshot> snapshotAtRef(SavedConfiguration saved, java.util.function.Consumer<String> notIngested)
            throws InvalidInputException {
        String commit = reports.report(saved).commit();
        Optional<Snapshot> s = snapshotOf(saved.getRepositoryId(), commit);
        if (s.isEmpty()) {
            notIngested.accept("No snapshot of " + saved.getRefName() + " (" + commit.substring(0, 12) + ") is"
                    + " ingested: ingest it to import ");
        }
        return s;
    }

    /** The snapshot of a repository's commit, when that commit has been ingested. */
    public Optional<Snapshot> snapshotOf(long repositoryId, String commit) {
        return snapshots.findByCommitShaOrderByIngestedAtDesc(commit).stream()
                .filter(x -> x.getRepository().getId() == repositoryId).findFirst();
    }

    static List<String> lines(String text) {
        return Arrays.stream(text.split("[\\n,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Stored ids were checked when written; an id that no longer parses is left out rather than failing the page. */
    static List<SpecificationItemId> ids(String text) {
        return lines(text).stream().map(SpecificationItemId::tryParse).flatMap(Optional::stream).toList();
    }

    /** The stored links as a link file would give them; each one's location names the stored link. */
    public static LinkSet linkSet(List<TraceLink> stored) {
        List<CodeLink> code = new ArrayList<>();
        List<TestLink> tests = new ArrayList<>();
        for (TraceLink l : stored) {
            Optional<SpecificationItemId> req = SpecificationItemId.tryParse(l.getRequirement());
            if (req.isEmpty()) {
                continue;
            }
            Location at = new Location(WEB_LINK_PATH, l.getId().intValue());
            if (l.getKind() == LinkKind.CODE) {
                code.add(new CodeLink(req.get(), l.getFilePath(), l.getFunctionName(),
                        l.getLines().map(r -> new CodeLink.LineRange(r[0], r[1])), l.getArtifactType(),
                        l.getReviewedHash(), ReviewState.valueOf(l.getState().name()), Optional.of(l.getAuthor()),
                        l.getReviewer(), l.getReviewedAt(), l.getReviewComment(), at));
            } else {
                tests.add(new TestLink(req.get(), l.getFilePath(), l.getTestName(), l.getArtifactType(), at));
            }
        }
        return new LinkSet(code, tests, List.of());
    }

    /** A page asked for something that does not exist. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    public static final class NotFoundException extends RuntimeException {
        public NotFoundException(String message) {
            super(message);
        }
    }
}
