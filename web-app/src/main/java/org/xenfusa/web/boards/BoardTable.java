package org.xenfusa.web.boards;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.model.audit.AuditRevision;
import org.xenfusa.model.boards.BoardCatalogText;
import org.xenfusa.model.boards.BoardCatalogTextRepository;
import org.xenfusa.sloc.boards.BoardCatalog;

/** The board table in force: the shipped one until an ADMIN edits it; every edit kept with who and when. */
@Service
public class BoardTable {
    static final String NAME = "default";

    private final BoardCatalogTextRepository texts;
    private final EntityManager entityManager;

    public BoardTable(BoardCatalogTextRepository texts, EntityManager entityManager) {
        this.texts = texts;
        this.entityManager = entityManager;
    }

    @Transactional
    public BoardCatalogText text() {
        return texts.findByName(NAME).orElseGet(() -> texts.saveAndFlush(new BoardCatalogText(NAME, shippedText())));
    }

    @Transactional
    public BoardCatalog catalog() {
        return BoardCatalog.parse("board table", text().getText());
    }

    /**
     * Replaces the table after checking it parses.
     *
     * @throws IllegalArgumentException naming the line of a malformed entry; nothing is stored then
     */
    @Transactional
    public BoardCatalog update(String text) {
        BoardCatalog parsed = BoardCatalog.parse("board table", text);
        BoardCatalogText stored = text();
        stored.setText(text);
        texts.saveAndFlush(stored);
        return parsed;
    }

    /** One edit of the table. */
    public record Change(int revision, Instant when, String who, int boards) {
    }

    @Transactional(readOnly = true)
    public List<Change> history() {
        BoardCatalogText t = texts.findByName(NAME).orElse(null);
        if (t == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntity(BoardCatalogText.class, false, true)
                .add(AuditEntity.id().eq(t.getId())).addOrder(AuditEntity.revisionNumber().desc()).getResultList();
        List<Change> out = new ArrayList<>();
        for (Object[] row : rows) {
            BoardCatalogText v = (BoardCatalogText) row[0];
            AuditRevision rev = (AuditRevision) row[1];
            int boards;
            try {
                boards = BoardCatalog.parse("revision", v.getText()).boards().size();
            } catch (IllegalArgumentException e) {
                boards = -1;
            }
            out.add(new Change(rev.getId(), Instant.ofEpochMilli(rev.getTimestamp()), rev.getUsername(), boards));
        }
        return out;
    }

    static String shippedText() {
        try (InputStream in = BoardCatalog.class.getResourceAsStream("boards.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the shipped board table is missing", e);
        }
    }
}
