package org.xenfusa.model.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A named text that an ADMIN edits as a whole (the board table, the readiness gate file): the
 * subclasses name the table, Envers keeps every version with who and when.
 */
@MappedSuperclass
public abstract class EditedText {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(nullable = false)
    private String text;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected EditedText() {
    }

    protected EditedText(String name, String text) {
        this.name = name;
        this.text = text;
        this.updatedAt = Instant.now();
    }

    // not final: Hibernate proxies entities by overriding their methods (HHH000305 otherwise)
    public void setText(String text) {
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
