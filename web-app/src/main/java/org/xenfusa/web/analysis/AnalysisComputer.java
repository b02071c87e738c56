package org.xenfusa.web.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Service;
import org.xenfusa.exports.readiness.GateFileException;
import org.xenfusa.exports.readiness.GateResult;
import org.xenfusa.exports.readiness.ReadinessReport;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.effort.Asil;
import org.xenfusa.sloc.effort.EffortEstimate;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.sloc.report.ReleaseOrder;
import org.xenfusa.trace.config.ConfigurationCoverage;
import org.xenfusa.trace.report.TraceReport;
import org.xenfusa.trace.report.Verdict;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.effort.EffortModels;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.readiness.ReadinessService;
import org.xenfusa.web.trace.SnapshotTrace;
import org.xenfusa.web.trace.TracePages;
import org.xenfusa.web.trace.TraceService;

/**
 * Computes one analysis result by calling the services the pages use (one analysis core): the configuration's report
 * and the effort model as the configuration SLOC page, the trace report as the trace pages, the readiness evaluation
 * as the readiness page. It never computes a figure of its own; it only keeps what those services answer.
 */
@Service
public class AnalysisComputer {
    private final ConfigurationReports reports;
    private final EffortModels effort;
    private final TraceService traces;
    private final TracePages tracePages;
    private final ReadinessService readiness;
    private final SnapshotRepository snapshots;
    private final AtomicLong computations = new AtomicLong();

    public AnalysisComputer(ConfigurationReports reports, EffortModels effort, TraceService traces,
            TracePages tracePages, ReadinessService readiness, SnapshotRepository snapshots) {
        this.reports = reports;
        this.effort = effort;
        this.traces = traces;
        this.tracePages = tracePages;
        this.readiness = readiness;
        this.snapshots = snapshots;
    }

    /** What every result reads besides its snapshot and configuration, read once per page or job. */
    public record Inputs(String effortModel, String traceStamp, String gateText, java.util.Map<Long, String> policies) {
        /** The SHA-256 of the trace policy a repository's verdicts follow. */
        String policy(Snapshot s) {
            return policies.getOrDefault(s.getRepository().getId(), org.xenfusa.trace.policy.TracePolicy.oft().sha256());
        }
    }

    public Inputs inputs() {
        return new Inputs(effort.current().toString(), traces.inputStamp(), readiness.gateText(),
                traces.policyHashes());
    }

    /** The release before {@code snapshot} among its repository's snapshots, in release order. */
    public Optional<Snapshot> previous(Snapshot snapshot, List<Snapshot> ofRepository) {
        return ofRepository.stream().filter(s -> ReleaseOrder.INSTANCE.compare(s.getRefName(), snapshot.getRefName()) < 0)
                .max((a, b) -> ReleaseOrder.INSTANCE.compare(a.getRefName(), b.getRefName()));
    }

    /**
     * The inputs a result depends on besides the engine, as one key: a stored result whose key differs was computed
     * from other inputs (the configuration, the effort model, requirements or links, the gate file, the releases)
     * and is computed again.
     */
    public String inputKey(AnalysisKind kind, Snapshot snapshot, SavedConfiguration saved, Optional<Snapshot> previous,
            Inputs inputs) {
        String text = switch (kind) {
            case SLOC -> configurationKey(snapshot, saved) + "|effort " + inputs.effortModel();
            case TRACE -> configurationKey(snapshot, saved) + "|trace " + inputs.traceStamp() + "|policy "
                    + inputs.policy(snapshot) + "|previous "
                    + previous.map(p -> p.getId() + p.getRefName()).orElse("");
            case READINESS -> configurationKey(snapshot, saved) + "|effort " + inputs.effortModel() + "|trace "
                    + inputs.traceStamp() + "|policy " + inputs.policy(snapshot)
                    + "|gates " + inputs.gateText() + "|previous "
                    + previous.map(p -> p.getId() + p.getRefName()).orElse("");
        };
        return kind + ":" + sha256(text);
    }

    private static String configurationKey(Snapshot snapshot, SavedConfiguration saved) {
        return snapshot.getCommitSha() + "|" + saved.getId() + "|" + saved.getUpdatedAt() + "|" + saved.getArch()
                + "|" + saved.getStartKind() + "|" + saved.getStartValue() + "|" + saved.getOverrides() + "|"
                + saved.getToolchain();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many results were computed since start (a stored result read again is not one). */
    public long computations() {
        return computations.get();
    }

    /** Told what the computation is doing, for the dashboard's progress. */
    @FunctionalInterface
    public interface Steps {
        void step(String what);
    }

    /** Computes one result; a figure the services cannot give is an error with its reason, never a zero. */
    public Object compute(AnalysisKind kind, Snapshot snapshot, SavedConfiguration saved, Optional<Snapshot> previous,
            Steps steps) throws InvalidInputException, GateFileException {
        computations.incrementAndGet();
        return switch (kind) {
            case SLOC -> sloc(snapshot, saved, steps);
            case TRACE -> trace(snapshot, saved, previous, steps);
            case READINESS -> readiness(snapshot, saved, steps);
        };
    }

    private AnalysisFigures.Sloc sloc(Snapshot snapshot, SavedConfiguration saved, Steps steps)
            throws InvalidInputException {
        steps.step("evaluating " + saved.getName() + " at " + snapshot.getRefName());
        ConfigurationReport report = evaluated(snapshot, saved);
        EffortModel m = effort.current();
        long sloc = m.slocOf(report);
        List<AnalysisFigures.Effort> levels = m.estimates(sloc).values().stream().map(e -> effort(m, e)).toList();
        return new AnalysisFigures.Sloc(report.commit(), report.makeCloc(), report.withHeaders(), report.activeLines(),
                report.directories(), m.figure().label(), sloc, m.hoursPerPersonYear(), levels,
                report.warnings().stream().map(w -> (w.file().isEmpty() ? "" : w.file() + ":" + w.line() + ": ")
                        + w.message()).toList(), report.undecidedConditions());
    }

    /**
     * The configuration's report at the snapshot, refused when nothing could be evaluated: before Xen 4.7 there is no
     * Kconfig, which is not a count of zero, nor a trace or a verdict of a configuration that compiles nothing.
     */
    private ConfigurationReport evaluated(Snapshot snapshot, SavedConfiguration saved) throws InvalidInputException {
        ConfigurationReport report = reports.report(saved, snapshot.getCommitSha(), List.of());
        if (report.values().isEmpty()) {
            throw new InvalidInputException("no Kconfig at " + snapshot.getRefName() + ": nothing to evaluate");
        }
        return report;
    }

    private static AnalysisFigures.Effort effort(EffortModel m, EffortEstimate e) {
        List<String> asils = java.util.Arrays.stream(Asil.values()).filter(a -> m.levelOf(a) == e.level())
                .map(Asil::label).toList();
        return new AnalysisFigures.Effort(e.level().name(), e.level().label(), asils, e.hoursPerSloc(), e.hours(),
                e.personYears(), e.interpolated());
    }

    private AnalysisFigures.Trace trace(Snapshot snapshot, SavedConfiguration saved, Optional<Snapshot> previous,
            Steps steps) throws InvalidInputException {
        evaluated(snapshot, saved);
        steps.step("tracing requirements at " + snapshot.getRefName());
        SnapshotTrace trace = traces.trace(snapshot.getId());
        Map<SavedConfiguration, String> errors = new LinkedHashMap<>();
        steps.step("tracing " + saved.getName());
        TraceReport report = traces.report(trace, List.of(saved), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.values().iterator().next());
        }
        Map<String, Long> verdicts = new LinkedHashMap<>();
        report.counts(saved.getName()).forEach((v, n) -> verdicts.put(v.label(), n));
        ConfigurationCoverage coverage = traces.coverage(trace, saved);
        Integer suspects = null;
        if (previous.isPresent()) {
            steps.step("suspect links since " + previous.get().getRefName());
            suspects = tracePages.suspects(previous.get().getId(), snapshot.getId()).size();
        }
        return new AnalysisFigures.Trace(report.requirements().size(), verdicts, coverage.compiledFiles(),
                coverage.compiledCode(), coverage.tracedCode(), coverage.untracedCode(), suspects,
                previous.map(Snapshot::getRefName).orElse(""), previous.map(Snapshot::getId).orElse(null));
    }

    private AnalysisFigures.Readiness readiness(Snapshot snapshot, SavedConfiguration saved, Steps steps)
            throws InvalidInputException, GateFileException {
        evaluated(snapshot, saved);
        steps.step("assembling the evidence of " + snapshot.getRefName());
        EvidenceRequest request = new EvidenceRequest(snapshot.getRepository().getId(), snapshot.getRefName(),
                List.of(saved.getId()), List.of(), "", Instant.now());
        ReadinessService.Evaluation e = readiness.evaluate(request,
                (done, total, what) -> steps.step(what + " (" + done + " of " + total + ")"));
        ReadinessReport r = e.report();
        List<AnalysisFigures.Gate> gates = r.results().stream().map(AnalysisComputer::gate).toList();
        return new AnalysisFigures.Readiness(r.passed(), e.previousRef().orElse(""), gates, r.reasons());
    }

    private static AnalysisFigures.Gate gate(GateResult g) {
        return new AnalysisFigures.Gate(g.gate().key(), g.gate().description(), g.threshold(), g.value().orElse(null),
                g.verdict().name(), g.detail());
    }

    /** The verdict labels in the vocabulary's order, as the trace results count them. */
    public static List<String> verdictLabels() {
        return java.util.Arrays.stream(Verdict.values()).map(Verdict::label).toList();
    }

    Snapshot snapshot(long id) {
        return snapshots.findWithRepository(id).orElseThrow(() -> new IllegalStateException("no snapshot " + id));
    }
}
