package org.xenfusa.web.trace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.model.audit.AuditRevision;
import org.xenfusa.model.trace.TracePolicyText;
import org.xenfusa.model.trace.TracePolicyTextRepository;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.trace.policy.TracePolicyException;

/**
 * The trace policy of each repository: the one an ADMIN stored (parsed by the library, history by Envers), else the
 * shipped {@code oft} (OpenFastTrace's rules), so that verdicts stay OpenFastTrace's and equal to evidence made before
 * policies existed until an ADMIN chooses otherwise, for example the shipped {@code xen} policy in one click.
 */
@Service
public class TracePolicyService {
    /** How a stored policy is named in errors. */
    public static final String FILE = "trace-policy.yaml";

    private final TracePolicyTextRepository texts;
    private final EntityManager entityManager;

    public TracePolicyService(TracePolicyTextRepository texts, EntityManager entityManager) {
        this.texts = texts;
        this.entityManager = entityManager;
    }

    /** One stored version of a repository's policy. */
    public record Change(int revision, Instant when, String who, String name, String sha256) {
    }

    /** The policy a repository's verdicts follow. A stored text that no longer parses (never stored so) is refused. */
    @Transactional(readOnly = true)
    public TracePolicy policy(long repositoryId) {
        Optional<TracePolicyText> stored = texts.findByRepositoryId(repositoryId);
        if (stored.isEmpty()) {
            return TracePolicy.oft();
        }
        try {
            return TracePolicy.parse(FILE, stored.get().getText().getBytes(StandardCharsets.UTF_8));
        } catch (TracePolicyException e) {
            throw new IllegalStateException("stored trace policy of repository " + repositoryId + " does not parse: "
                    + e.getMessage(), e);
        }
    }

    /** Whether the repository has a policy of its own (else it follows the shipped {@code oft}). */
    @Transactional(readOnly = true)
    public boolean stored(long repositoryId) {
        return texts.findByRepositoryId(repositoryId).isPresent();
    }

    /**
     * Stores a repository's policy after it parses.
     *
     * @throws TracePolicyException with every problem (file, line); nothing is stored then and the previous policy stays
     */
    @Transactional
    public TracePolicy update(long repositoryId, String text, String author) throws TracePolicyException {
        String normalised = text.replace("\r\n", "\n");
        TracePolicy parsed = TracePolicy.parse(FILE, normalised.getBytes(StandardCharsets.UTF_8));
        TracePolicyText row = texts.findByRepositoryId(repositoryId).orElseGet(() -> new TracePolicyText(repositoryId));
        row.set(parsed.name(), parsed.text(), parsed.sha256(), author);
        texts.saveAndFlush(row);
        return parsed;
    }

    /** Stores a shipped policy ({@code oft}, {@code xen}) as the repository's. */
    @Transactional
    public TracePolicy useShipped(long repositoryId, String name, String author) {
        try {
            return update(repositoryId, new String(TracePolicy.shippedText(name), StandardCharsets.UTF_8), author);
        } catch (TracePolicyException e) {
            throw new IllegalStateException("shipped policy " + name + " does not parse", e);
        }
    }

    /** Every stored version of the repository's policy, newest first. */
    @Transactional(readOnly = true)
    public List<Change> history(long repositoryId) {
        Optional<TracePolicyText> t = texts.findByRepositoryId(repositoryId);
        if (t.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntity(TracePolicyText.class, false, true)
                .add(AuditEntity.id().eq(t.get().getId())).addOrder(AuditEntity.revisionNumber().desc())
                .getResultList();
        List<Change> out = new ArrayList<>();
        for (Object[] row : rows) {
            TracePolicyText v = (TracePolicyText) row[0];
            AuditRevision rev = (AuditRevision) row[1];
            out.add(new Change(rev.getId(), Instant.ofEpochMilli(rev.getTimestamp()), v.getAuthor(), v.getName(),
                    v.getSha256()));
        }
        return out;
    }
}
