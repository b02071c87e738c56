package org.xenfusa.web.boards;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.query.AuditEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xenfusa.web.platform.StoredDefaults;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.model.audit.AuditRevision;
import org.xenfusa.model.boards.BoardCatalogText;
import org.xenfusa.model.boards.BoardCatalogTextRepository;
import org.xenfusa.sloc.boards.BoardCatalog;

/**
 * The board table in force: the shipped one until an ADMIN edits it; every edit kept with who and when.
 * A stored table that is an earlier shipped table, never edited, is replaced by the current shipped one at
 * start-up (a revision by "system"); an edited one is kept as it is and still reads (the format only grew).
 */
@Service
public class BoardTable {
    static final String NAME = "default";

    private static final Logger LOG = LoggerFactory.getLogger(BoardTable.class);

    /**
     * SHA-256 of the tables shipped before this one, as stored byte for byte when nobody edited them:
     * the table before per-board components (no interrupt controller or timer; issue 10).
     */
    static final Set<String> EARLIER_SHIPPED_SHA256 = Set.of("3c2126a93c7d1dadb33180c1884568081ad567db2ab73f135212e1ded1230de0");

    private final BoardCatalogTextRepository texts;
    private final EntityManager entityManager;
    private final StoredDefaults defaults;

    public BoardTable(BoardCatalogTextRepository texts, EntityManager entityManager, StoredDefaults defaults) {
        this.defaults = defaults;
        this.texts = texts;
        this.entityManager = entityManager;
    }

    /**
     * The stored table, the shipped one stored at first use. Several workers or instances using it first at the same
     * moment store it once ({@link StoredDefaults}: each inserted it, and all but one failed on the unique name,
     * failing their export or readiness result).
     */
    @Transactional
    public BoardCatalogText text() {
        return defaults.findOrCreate(() -> texts.findByName(NAME),
                () -> texts.saveAndFlush(new BoardCatalogText(NAME, shippedText())));
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

    /**
     * Replaces a stored table that is an earlier shipped table nobody edited by the current shipped one.
     *
     * @return whether it replaced it
     */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public boolean upgradeUneditedTable() {
        BoardCatalogText stored = texts.findByName(NAME).orElse(null);
        // a browser's textarea sends CRLF: a table saved back unchanged is still unedited
        if (stored == null || !EARLIER_SHIPPED_SHA256.contains(sha256(stored.getText().replace("\r\n", "\n")))) {
            return false;
        }
        stored.setText(shippedText());
        texts.saveAndFlush(stored);
        LOG.info("board table: the stored table was an earlier shipped one, never edited; replaced by the shipped table"
                + " (each board's interrupt controller, timer, UART and IOMMU with their sources)");
        return true;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shippedText() {
        return BoardCatalog.shippedText();
    }
}
