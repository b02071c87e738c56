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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
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
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
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

    public ExportService(ExportJobRepository jobs, ExportFileRepository files, EvidenceService evidence,
            ReadinessEvaluations readiness, SchedulerClient scheduler, InstanceId instance,
            org.xenfusa.web.impact.ImpactService impact) {
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
     * @throws InvalidInputException for inputs that cannot be exported (the export is recorded as failed)
     */
    public ExportJob request(EvidenceRequest request, ExportFormat format, Optional<String> previousRef, String user)
            throws InvalidInputException {
        if (request.configurationIds().isEmpty() && request.boardIds().isEmpty()) {
            throw new InvalidInputException("choose at least one configuration or board");
        }
        EvidenceRequest stated = new EvidenceRequest(request.repositoryId(), request.ref().strip(),
                request.configurationIds(), request.boardIds(), request.dashboardUrl(),
                request.generatedAt().truncatedTo(ChronoUnit.SECONDS));
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
        run(id, () -> false);
    }

    /** The platform is stopping: the export goes back to the queue. */
    static final class HandedBackException extends RuntimeException {
        HandedBackException() {
            super("handed back", null, false, false);
        }
    }

    /**
     * Makes the export's file and stores it, or, when {@code stopping} says this instance is shutting down, hands the
     * export back to the queue at its next progress step (an export keeps nothing half made: the next worker of any
     * instance makes it again from its stored inputs). A failure is recorded with its reason, never thrown.
     *
     * @return true when the export was handed back and must be scheduled again
     */
    public boolean run(long id, java.util.function.BooleanSupplier stopping) {
        ExportJob job = jobs.findById(id).orElse(null);
        if (job == null || jobs.markRunning(id, Instant.now()) == 0) {
            return false; // gone, or another worker took it
        }
        jobs.ranOn(id, instance.name());
        try {
            ExportInputs inputs = JSON.readValue(job.getInputs(), ExportInputs.class);
            EvidenceService.Progress progress = (done, total, what) -> {
                if (stopping.getAsBoolean()) {
                    throw new HandedBackException();
                }
                jobs.progress(id, (int) (90.0 * done / Math.max(1, total)), what);
            };
            byte[] bytes = build(job.getFormat(), inputs, progress);
            if (stopping.getAsBoolean()) {
                throw new HandedBackException();
            }
            jobs.progress(id, 95, "storing " + bytes.length + " bytes");
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

    /** The commit the last build in this thread read, for the record. */
    private final ThreadLocal<String> lastCommit = ThreadLocal.withInitial(() -> "");

    private byte[] build(ExportFormat format, ExportInputs inputs, EvidenceService.Progress progress)
            throws InvalidInputException, GateFileException {
        if (format == ExportFormat.READINESS_DOCX || format == ExportFormat.READINESS_XLSX) {
            ReadinessEvaluations.Evaluated e = readiness.evaluateRelease(inputs.request(), progress);
            lastCommit.set(e.evidence().context().commit());
            if (format == ExportFormat.READINESS_XLSX) {
                return ReadinessWorkbook.write(e.report());
            }
            return ReadinessDocument.write(e.evidence(), e.report(),
                    impacts(inputs.request(), e.report().comparison().map(c -> c.previousRef()), progress));
        }
        ReleaseEvidence ev = evidence.evidence(inputs.request(), inputs.previous(), progress);
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
