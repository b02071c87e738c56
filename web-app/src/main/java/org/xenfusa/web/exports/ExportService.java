package org.xenfusa.web.exports;

import org.xenfusa.web.platform.InstanceId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xenfusa.exports.docx.ReadinessDocument;
import org.xenfusa.exports.docx.TraceabilityReport;
import org.xenfusa.exports.evidence.EvidencePackage;
import org.xenfusa.exports.evidence.ReadinessInputs;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.Sha256;
import org.xenfusa.exports.readiness.GateFileException;
import org.xenfusa.exports.readiness.GateFileParser;
import org.xenfusa.exports.readiness.ReadinessEvaluator;
import org.xenfusa.exports.readiness.ReadinessReport;
import org.xenfusa.exports.reqif.ReqifExport;
import org.xenfusa.exports.xlsx.AssessorWorkbook;
import org.xenfusa.exports.xlsx.ReadinessWorkbook;
import org.xenfusa.model.exports.ExportFile;
import org.xenfusa.model.exports.ExportFileRepository;
import org.xenfusa.model.exports.ExportFormat;
import org.xenfusa.model.exports.ExportJob;
import org.xenfusa.model.exports.ExportJobRepository;
import org.xenfusa.model.exports.ExportState;
import org.xenfusa.web.exports.EvidenceService.ComputedReports;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.exports.ExportPartStore.Part;
import org.xenfusa.web.platform.InvalidInputException;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records every export and makes its file: small documents at once in the request, the evidence package as a job
 * on the shared scheduler (progress in its row). The file is kept with its SHA-256 for later download.
 */
@Service
public class ExportService {
    private static final Logger log = LoggerFactory.getLogger(ExportService.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExportJobRepository jobs;
    private final ExportFileRepository files;
    private final EvidenceService evidence;
    private final ReadinessEvaluations readiness;
    private final SchedulerClient scheduler;
    private final InstanceId instance;
    private final org.xenfusa.web.impact.ImpactService impact;
    private final ExportPartStore parts;
    private final ObjectProvider<PartListener> listeners;
    private final TransactionTemplate transaction;

    public ExportService(ExportJobRepository jobs, ExportFileRepository files, EvidenceService evidence,
            ReadinessEvaluations readiness, SchedulerClient scheduler, InstanceId instance,
            org.xenfusa.web.impact.ImpactService impact, ExportPartStore parts, ObjectProvider<PartListener> listeners,
            PlatformTransactionManager transactions) {
        this.parts = parts;
        this.listeners = listeners;
        this.transaction = new TransactionTemplate(transactions);
        this.instance = instance;
        this.impact = impact;
        this.jobs = jobs;
        this.files = files;
        this.evidence = evidence;
        this.readiness = readiness;
        this.scheduler = scheduler;
    }

    /** The inputs of an export as stored with it (JSON): enough to build it again. */
    public record ExportInputs(long repositoryId, String ref, List<Long> configurations, List<String> boards,
            String dashboardUrl, Instant generatedAt, Map<String, String> names, String previousRef) {
        public ExportInputs {
            configurations = List.copyOf(configurations);
            boards = List.copyOf(boards);
            // by key, so that the inputs stored with an export are the same text on every instance (Map.copyOf's
            // order, which Jackson writes, changes from one JVM to the next)
            names.forEach((k, v) -> java.util.Objects.requireNonNull(v, "the name of " + k));
            names = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(names));
            previousRef = previousRef == null ? "" : previousRef;
        }

        EvidenceRequest request() {
            return new EvidenceRequest(repositoryId, ref, configurations, boards, dashboardUrl, generatedAt);
        }

        Optional<String> previous() {
            return previousRef.isBlank() ? Optional.empty() : Optional.of(previousRef);
        }
    }

    /**
     * Records an export and, unless it runs as a job, makes it now. An identical export already queued or running
     * is returned instead of a second one.
     *
     * @throws InvalidInputException for inputs that cannot be exported: an unknown repository, ref or previous release
     *         of a job's format before anything is recorded; otherwise the export is recorded as failed
     */
    public ExportJob request(EvidenceRequest request, ExportFormat format, Optional<String> previousRef, String user)
            throws InvalidInputException {
        if (request.configurationIds().isEmpty() && request.boardIds().isEmpty()) {
            throw new InvalidInputException("choose at least one configuration or board");
        }
        EvidenceRequest stated = new EvidenceRequest(request.repositoryId(), request.ref().strip(),
                request.configurationIds(), request.boardIds(), request.dashboardUrl(),
                request.generatedAt().truncatedTo(ChronoUnit.SECONDS));
        evidence.requireRepository(stated); // an unknown repository is refused, not recorded (no row to refer to)
        if (format.runsAsJob()) {
            // refused here, on the form, rather than recorded and failed by the job: an unknown ref or previous release
            try {
                evidence.commitOf(stated);
                if (previousRef.isPresent() && !previousRef.get().isBlank()) {
                    evidence.commitOf(stated.at(previousRef.get().strip()));
                }
            } catch (org.xenfusa.web.ingest.CloneInProgressException cloning) {
                // a URL repository this instance has not cloned yet: the job waits for the clone and checks then
            }
        }
        ExportInputs inputs = new ExportInputs(stated.repositoryId(), stated.ref(), stated.configurationIds(),
                stated.boardIds(), stated.dashboardUrl(), stated.generatedAt(), evidence.describe(stated),
                previousRef.orElse(""));
        String key = format + "|" + stated.repositoryId() + "|" + stated.ref() + "|"
                + new TreeSet<>(stated.configurationIds()) + "|" + new TreeSet<>(stated.boardIds()) + "|"
                + inputs.previousRef();
        var active = EnumSet.of(ExportState.QUEUED, ExportState.RUNNING);
        Optional<ExportJob> running = jobs.findFirstByInputKeyAndStateIn(key, active);
        if (running.isPresent()) {
            return running.get();
        }
        ExportJob job;
        try {
            job = jobs.saveAndFlush(new ExportJob(stated.repositoryId(), stated.ref(), format,
                    JSON.writeValueAsString(inputs), key, user, Instant.now()));
        } catch (DataIntegrityViolationException raced) {
            return jobs.findFirstByInputKeyAndStateIn(key, active).orElseThrow(() -> raced);
        }
        if (format.runsAsJob()) {
            scheduler.scheduleIfNotExists(ExportJobs.TASK.instance("export-" + job.getId()).data(job.getId()).build(),
                    Instant.now());
            return job;
        }
        run(job.getId());
        return jobs.findById(job.getId()).orElseThrow();
    }

    /** Makes the export's file and stores it; a failure is recorded with its reason, never thrown to the worker. */
    public void run(long id) {
        make(id, () -> false, ComputedReports.NONE, done -> done);
    }

    /** The platform is stopping: the export (or its part) goes back to the queue. */
    static final class HandedBackException extends RuntimeException {
        HandedBackException() {
            super("handed back", null, false, false);
        }
    }

    /**
     * Told when a part of an export starts on this instance's worker, before its report is computed. None in the
     * application; a test holds an instance's workers with one until another instance has started a part.
     */
    public interface PartListener {
        void started(long exportId, String key);
    }

    /**
     * The export task ({@link ExportJobs#TASK}): an export that runs as a job is planned into one part per
     * configuration and board ({@link EvidenceService#partKeys}), each queued as its own task that any instance's
     * workers pick up ({@link #runPart}); the part that ends last queues the assembly ({@link #assemble}). An export
     * planned already (its planner's worker died after planning) keeps its parts: those not ended are queued again,
     * those done are kept. An export recorded before parts existed is planned here like a new one.
     *
     * @return false for a planned export (the parts carry the work); for one of a format made in one piece (never
     *         queued as a job by {@link #request}), true when it was handed back and must be scheduled again
     */
    public boolean run(long id, java.util.function.BooleanSupplier stopping) {
        ExportJob job = jobs.findById(id).orElse(null);
        if (job == null || !job.getState().isActive()) {
            return false;
        }
        if (!job.getFormat().runsAsJob()) {
            // never queued as a job today; made whole as the request would
            if (jobs.markRunning(id, Instant.now()) == 1) {
                return make(id, stopping, ComputedReports.NONE, done -> done);
            }
            return false;
        }
        parts.exportRunning(id);
        jobs.ranOn(id, instance.name());
        if (!parts.planned(id)) {
            try {
                ExportInputs inputs = JSON.readValue(job.getInputs(), ExportInputs.class);
                List<String> keys = EvidenceService.partKeys(inputs.request());
                if (keys.isEmpty()) {
                    jobs.fail(id, Instant.now(), "choose at least one configuration or board");
                    return false;
                }
                // the names stored with the export; the current ones for any it lacks
                Map<String, String> titles = new java.util.HashMap<>(evidence.describe(inputs.request()));
                titles.putAll(inputs.names());
                // the commit every part and the assembly must read: a branch may move, and another instance's copy
                // of a repository may be behind this one's, while the parts run
                parts.pinCommit(id, evidence.commitOf(inputs.request()));
                parts.plan(id, keys, titles);
                jobs.progress(id, 0, "planned " + keys.size() + " part(s)");
                log.info("Export {} planned into {} part(s)", id, keys.size());
            } catch (InvalidInputException e) {
                jobs.fail(id, Instant.now(), e.getMessage());
                return false;
            } catch (RuntimeException e) {
                log.warn("Export {} could not be planned", id, e);
                jobs.fail(id, Instant.now(), "could not be planned: " + e);
                return false;
            }
        }
        List<Long> open = parts.open(id);
        for (Long part : open) {
            scheduler.scheduleIfNotExists(ExportJobs.PART.instance("export-part-" + part).data(part).build(),
                    Instant.now());
        }
        if (open.isEmpty()) {
            finishIfDone(id, true); // every part ended before the planner's worker died: assemble, or fail
        }
        return false;
    }

    /**
     * Runs one part: computes its configuration's or board's report ({@link EvidenceService#partReport}, the
     * computation the evidence would do) and stores it; or, when {@code stopping} says this instance is shutting down
     * before it began, hands it back to the queue for any instance's next worker. A failure is recorded on the part
     * with its reason, never thrown. The part that ends last ends its export: queues its assembly, or fails it naming
     * the parts that failed.
     *
     * @return true when the part was handed back and must be scheduled again
     */
    public boolean runPart(long partId, java.util.function.BooleanSupplier stopping) {
        Part part = parts.find(partId).orElse(null);
        if (part == null || !part.isOpen()) {
            return false;
        }
        long id = part.exportId();
        ExportJob job = jobs.findById(id).orElse(null);
        if (job == null || !job.getState().isActive()) {
            parts.end(partId, "CANCELLED", "The export ended before this part was computed");
            return false;
        }
        if (!parts.start(partId, instance.name())) {
            return false;
        }
        parts.exportRunning(id);
        parts.refreshExport(id);
        try {
            listeners.orderedStream().forEach(l -> l.started(id, part.key()));
            if (stopping.getAsBoolean()) {
                throw new HandedBackException();
            }
            ExportInputs inputs = JSON.readValue(job.getInputs(), ExportInputs.class);
            long t0 = System.nanoTime();
            org.xenfusa.sloc.config.ConfigurationReport report = evidence.partReport(inputs.request(), part.key());
            Optional<String> pinned = parts.pinnedCommit(id);
            if (pinned.isPresent() && !pinned.get().equals(report.commit())) {
                throw new InvalidInputException(moved(inputs.ref(), pinned.get(), report.commit(), part.label()));
            }
            byte[] stored = StoredReports.write(report);
            parts.succeed(partId, stored);
            log.info("Export {}: {} computed in {} ms ({} bytes stored)", id, part.label(),
                    (System.nanoTime() - t0) / 1_000_000, stored.length);
        } catch (HandedBackException e) {
            parts.handBack(partId, "Handed back to the queue when " + instance.name() + " stopped");
            parts.handedBack(id, "Part " + part.label() + " handed back to the queue when " + instance.name()
                    + " stopped; the next worker computes it");
            log.info("Export {}: {} handed back to the queue: this instance is stopping", id, part.label());
            parts.refreshExport(id);
            return true;
        } catch (InvalidInputException | IllegalArgumentException e) {
            parts.end(partId, "FAILED", e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            log.warn("Export {}: {} failed", id, part.label(), e);
            parts.end(partId, "FAILED", "internal error: " + e);
        }
        finishIfDone(id);
        return false;
    }

    /**
     * A part whose worker died (its heartbeat stopped): handed back to the queue at most {@code max} times, then failed,
     * which fails its export (a configuration that kills its worker each time must not go round the instances for
     * ever).
     *
     * @return true when the part was handed back and must be scheduled again
     */
    public boolean takeOverPart(long partId, String deadWorker, int max) {
        Part part = parts.find(partId).orElse(null);
        if (part == null) {
            return false;
        }
        if (!part.isOpen()) {
            // it ended, but its worker may have died before it queued the assembly
            finishIfDone(part.exportId(), true);
            return false;
        }
        if (parts.takeOver(partId, max, "Taken over: the worker on " + deadWorker + " stopped while it ran")) {
            parts.handedBack(part.exportId(), "Taken over: the worker on " + deadWorker + " stopped while part "
                    + part.label() + " ran; computing it again (the parts done are kept)");
            log.warn("Export {}: the worker on {} stopped during {}; handed back to the queue", part.exportId(),
                    deadWorker, part.label());
            return true;
        }
        parts.end(partId, "FAILED", "the worker stopped while this part ran (app killed or restarted), also after"
                + " being taken over " + max + " times");
        finishIfDone(part.exportId());
        return false;
    }

    /**
     * Ends the parts' phase of an export: FAILED as soon as a part failed, naming it (and any other that failed) and
     * why, its parts not started cancelled (those running end, their reports stored all the same); its assembly queued
     * when every part is done. Under a lock on the export's row, so that of two parts ending at the same moment on two
     * instances exactly one decides, on what both stored, and queues the assembly.
     *
     * @return true when this call queued the assembly
     */
    public boolean finishIfDone(long id) {
        return finishIfDone(id, false);
    }

    /**
     * @param recovering a worker died after the last part ended and before the assembly was queued: queue it again if
     *        it is due (the queue keeps one task per export, and an assembly finds an ended export ended)
     */
    private boolean finishIfDone(long id, boolean recovering) {
        Boolean assemble = transaction.execute(status -> {
            Optional<String> state = parts.lockExport(id);
            if (state.isEmpty() || !(state.get().equals("QUEUED") || state.get().equals("RUNNING"))) {
                return false;
            }
            parts.refreshExport(id);
            List<Part> all = parts.ofExport(id);
            List<Part> failed = all.stream().filter(p -> !p.isOpen() && !p.state().equals("SUCCEEDED")).toList();
            if (!failed.isEmpty()) {
                Part first = failed.get(0);
                long done = all.stream().filter(p -> p.state().equals("SUCCEEDED")).count();
                String why = "Failed at " + first.label() + ": " + first.message()
                        + (failed.size() == 1 ? "" : "; also failed: " + failed.stream().skip(1).limit(10)
                                .map(p -> p.label() + " (" + p.message() + ")").collect(Collectors.joining(", "))
                                + (failed.size() > 11 ? " and " + (failed.size() - 11) + " more" : ""))
                        + "; %d of %d part(s) had been computed".formatted(done, all.size());
                jobs.fail(id, Instant.now(), why);
                parts.cancelQueued(id, "The export failed at " + first.label());
                return false;
            }
            if (all.isEmpty() || all.stream().anyMatch(Part::isOpen)) {
                return false; // not planned yet (its planner queues them), or parts left
            }
            if (!parts.assemblyQueued(id) && !recovering) {
                return false; // another part decided it first
            }
            jobs.progress(id, 100 * all.size() / (all.size() + 1), "all " + all.size() + " part(s) done;"
                    + " assembly queued");
            return true;
        });
        if (Boolean.TRUE.equals(assemble)) {
            scheduler.scheduleIfNotExists(ExportJobs.ASSEMBLY.instance("export-assembly-" + id).data(id).build(),
                    Instant.now());
            return true;
        }
        return false;
    }

    /**
     * The assembly of an export whose parts are all done: the document made from the reports they stored (never
     * computed again) and everything else as a single build makes it, so that the bytes are a single build's. Handed
     * back to the queue when this instance is stopping, as a whole export was.
     *
     * @return true when it was handed back and must be scheduled again
     */
    public boolean assemble(long id, java.util.function.BooleanSupplier stopping) {
        ExportJob job = jobs.findById(id).orElse(null);
        if (job == null || !job.getState().isActive()) {
            return false;
        }
        List<Part> all = parts.ofExport(id);
        if (all.isEmpty() || all.stream().anyMatch(p -> !p.state().equals("SUCCEEDED"))) {
            return false; // not its turn: the last part queues it again, or fails the export
        }
        parts.assemblyStarted(id, instance.name());
        int n = all.size();
        ComputedReports stored = key -> parts.result(id, key).map(StoredReports::read);
        return make(id, stopping, stored, percent -> (int) Math.min(99, (100L * n + percent) / (n + 1)),
                parts.pinnedCommit(id));
    }

    /** Why a part or an assembly read another commit than the one its export was planned at. */
    private String moved(String ref, String pinned, String read, String where) {
        return ref + " named commit " + pinned + " when this export was planned, but " + read + " when " + where
                + " ran on " + instance.name() + ": the ref moved, or this instance's copy of the repository differs."
                + " Nothing was made from the two; request the export again";
    }

    /**
     * Makes an export's file from its stored inputs with the reports {@code computed} has, stores it and records it,
     * or hands it back to the queue when {@code stopping}. A failure is recorded with its reason, never thrown.
     *
     * @param percent maps the build's own percentage (0 to 100) to the export's progress bar
     * @return true when it was handed back and must be scheduled again
     */
    private boolean make(long id, java.util.function.BooleanSupplier stopping, ComputedReports computed,
            java.util.function.IntUnaryOperator percent) {
        return make(id, stopping, computed, percent, Optional.empty());
    }

    /** @param pinned the commit the export was planned at, which the build must have read */
    private boolean make(long id, java.util.function.BooleanSupplier stopping, ComputedReports computed,
            java.util.function.IntUnaryOperator percent, Optional<String> pinned) {
        ExportJob job = jobs.findById(id).orElse(null);
        if (job == null) {
            return false;
        }
        if (job.getState() == ExportState.QUEUED && jobs.markRunning(id, Instant.now()) == 0) {
            return false; // another worker took it
        }
        if (!job.getFormat().runsAsJob()) {
            jobs.ranOn(id, instance.name()); // made in one piece here (an assembly's instance joins its parts')
        }
        try {
            ExportInputs inputs = JSON.readValue(job.getInputs(), ExportInputs.class);
            EvidenceService.Progress progress = (done, total, what) -> {
                if (stopping.getAsBoolean()) {
                    throw new HandedBackException();
                }
                jobs.progress(id, percent.applyAsInt((int) (90.0 * done / Math.max(1, total))), what);
            };
            byte[] bytes = build(job.getFormat(), inputs, progress, computed);
            if (pinned.isPresent() && !pinned.get().equals(lastCommit.get())) {
                throw new InvalidInputException(moved(inputs.ref(), pinned.get(), lastCommit.get(), "the assembly"));
            }
            if (stopping.getAsBoolean()) {
                throw new HandedBackException();
            }
            jobs.progress(id, percent.applyAsInt(95), "storing " + bytes.length + " bytes");
            files.saveAndFlush(new ExportFile(id, bytes));
            jobs.succeed(id, Instant.now(), lastCommit.get(), fileName(job, inputs), Sha256.hex(bytes), bytes.length);
            log.info("Export {} ({}) of {}: {} bytes", id, job.getFormat(), inputs.ref(), bytes.length);
        } catch (HandedBackException e) {
            jobs.requeue(id, 0, 0, "Handed back to the queue when " + instance.name() + " stopped; the next worker"
                    + " makes it again");
            log.info("Export {} handed back to the queue: this instance is stopping", id);
            return true;
        } catch (InvalidInputException | GateFileException | IllegalArgumentException e) {
            jobs.fail(id, Instant.now(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Export {} failed", id, e);
            jobs.fail(id, Instant.now(), "internal error: " + e);
        } finally {
            lastCommit.remove();
        }
        return false;
    }

    /** The parts of an export (none for one made in one piece), for its page. */
    public List<Part> parts(long id) {
        return parts.ofExport(id);
    }

    /** When the assembly of an export made of parts (last) began. */
    public Optional<Instant> assemblyStarted(long id) {
        return parts.assemblyStarted(id);
    }

    /** The commit the last build in this thread read, for the record. */
    private final ThreadLocal<String> lastCommit = ThreadLocal.withInitial(() -> "");

    private byte[] build(ExportFormat format, ExportInputs inputs, EvidenceService.Progress progress,
            ComputedReports computed) throws InvalidInputException, GateFileException {
        if (format == ExportFormat.READINESS_DOCX || format == ExportFormat.READINESS_XLSX) {
            ReadinessEvaluations.Evaluated e = readiness.evaluateRelease(inputs.request(), progress);
            lastCommit.set(e.evidence().context().commit());
            if (format == ExportFormat.READINESS_XLSX) {
                return ReadinessWorkbook.write(e.report());
            }
            return ReadinessDocument.write(e.evidence(), e.report(),
                    impacts(inputs.request(), e.report().comparison().map(c -> c.previousRef()), progress));
        }
        ReleaseEvidence ev = evidence.evidence(inputs.request(), inputs.previous(), progress, computed);
        lastCommit.set(ev.context().commit());
        progress.step(9, 10, "writing " + format.title());
        return switch (format) {
            case XLSX -> AssessorWorkbook.write(ev);
            case DOCX -> TraceabilityReport.write(ev, impacts(inputs.request(), inputs.previous(), progress));
            case REQIF -> ReqifExport.write(ev.context(), ev.requirements());
            case EVIDENCE -> EvidencePackage.build(ev, readinessInputs(ev), impacts(inputs.request(), inputs.previous(), progress));
            default -> throw new IllegalStateException(format.name());
        };
    }

    /** With a previous release, the change impact since it, per configuration (the impact page's report). */
    private List<org.xenfusa.trace.impact.ImpactReport> impacts(EvidenceRequest request, Optional<String> previous,
            EvidenceService.Progress progress) throws InvalidInputException {
        List<org.xenfusa.trace.impact.ImpactReport> out = new ArrayList<>();
        if (previous.isPresent() && !previous.get().isBlank()) {
            progress.step(9, 10, "computing the change impact since " + previous.get());
            for (long configuration : request.configurationIds()) {
                out.add(impact.impact(request.repositoryId(), previous.get(), request.ref(), configuration));
            }
        }
        return out;
    }

    /** The package carries the readiness verdict of the stored gates when they apply to its configurations. */
    private Optional<ReadinessInputs> readinessInputs(ReleaseEvidence ev) {
        String text = readiness.gateText();
        try {
            ReadinessReport report = ReadinessEvaluator.evaluate(GateFileParser.parse(text, readiness.gateFileName()),
                    ev, Optional.empty());
            return Optional.of(new ReadinessInputs(readiness.gateFileName(), text, Optional.empty(), report));
        } catch (GateFileException e) {
            log.info("Evidence package without readiness: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static String fileName(ExportJob job, ExportInputs inputs) {
        String base = switch (job.getFormat()) {
            case XLSX -> "traceability-and-sloc";
            case DOCX -> "traceability-and-sloc-report";
            case REQIF -> "requirements";
            case EVIDENCE -> "evidence";
            case READINESS_DOCX, READINESS_XLSX -> "readiness";
        };
        return (base + "-" + inputs.ref()).replaceAll("[^A-Za-z0-9._-]", "_") + "." + job.getFormat().extension();
    }

    public List<ExportJob> recent() {
        return jobs.findTop50ByOrderByCreatedAtDesc();
    }

    public Optional<ExportJob> find(long id) {
        return jobs.findById(id);
    }

    public Optional<byte[]> file(long id) {
        return files.findById(id).map(ExportFile::getContent);
    }

    /** The inputs of an export as a list of lines, for the page. */
    public List<String> describeInputs(ExportJob job) {
        List<String> out = new ArrayList<>();
        try {
            ExportInputs in = JSON.readValue(job.getInputs(), ExportInputs.class);
            in.names().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.add(e.getValue()));
            in.previous().ifPresent(p -> out.add("since " + p));
        } catch (RuntimeException e) {
            out.add(job.getInputs());
        }
        return out;
    }
}
