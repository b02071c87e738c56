package org.xenfusa.web.trace;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.jpa.HibernateHints;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.xenfusa.model.audit.AuditRevision;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.trace.Requirement;
import org.xenfusa.model.trace.RequirementOrigin;
import org.xenfusa.model.trace.RequirementRepository;
import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.ItemStatus;
import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * Writes requirements: a snapshot's specification files imported, requirements authored in the web
 * app or a spreadsheet, and reads their history (Envers) as diffs.
 */
@Service
public class RequirementService {
    private static final int MAX_SHEET_BYTES = 16 * 1024 * 1024;
    /** Requirement rows of one spreadsheet import: larger sets are split into several files. */
    static final int MAX_SHEET_ROWS = 100_000;
    private static final int SHEET_BATCH = 1_000;
    /** Ids a value of {@code requirement_id_seq} stands for (its increment, the entity's allocation size). */
    private static final int ID_BLOCK = 50;

    private final RequirementRepository requirements;
    private final TraceService traces;
    private final SnapshotTrees trees;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;

    public RequirementService(RequirementRepository requirements, TraceService traces, SnapshotTrees trees,
            EntityManager entityManager, JdbcTemplate jdbc) {
        this.requirements = requirements;
        this.traces = traces;
        this.trees = trees;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    /** What an import read, and what it could not use (file and line, or file and row). */
    public record ImportOutcome(int imported, List<ImportProblem> problems) {
    }

    /** Text of an authored requirement as a form or a sheet row gives it; lists one entry a line or comma-separated. */
    public record RequirementText(
            @NotBlank(message = "give the id: type~name~revision, e.g. swunit~vtimer_read_freq~1")
            @Pattern(regexp = ONE_ID, message = "not a requirement id: type~name~revision, e.g. swunit~vtimer_read_freq~1")
            @Size(max = 300, message = "the id is limited to 300 characters") String id,
            @NotBlank(message = "a requirement needs a title")
            @Size(max = 500, message = "the title is limited to 500 characters") String title,
            @Size(max = MAX_TEXT, message = "the description is limited to 100,000 characters") String description,
            @Size(max = MAX_TEXT, message = "the rationale is limited to 100,000 characters") String rationale,
            @Size(max = MAX_TEXT, message = "the comment is limited to 100,000 characters") String comment,
            @Pattern(regexp = "(?i)\\s*(approved|proposed|draft|rejected)?\\s*",
                    message = "status must be approved, proposed, draft or rejected") String status,
            @Pattern(regexp = ID_LIST, message = "covers: requirement ids (type~name~revision), one a line")
            @Size(max = MAX_TEXT, message = "covers is limited to 100,000 characters") String covers,
            @Pattern(regexp = ID_LIST, message = "depends: requirement ids (type~name~revision), one a line")
            @Size(max = MAX_TEXT, message = "depends is limited to 100,000 characters") String depends,
            @Pattern(regexp = "[\\p{Alpha}\\s,]*", message = "needs: artifact types (letters only, e.g. impl, utest), one a line")
            @Size(max = 1000, message = "needs is limited to 1,000 characters") String needs) {
        static final int MAX_TEXT = 100_000;
        private static final String ID_TEXT = "(?U)\\p{Alpha}+~\\p{Alpha}[\\w-]*(?:\\.[\\w-]+)*~\\d{1,9}";
        static final String ONE_ID = "\\s*" + ID_TEXT + "\\s*";
        static final String ID_LIST = "[\\s,]*(?:" + ID_TEXT + "[\\s,]*)*";

        /** A field the form does not send (the trace page's form has no comment or depends) is empty, never null. */
        public RequirementText {
            id = orEmpty(id);
            title = orEmpty(title);
            description = orEmpty(description);
            rationale = orEmpty(rationale);
            comment = orEmpty(comment);
            status = orEmpty(status);
            covers = orEmpty(covers);
            depends = orEmpty(depends);
            needs = orEmpty(needs);
        }

        /** The empty form of a new requirement: it needs an implementation, approved. */
        public static RequirementText blank() {
            return new RequirementText("", "", "", "", "", "approved", "", "", "impl");
        }

        /** The form filled with a stored requirement. */
        public static RequirementText of(Requirement r) {
            return new RequirementText(r.getItemId(), r.getTitle(), r.getDescription(), r.getRationale(), r.getComment(),
                    r.getStatus(), r.getCovers(), r.getDepends(), r.getNeeds());
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }

    /** Input refused by the service, with the form field it is about. */
    public static class InvalidFieldException extends IllegalArgumentException {
        private final String field;

        public InvalidFieldException(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The form field the message is about. */
        public String field() {
            return field;
        }
    }

    /** Replaces the snapshot's imported requirements by the OFT items of its Markdown and reStructuredText files. */
    @Transactional
    public ImportOutcome importSnapshot(long snapshotId, String user) throws InvalidInputException {
        Snapshot s = traces.snapshot(snapshotId);
        SpecificationImport imported = trees.specifications(s);
        // one by one, not a bulk delete, so that Envers records every removal
        requirements.deleteAll(requirements.findBySnapshotIdOrderByPositionAscIdAsc(snapshotId));
        requirements.flush();
        int position = 0;
        for (SpecificationItem i : imported.items()) {
            Requirement r = new Requirement(s.getRepository().getId(), snapshotId, RequirementOrigin.SPECIFICATION_FILE, position++,
                    i.id().type(), i.id().name(), i.id().revision(), i.location().path(), i.location().line(), user);
            r.setContent(i.id().revision(), i.title(), i.description(), i.rationale(), i.comment(),
                    i.status().toString(), join(i.covers()), join(i.depends()), String.join("\n", i.needs()),
                    String.join("\n", i.tags()), i.forwards());
            requirements.save(r);
        }
        return new ImportOutcome(imported.items().size(), imported.problems());
    }

    /**
     * Creates a requirement authored for the repository of {@code snapshotId}: no snapshot of its own, it joins the
     * trace of every snapshot of that repository, and of no other repository.
     */
    @Transactional
    public Requirement create(long snapshotId, RequirementText text, String user) {
        long repositoryId = traces.snapshot(snapshotId).getRepository().getId();
        SpecificationItemId id = parseId(text.id());
        if (requirements.findByRepositoryIdAndSnapshotIdIsNullAndItemTypeAndName(repositoryId, id.type(), id.name())
                .isPresent()) {
            throw new InvalidFieldException("id", "a requirement " + id.type() + "~" + id.name()
                    + " already exists: edit it (a new revision is a change of that requirement)");
        }
        Requirement r = new Requirement(repositoryId, null, RequirementOrigin.WEB, 0, id.type(), id.name(),
                id.revision(), "", 0, user);
        apply(r, id, text);
        return requirements.saveAndFlush(r);
    }

    /**
     * Edits a requirement authored for the repository of {@code snapshotId}; type and name stay, the revision may
     * change. A requirement of another repository is not found from this snapshot.
     */
    @Transactional
    public Requirement update(long snapshotId, long requirementId, RequirementText text) {
        Requirement r = find(requirementId);
        if (r.getRepositoryId() != traces.snapshot(snapshotId).getRepository().getId()) {
            throw new TraceService.NotFoundException("no requirement " + requirementId + " in the repository of snapshot "
                    + snapshotId);
        }
        if (!r.isAuthored()) {
            throw new IllegalArgumentException(r.getItemId() + " comes from " + r.getFilePath()
                    + ": change it there and import the snapshot again");
        }
        SpecificationItemId id = parseId(text.id());
        if (!id.type().equals(r.getItemType()) || !id.name().equals(r.getName())) {
            throw new InvalidFieldException("id", "type and name of a requirement do not change ("
                    + r.getItemType() + "~" + r.getName() + "); give a new revision instead");
        }
        apply(r, id, text);
        return requirements.saveAndFlush(r);
    }

    public Requirement find(long id) {
        return requirements.findById(id).orElseThrow(() -> new TraceService.NotFoundException("no requirement " + id));
    }

    private static void apply(Requirement r, SpecificationItemId id, RequirementText t) {
        List<String> covers = TraceService.lines(t.covers());
        for (String c : covers) {
            parseId(c, "covers");
        }
        List<String> depends = TraceService.lines(t.depends());
        for (String d : depends) {
            parseId(d, "depends");
        }
        List<String> needs = TraceService.lines(t.needs());
        for (String n : needs) {
            if (!n.matches("\\p{Alpha}+")) {
                throw new InvalidFieldException("needs", "needs: '" + n + "' is not an artifact type (letters only)");
            }
        }
        String status = t.status() == null || t.status().isBlank() ? "approved" : t.status().strip();
        try {
            status = ItemStatus.parse(status).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("status", "status must be approved, proposed, draft or rejected, not '" + status + "'");
        }
        if (t.title() == null || t.title().isBlank()) {
            throw new InvalidFieldException("title", "a requirement needs a title");
        }
        r.setContent(id.revision(), t.title().strip(), normalise(t.description()), normalise(t.rationale()),
                normalise(t.comment()), status, String.join("\n", covers), String.join("\n", depends),
                String.join("\n", needs), r.getTags(), false);
    }

    private static String normalise(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").strip();
    }

    private static SpecificationItemId parseId(String text) {
        return parseId(text, "id");
    }

    private static SpecificationItemId parseId(String text, String field) {
        String t = text == null ? "" : text.strip();
        try {
            return SpecificationItemId.tryParse(t).orElseThrow(() -> new InvalidFieldException(field, field + ": '" + t
                    + "' is not a requirement id (expected <artifact-type>~<name>~<revision>, e.g. swunit~vtimer_read~1)"));
        } catch (SpecificationItemId.MalformedIdException e) {
            throw new InvalidFieldException(field, field + ": " + e.getMessage());
        }
    }

    private static String join(List<SpecificationItemId> ids) {
        return String.join("\n", ids.stream().map(Object::toString).toList());
    }

    /**
     * Imports authored requirements from the first sheet of an XLSX file: a header row naming the
     * columns (id, title, description, covers, needs; also rationale, comment, status, depends), then
     * one requirement a row. A bad row is reported with file and row and skipped; an existing
     * requirement of that type and name is updated (its history shows the change).
     * <p>
     * The sheet is streamed (never the whole workbook in memory) and written in batches of {@value #SHEET_BATCH}
     * rows: the existing authored requirements are looked up once, each batch loads the ones it changes in one
     * query and is written (with its audit rows) before the next is read, so that memory does not grow with the rows.
     * One transaction: a workbook that cannot be read to its end, with more than {@value #MAX_SHEET_ROWS} requirement
     * rows, or a row the database refuses, imports nothing and changes nothing.
     */
    @Transactional
    public ImportOutcome importSpreadsheet(long snapshotId, String fileName, byte[] content, String user) {
        long repositoryId = traces.snapshot(snapshotId).getRepository().getId();
        List<ImportProblem> problems = new ArrayList<>();
        if (content.length > MAX_SHEET_BYTES) {
            problems.add(new ImportProblem(new Location(fileName, 0), "spreadsheet of " + content.length
                    + " bytes is larger than the limit of " + MAX_SHEET_BYTES + " bytes: not read"));
            return new ImportOutcome(0, problems);
        }
        Map<String, Long> existing = new HashMap<>();
        for (Object[] row : entityManager.createQuery("select r.itemType, r.name, r.id from Requirement r"
                + " where r.snapshotId is null and r.repositoryId = :repository", Object[].class)
                .setParameter("repository", repositoryId).getResultList()) {
            existing.put(row[0] + "~" + row[1], (Long) row[2]);
        }
        Map<String, Integer> seen = new HashMap<>();
        int[] imported = {0};
        try {
            long[] revision = {0};
            SpreadsheetImport.read(content, SHEET_BATCH, MAX_SHEET_ROWS, batch -> imported[0] += importRows(
                    repositoryId, fileName, batch, existing, seen, problems, user, revision));
        } catch (SpreadsheetImport.Stop e) {
            return refused(new ImportProblem(new Location(fileName, e.row), e.getMessage()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof org.springframework.dao.DataAccessException d) {
                throw d;
            }
            return refused(new ImportProblem(new Location(fileName, 0), "not a readable XLSX workbook: "
                    + e.getMessage()));
        }
        return new ImportOutcome(imported[0], problems);
    }

    /** Nothing of this import is kept: earlier batches are rolled back with the transaction. */
    private ImportOutcome refused(ImportProblem problem) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        entityManager.clear();
        return new ImportOutcome(0, List.of(problem));
    }

    /**
     * One batch: the existing requirements it changes loaded (read only) in one query, then the batch written with
     * JDBC batches, its audit rows with it, and the session cleared. Not through the session: Envers keeps every
     * change of a transaction in memory until the commit (its work units and, at the commit, one audit entity a
     * change), which made an import's memory grow with its rows (100,000 rows: about 264 MB of live heap at the
     * commit). The rows are audited as Envers does (ADD for a new requirement, MOD for a changed one), in the one
     * revision of this transaction that Envers creates, so the history reads them as before.
     */
    private int importRows(long repositoryId, String fileName, List<SpreadsheetImport.SheetRow> batch,
            Map<String, Long> existing, Map<String, Integer> seen, List<ImportProblem> problems, String user,
            long[] revision) {
        List<Long> ids = new ArrayList<>();
        for (SpreadsheetImport.SheetRow row : batch) {
            try {
                SpecificationItemId.tryParse(row.text().id()).map(id -> existing.get(id.type() + "~" + id.name()))
                        .ifPresent(ids::add);
            } catch (IllegalArgumentException e) {
                // reported below, where the row is read
            }
        }
        Map<Long, Requirement> loaded = new HashMap<>();
        if (!ids.isEmpty()) {
            entityManager.createQuery("select r from Requirement r where r.id in :ids", Requirement.class)
                    .setParameter("ids", ids).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList()
                    .forEach(r -> loaded.put(r.getId(), r));
        }
        List<Requirement> created = new ArrayList<>();
        List<Requirement> changed = new ArrayList<>();
        int unchanged = 0;
        for (SpreadsheetImport.SheetRow row : batch) {
            try {
                SpecificationItemId id = parseId(row.text().id());
                String key = id.type() + "~" + id.name();
                Integer earlier = seen.putIfAbsent(key, row.number());
                if (earlier != null) {
                    throw new IllegalArgumentException("duplicate of row " + earlier + ": skipped");
                }
                Requirement r = loaded.get(existing.get(key));
                if (r == null) {
                    r = new Requirement(repositoryId, null, RequirementOrigin.SPREADSHEET, 0, id.type(), id.name(),
                            id.revision(), fileName, row.number(), user);
                }
                List<Object> before = r.getId() == null ? null : content(r);
                apply(r, id, row.text());
                if (before != null && before.equals(content(r))) {
                    unchanged++; // as the session's dirty check did: no update, no audit row, no history entry
                } else {
                    (r.getId() == null ? created : changed).add(r);
                }
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(new Location(fileName, row.number()), e.getMessage()));
            }
        }
        if (!created.isEmpty() || !changed.isEmpty()) {
            if (revision[0] == 0) {
                // the revision Envers would create at the commit, with its user and time (it stays empty of
                // Envers's own work: nothing of this import goes through the session)
                revision[0] = AuditReaderFactory.get(entityManager).getCurrentRevision(AuditRevision.class, true)
                        .getId();
                entityManager.flush();
            }
            Long[] createdIds = insert(created);
            Long[] changedIds = update(changed);
            audit(revision[0], 0, createdIds); // RevisionType.ADD
            audit(revision[0], 1, changedIds); // RevisionType.MOD
        }
        entityManager.clear();
        return created.size() + changed.size() + unchanged;
    }

    /** What an import may change of a requirement: the columns {@link #update} writes, {@code updated_at} aside. */
    private static List<Object> content(Requirement r) {
        return java.util.Arrays.asList(r.getRevision(), r.getTitle(), r.getDescription(), r.getRationale(),
                r.getComment(), r.getStatus(), r.getCovers(), r.getDepends(), r.getNeeds(), r.getTags(), r.isForwards());
    }

    private static final String COLUMNS = "repository_id, snapshot_id, origin, position, item_type, name, revision,"
            + " title, description, rationale, comment, status, covers, depends, needs, tags, forwards, file_path,"
            + " line, created_by, created_at, updated_at";

    /**
     * The columns the spreadsheet import writes besides {@code id} (it bypasses the session and Envers to keep
     * memory bounded): a test holds them equal to the {@code requirement} table's, so a new column cannot be
     * left at its default by an import.
     */
    public static List<String> importedColumns() {
        return List.of(COLUMNS.split(",\\s*"));
    }

    /** New requirements, with ids from their sequence. */
    private Long[] insert(List<Requirement> created) {
        if (created.isEmpty()) {
            return new Long[0];
        }
        // a value v of the sequence stands for the ids (v - 50, v], as for the entity's generator (which takes
        // them so too), never below 1: one value more than needed covers a short first block
        Long[] ids = new Long[created.size()];
        int n = 0;
        for (long v : jdbc.queryForList("select nextval('requirement_id_seq') from generate_series(1, ?)",
                Long.class, created.size() / ID_BLOCK + 2)) {
            for (long id = Math.max(v - ID_BLOCK + 1, 1); id <= v && n < ids.length; id++) {
                ids[n++] = id;
            }
        }
        List<Object[]> rows = new ArrayList<>(created.size());
        for (int i = 0; i < created.size(); i++) {
            Requirement r = created.get(i);
            rows.add(new Object[] {ids[i], r.getRepositoryId(), null, r.getOrigin().name(), r.getPosition(),
                    r.getItemType(), r.getName(), r.getRevision(), r.getTitle(), r.getDescription(),
                    r.getRationale(), r.getComment(), r.getStatus(), r.getCovers(), r.getDepends(), r.getNeeds(),
                    r.getTags(), r.isForwards(), r.getFilePath(), r.getLine(), r.getCreatedBy(),
                    utc(r.getCreatedAt()), utc(r.getUpdatedAt())});
        }
        jdbc.batchUpdate("insert into requirement (id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return ids;
    }

    /** The content {@link #apply} sets, as the session's update of a changed requirement writes it. */
    private Long[] update(List<Requirement> changed) {
        List<Object[]> rows = new ArrayList<>(changed.size());
        for (Requirement r : changed) {
            rows.add(new Object[] {r.getRevision(), r.getTitle(), r.getDescription(), r.getRationale(),
                    r.getComment(), r.getStatus(), r.getCovers(), r.getDepends(), r.getNeeds(), r.getTags(),
                    r.isForwards(), utc(r.getUpdatedAt()), r.getId()});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("update requirement set revision = ?, title = ?, description = ?, rationale = ?,"
                    + " comment = ?, status = ?, covers = ?, depends = ?, needs = ?, tags = ?, forwards = ?,"
                    + " updated_at = ? where id = ?", rows);
        }
        return changed.stream().map(Requirement::getId).toArray(Long[]::new);
    }

    /** The audit rows of these requirements as they now are, as Envers writes them. */
    private void audit(long revision, int type, Long[] ids) {
        if (ids.length > 0) {
            jdbc.update("insert into requirement_aud (id, rev, revtype, " + COLUMNS + ") select id, ?, ?, " + COLUMNS
                    + " from requirement where id = any(?)", revision, type, ids);
        }
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    /** One change of a requirement: who, when, and per changed field the line diff. */
    public record Change(int revision, Instant when, String who, String kind, List<FieldChange> fields) {
    }

    public record FieldChange(String field, List<LineDiff.Line> lines) {
    }

    /** The requirement's history, newest first, each revision compared with the one before it. */
    @Transactional(readOnly = true)
    public List<Change> history(long requirementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = AuditReaderFactory.get(entityManager).createQuery()
                .forRevisionsOfEntity(Requirement.class, false, true).add(AuditEntity.id().eq(requirementId))
                .addOrder(AuditEntity.revisionNumber().asc()).getResultList();
        List<Change> out = new ArrayList<>();
        Map<String, String> before = Map.of();
        for (Object[] row : rows) {
            Requirement r = (Requirement) row[0];
            AuditRevision rev = (AuditRevision) row[1];
            RevisionType type = (RevisionType) row[2];
            Map<String, String> now = type == RevisionType.DEL || r == null ? Map.of() : fields(r);
            List<FieldChange> changes = new ArrayList<>();
            for (String field : List.of("id", "title", "description", "rationale", "comment", "status", "covers",
                    "depends", "needs")) {
                List<LineDiff.Line> d = LineDiff.of(before.getOrDefault(field, ""), now.getOrDefault(field, ""));
                if (LineDiff.changed(d)) {
                    changes.add(new FieldChange(field, d));
                }
            }
            out.add(new Change(rev.getId(), Instant.ofEpochMilli(rev.getTimestamp()), rev.getUsername(),
                    switch (type) {
                        case ADD -> "created";
                        case MOD -> "changed";
                        case DEL -> "deleted";
                    }, changes));
            before = now;
        }
        java.util.Collections.reverse(out);
        return out;
    }

    private static Map<String, String> fields(Requirement r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", r.getItemId());
        m.put("title", r.getTitle());
        m.put("description", r.getDescription());
        m.put("rationale", r.getRationale());
        m.put("comment", r.getComment());
        m.put("status", r.getStatus());
        m.put("covers", r.getCovers());
        m.put("depends", r.getDepends());
        m.put("needs", r.getNeeds());
        return m;
    }
}
