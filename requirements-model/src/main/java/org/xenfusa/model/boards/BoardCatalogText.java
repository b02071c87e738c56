package org.xenfusa.model.boards;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.envers.AuditOverride;
import org.hibernate.envers.Audited;
import org.xenfusa.model.audit.EditedText;

/** The board table as text (the format of the shipped {@code boards.txt}); ADMIN edits it, Envers keeps its history. */
@Entity
@Table(name = "board_catalog")
@Audited
@AuditOverride(forClass = EditedText.class)
public class BoardCatalogText extends EditedText {
    protected BoardCatalogText() {
    }

    public BoardCatalogText(String name, String text) {
        super(name, text);
    }
}
