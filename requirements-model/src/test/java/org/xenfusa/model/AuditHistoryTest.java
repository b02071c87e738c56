package org.xenfusa.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xenfusa.model.audit.AuditRevision;
import org.xenfusa.model.audit.AuditRevisionListener;
import org.xenfusa.model.source.RepositoryKind;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.model.trace.Requirement;
import org.xenfusa.model.trace.RequirementOrigin;
import org.xenfusa.model.trace.RequirementRepository;
import org.xenfusa.model.trace.TraceLink;
import org.xenfusa.model.trace.TraceLinkRepository;

/**
 * Envers history of requirements and links: every committed change is a revision stamped with the
 * user the listener's supplier names. Envers writes at commit, so these tests commit for real.
 */
@ModelSliceTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AuditHistoryTest {
    @Autowired
    RequirementRepository requirements;

    @Autowired
    TraceLinkRepository links;

    @Autowired
    SourceRepositoryRepository repositories;

    @Autowired
    EntityManagerFactory emf;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void restoreDefaultUser() {
        AuditRevisionListener.useCurrentUser(() -> "system");
    }

    private <T> T as(String user, Supplier<T> change) {
        AuditRevisionListener.useCurrentUser(() -> user);
        return new TransactionTemplate(transactionManager).execute(status -> change.get());
    }

    /** Revisions of one entity, oldest first, as [entity, AuditRevision, RevisionType]. */
    private List<Object[]> history(Class<?> type, Long id) {
        EntityManager em = emf.createEntityManager();
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = AuditReaderFactory.get(em).createQuery()
                    .forRevisionsOfEntity(type, false, true)
                    .add(AuditEntity.id().eq(id))
                    .addOrder(AuditEntity.revisionNumber().asc())
                    .getResultList();
            return rows;
        } finally {
            em.close();
        }
    }

    @Test
    void requirementChangesAreStampedWithTheActingUser() {
        String name = "audited-" + System.nanoTime();
        Long repo = as("admin", () -> repositories.save(new SourceRepository("audit-req-repo-" + System.nanoTime(),
                "/tmp/a", RepositoryKind.LOCAL, "/tmp/a/.git", "admin")).getId());
        Long id = as("alice", () -> requirements.save(new Requirement(repo, null, RequirementOrigin.WEB, 0, "feat",
                name, 1, "", 0, "alice")).getId());
        as("bob", () -> {
            Requirement r = requirements.findById(id).orElseThrow();
            r.setContent(2, "Title", "New text", "", "", "approved", "", "", "impl", "", false);
            return requirements.save(r);
        });

        List<Object[]> revisions = history(Requirement.class, id);

        assertThat(revisions).hasSize(2);
        assertThat(revisions).extracting(r -> ((AuditRevision) r[1]).getUsername()).containsExactly("alice", "bob");
        assertThat(revisions).extracting(r -> r[2]).containsExactly(RevisionType.ADD, RevisionType.MOD);
        assertThat(((Requirement) revisions.get(0)[0]).getRevision()).isEqualTo(1);
        assertThat(((Requirement) revisions.get(1)[0]).getDescription()).isEqualTo("New text");
        assertThat(revisions).allSatisfy(r -> assertThat(((AuditRevision) r[1]).getTimestamp()).isPositive());
    }

    @Test
    void linkCreationReviewAndDeletionAreStampedWithTheActingUser() {
        Long repo = as("admin", () -> repositories.save(new SourceRepository("audit-repo-" + System.nanoTime(),
                "/tmp/a", RepositoryKind.LOCAL, "/tmp/a/.git", "admin")).getId());
        Long id = as("erin", () -> links.save(TraceLink.toFunction(repo, "feat~x~1", "xen/common/a.c", "do_x",
                Optional.empty(), "impl", "erin")).getId());
        as("rick", () -> {
            TraceLink link = links.findById(id).orElseThrow();
            link.review("rick", Optional.of("hash-1"), "do_x does what feat~x~1 asks");
            return links.save(link);
        });
        as("admin", () -> {
            links.deleteById(id);
            return null;
        });

        List<Object[]> revisions = history(TraceLink.class, id);

        assertThat(revisions).extracting(r -> ((AuditRevision) r[1]).getUsername())
                .containsExactly("erin", "rick", "admin");
        assertThat(revisions).extracting(r -> r[2])
                .containsExactly(RevisionType.ADD, RevisionType.MOD, RevisionType.DEL);
        TraceLink reviewed = (TraceLink) revisions.get(1)[0];
        assertThat(reviewed.getReviewer()).contains("rick");
        assertThat(reviewed.getReviewedHash()).contains("hash-1");
        // the review record is in the history: who, when, what was said
        assertThat(reviewed.getReviewComment()).contains("do_x does what feat~x~1 asks");
        assertThat(reviewed.getReviewedAt()).isPresent();
        assertThat(reviewed.getAuthor()).isEqualTo("erin");
    }
}
