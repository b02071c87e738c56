package org.xenfusa.web.trace;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
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
import org.xenfusa.web.ingest.InvalidRepositoryException;

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

    private final RequirementRepository requirements;
    private final TraceService traces;
    private final SnapshotTrees trees;
    private final EntityManager entityManager;

    public RequirementService(RequirementRepository requirements, TraceService traces, SnapshotTrees trees,
            EntityManager entityManager) {
        this.requirements = requirements;
        this.traces = traces;
        this.trees = trees;
        this.entityManager = entityManager;
    }

    /** What an import read, and what it could not use (file and line, or file and row). */
    public record ImportOutcome(int imported, List<ImportProblem> problems) {
    }

    /** Text of an authored requirement as a form or a sheet row gives it; lists one entry a line or comma-separated. */
    public record RequirementText(String id, String title, String description, String rationale, String comment,
            String status, String covers, String depends, String needs) {
    }

    /** Replaces the snapshot's imported requirements by the OFT items of its Markdown and reStructuredText files. */
    @Transactional
    public ImportOutcome importSnapshot(long snapshotId, String user) throws InvalidRepositoryException {
        Snapshot s = traces.snapshot(snapshotId);
        SpecificationImport imported = trees.specifications(s);
        // one by one, not a bulk delete, so that Envers records every removal
        requirements.deleteAll(requirements.findBySnapshotIdOrderByPositionAscIdAsc(snapshotId));
        requirements.flush();
        int position = 0;
        for (SpecificationItem i : imported.items()) {
            Requirement r = new Requirement(snapshotId, RequirementOrigin.SPECIFICATION_FILE, position++,
                    i.id().type(), i.id().name(), i.id().revision(), i.location().path(), i.location().line(), user);
            r.setContent(i.id().revision(), i.title(), i.description(), i.rationale(), i.comment(),
                    i.status().toString(), join(i.covers()), join(i.depends()), String.join("\n", i.needs()),
                    String.join("\n", i.tags()), i.forwards());
            requirements.save(r);
        }
        return new ImportOutcome(imported.items().size(), imported.problems());
    }

    /** Creates an authored requirement (no snapshot: it joins every snapshot's trace). */
    @Transactional
    public Requirement create(RequirementText text, String user) {
        SpecificationItemId id = parseId(text.id());
        if (requirements.findBySnapshotIdIsNullAndItemTypeAndName(id.type(), id.name()).isPresent()) {
            throw new IllegalArgumentException("a requirement " + id.type() + "~" + id.name()
                    + " already exists: edit it (a new revision is a change of that requirement)");
        }
        Requirement r = new Requirement(null, RequirementOrigin.WEB, 0, id.type(), id.name(), id.revision(), "", 0, user);
        apply(r, id, text);
        return requirements.saveAndFlush(r);
    }

    /** Edits an authored requirement; type and name stay, the revision may change. */
    @Transactional
    public Requirement update(long requirementId, RequirementText text) {
        Requirement r = find(requirementId);
        if (!r.isAuthored()) {
            throw new IllegalArgumentException(r.getItemId() + " comes from " + r.getFilePath()
                    + ": change it there and import the snapshot again");
        }
        SpecificationItemId id = parseId(text.id());
        if (!id.type().equals(r.getItemType()) || !id.name().equals(r.getName())) {
            throw new IllegalArgumentException("type and name of a requirement do not change ("
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
                throw new IllegalArgumentException("needs: '" + n + "' is not an artifact type (letters only)");
            }
        }
        String status = t.status() == null || t.status().isBlank() ? "approved" : t.status().strip();
        try {
            status = ItemStatus.parse(status).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status must be approved, proposed, draft or rejected, not '" + status + "'");
        }
        if (t.title() == null || t.title().isBlank()) {
            throw new IllegalArgumentException("a requirement needs a title");
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
            return SpecificationItemId.tryParse(t).orElseThrow(() -> new IllegalArgumentException(field + ": '" + t
                    + "' is not a requirement id (expected <artifact-type>~<name>~<revision>, e.g. swunit~vtimer_read~1)"));
        } catch (SpecificationItemId.MalformedIdException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
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
     * query, and the session is flushed and cleared after it. One transaction: a workbook that cannot be read to
     * its end, or with more than {@value #MAX_SHEET_ROWS} requirement rows, imports nothing and changes nothing.
     */
    @Transactional
    public ImportOutcome importSpreadsheet(String fileName, byte[] content, String user) {
        List<ImportProblem> problems = new ArrayList<>();
        if (content.length > MAX_SHEET_BYTES) {
            problems.add(new ImportProblem(new Location(fileName, 0), "spreadsheet of " + content.length
                    + " bytes is larger than the limit of " + MAX_SHEET_BYTES + " bytes: not read"));
            return new ImportOutcome(0, problems);
        }
        Map<String, Long> existing = new HashMap<>();
        for (Object[] row : entityManager.createQuery("select r.itemType, r.name, r.id from Requirement r"
                + " where r.snapshotId is null", Object[].class).getResultList()) {
            existing.put(row[0] + "~" + row[1], (Long) row[2]);
        }
        Map<String, Integer> seen = new HashMap<>();
        int[] imported = {0};
        try {
            SpreadsheetImport.read(content, SHEET_BATCH, MAX_SHEET_ROWS, batch -> imported[0] += importRows(
                    fileName, batch, existing, seen, problems, user));
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

    /** One batch: the existing requirements it changes loaded in one query, then flushed and cleared. */
    private int importRows(String fileName, List<SpreadsheetImport.SheetRow> batch, Map<String, Long> existing,
            Map<String, Integer> seen, List<ImportProblem> problems, String user) {
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
            requirements.findAllById(ids).forEach(r -> loaded.put(r.getId(), r));
        }
        int imported = 0;
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
                    r = new Requirement(null, RequirementOrigin.SPREADSHEET, 0, id.type(), id.name(), id.revision(),
                            fileName, row.number(), user);
                }
                apply(r, id, row.text());
                if (r.getId() == null) {
                    requirements.save(r); // through the repository: a database error is a DataAccessException
                }
                imported++;
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(new Location(fileName, row.number()), e.getMessage()));
            }
        }
        requirements.flush();
        entityManager.clear();
        return imported;
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
