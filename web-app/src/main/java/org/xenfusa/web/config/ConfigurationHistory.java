package org.xenfusa.web.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.model.audit.AuditRevision;
import org.xenfusa.model.config.SavedConfiguration;

/** A configuration's change history from Envers: who changed what, when. */
@Service
public class ConfigurationHistory {
    private final EntityManager entityManager;

    public ConfigurationHistory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One revision: when, who, what kind of change, and the overrides and ref it left. */
    public record Revision(int number, Instant when, String who, String change, String ref, String overrides) {
    }

    @Transactional(readOnly = true)
    public List<Revision> revisions(long id) {
        AuditReader reader = AuditReaderFactory.get(entityManager);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = reader.createQuery().forRevisionsOfEntity(SavedConfiguration.class, false, true)
                .add(AuditEntity.id().eq(id)).addOrder(AuditEntity.revisionNumber().desc()).getResultList();
        List<Revision> out = new ArrayList<>();
        for (Object[] row : rows) {
            SavedConfiguration c = (SavedConfiguration) row[0];
            AuditRevision rev = (AuditRevision) row[1];
            RevisionType type = (RevisionType) row[2];
            out.add(new Revision(rev.getId(), Instant.ofEpochMilli(rev.getTimestamp()), rev.getUsername(),
                    switch (type) {
                        case ADD -> "created";
                        case MOD -> "changed";
                        case DEL -> "deleted";
                    }, c == null ? "" : c.getRefName(), c == null ? "" : c.getOverrides()));
        }
        return out;
    }
}
