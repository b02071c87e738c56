package org.xenfusa.model.exports;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

/** The readiness gate file (YAML, the format of {@code fusa readiness --gates}); ADMIN edits it, Envers keeps its history. */
@Entity
@Table(name = "readiness_gates")
@Audited
public class ReadinessGateText {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(nullable = false)
    private String text;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ReadinessGateText() {
    }

    public ReadinessGateText(String name, String text) {
        this.name = name;
        setText(text);
    }

    public final void setText(String text) {
        this.text = text;
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getText() {
        return text;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
