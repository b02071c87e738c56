package org.xenfusa.web.readiness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;
import org.xenfusa.web.platform.StoredDefaults;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.readiness.GateFileException;
import org.xenfusa.exports.readiness.GateFileParser;
import org.xenfusa.exports.readiness.ReadinessEvaluator;
import org.xenfusa.exports.readiness.ReadinessGates;
import org.xenfusa.exports.readiness.ReadinessReport;
import org.xenfusa.model.audit.AuditRevision;
import org.xenfusa.model.exports.ReadinessGateText;
import org.xenfusa.model.exports.ReadinessGateTextRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.web.cache.SharedComputations;
import org.xenfusa.web.exports.EvidenceService;
import org.xenfusa.web.exports.ReadinessEvaluations;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * Release readiness: the stored gate file (ADMIN edits it, Envers keeps every version), the release tags of a
 * repository (its ingested snapshots, oldest first), and a tag's verdict against the tag before it. Evidence is
 * kept for the last few (repository, ref, configurations, gates), so that a release and the one after it share it.
 */
@Service
public class ReadinessService implements ReadinessEvaluations {
    static final String NAME = "default";
    /** How the stored gate file is named in messages and in evidence packages. */
    public static final String GATE_FILE = "readiness-gates.yaml";
    private static final int CACHED = 48;

    /** The shipped gate file (the SIG's gates), also what {@code fusa readiness} uses without {@code --gates}. */
    static final String SHIPPED = shippedGateFile();

    private final ReadinessGateTextRepository texts;
    private final SnapshotRepository snapshots;
    private final EvidenceService evidence;
    private final EntityManager entityManager;
    private final StoredDefaults defaults;
    /** A release's evidence takes tens of seconds: kept, and computed once however many pages ask at once. */
    private final SharedComputations<ReleaseEvidence> cache = new SharedComputations<>(CACHED);

    public ReadinessService(ReadinessGateTextRepository texts, SnapshotRepository snapshots, EvidenceService evidence,
            EntityManager entityManager, StoredDefaults defaults) {
        this.defaults = defaults;
        this.texts = texts;
        this.snapshots = snapshots;
        this.evidence = evidence;
        this.entityManager = entityManager;
    }

    /** A release's verdict, the evidence it was computed on, and the release it was compared with. */
    public record Evaluation(ReleaseEvidence evidence, ReadinessReport report, Optional<String> previousRef) {
    }

    /** One edit of the gate file. */
    public record Change(int revision, Instant when, String who, int lines) {
    }

    /**
     * The stored gate file, the shipped one stored at first use: once, also when several workers or instances use it
     * first at the same moment ({@link StoredDefaults}).
     */
    @Transactional
    public ReadinessGateText stored() {
        return defaults.findOrCreate(() -> texts.findByName(NAME), () -> texts.saveAndFlush(new ReadinessGateText(NAME, SHIPPED)));
    }

    @Override
    public Evaluated evaluateRelease(EvidenceRequest request, EvidenceService.Progress progress)
            throws InvalidInputException, GateFileException {
        Evaluation e = evaluate(request, progress);
        return new Evaluated(e.evidence(), e.report());
    }

    @Override
    public String gateFileName() {
        return GATE_FILE;
    }

    @Override
    public String gateText() {
        return stored().getText();
    }

    public ReadinessGates gates() throws GateFileException {
        return GateFileParser.parse(gateText(), GATE_FILE);
    }

    /**
     * Replaces the gate file after checking it parses.
     *
     * @throws GateFileException naming the line of the first problem; nothing is stored then
     */
    @Transactional
    public ReadinessGates update(String text) throws GateFileException {
        String normalised = text.replace("\r\n", "\n");
        ReadinessGates parsed = GateFileParser.parse(normalised, GATE_FILE);
        ReadinessGateText stored = stored();
        stored.setText(normalised);
        texts.saveAndFlush(stored);
        return parsed;
    }

    @Transactional(readOnly = true)
    public List<Change> history() {
        ReadinessGateText t = texts.findByName(NAME).orElse(null);
        if (t == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntity(ReadinessGateText.class, false, true)
                .add(AuditEntity.id().eq(t.getId())).addOrder(AuditEntity.revisionNumber().desc()).getResultList();
        List<Change> out = new ArrayList<>();
        for (Object[] row : rows) {
            ReadinessGateText v = (ReadinessGateText) row[0];
            AuditRevision rev = (AuditRevision) row[1];
            // the shipped file is stored on first read, by whoever read it: that revision is nobody's edit
            String who = row[2] == org.hibernate.envers.RevisionType.ADD ? "shipped defaults" : rev.getUsername();
            out.add(new Change(rev.getId(), Instant.ofEpochMilli(rev.getTimestamp()), who,
                    (int) v.getText().lines().count()));
        }
        return out;
    }

    /**
     * The repository's ingested refs in release order (each ref once): the release before
     * RELEASE-4.21.0 is RELEASE-4.20.x, not a 4.19 maintenance release tagged later.
     */
    public List<String> releases(long repositoryId) {
        LinkedHashSet<String> refs = new LinkedHashSet<>();
        snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repositoryId).stream().map(Snapshot::getRefName)
                .sorted(org.xenfusa.sloc.report.ReleaseOrder.INSTANCE).forEach(refs::add);
        return List.copyOf(refs);
    }

    public Optional<String> previous(long repositoryId, String ref) {
        List<String> all = releases(repositoryId);
        int i = all.indexOf(ref);
        return i > 0 ? Optional.of(all.get(i - 1)) : Optional.empty();
    }

    /** The verdict of {@code request.ref()} under the stored gates, compared with the release before it. */
    public Evaluation evaluate(EvidenceRequest request, EvidenceService.Progress progress)
            throws InvalidInputException, GateFileException {
        ReadinessGates gates = gates();
        Optional<String> before = previous(request.repositoryId(), request.ref());
        Optional<ReleaseEvidence> previous = Optional.empty();
        if (before.isPresent()) {
            try {
                previous = Optional.of(cached(request.at(before.get()), Optional.empty(),
                        EvidenceService.Progress.NONE));
            } catch (InvalidInputException e) {
                if (!unsupported(e)) {
                    throw e;
                }
                // the first supported release (Xen 4.14) after one the engine refuses: evaluated as a first release,
                // its comparison gates not evaluated, rather than no verdict at all
                before = Optional.empty();
            }
        }
        ReleaseEvidence current = cached(request, before, progress);
        return new Evaluation(current, ReadinessEvaluator.evaluate(gates, current, previous), before);
    }

    /** Whether the evaluation failed because the release is one the engine refuses (before Xen 4.14). */
    private static boolean unsupported(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.xenfusa.sloc.xen.UnsupportedXenReleaseException) {
                return true;
            }
        }
        return false;
    }

    private ReleaseEvidence cached(EvidenceRequest request, Optional<String> since, EvidenceService.Progress progress)
            throws InvalidInputException {
        // the stated time is not part of the key: the figures do not depend on it
        String key = request.repositoryId() + "|" + request.ref() + "|" + request.configurationIds() + "|"
                + request.boardIds() + "|" + since.orElse("");
        return cache.get(key, () -> evidence.evidence(request, since, progress));
    }

    /** The text of the shipped gate file (the library's resource). */
    public static String shippedGateFile() {
        return org.xenfusa.exports.readiness.ReadinessGates.shippedText();
    }
}
