package org.xenfusa.model.boards;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

/** The board table as text (the format of the shipped {@code boards.txt}); ADMIN edits it, Envers keeps its history. */
@Entity
@Table(name = "board_catalog")
@Audited
public class BoardCatalogText {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(nullable = false)
    private String text;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected BoardCatalogText() {
    }

    public BoardCatalogText(String name, String text) {
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
