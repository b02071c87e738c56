package org.xenfusa.model.exports;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.envers.AuditOverride;
import org.hibernate.envers.Audited;
import org.xenfusa.model.audit.EditedText;

/** The readiness gate file (YAML, the format of {@code fusa readiness --gates}); ADMIN edits it, Envers keeps its history. */
@Entity
@Table(name = "readiness_gates")
@Audited
@AuditOverride(forClass = EditedText.class)
public class ReadinessGateText extends EditedText {
    protected ReadinessGateText() {
    }

    public ReadinessGateText(String name, String text) {
        super(name, text);
    }
}
