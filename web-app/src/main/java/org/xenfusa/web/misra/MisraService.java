package org.xenfusa.web.misra;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.misra.FindingsImport;
import org.xenfusa.misra.FindingsImporter;
import org.xenfusa.misra.MisraAnalysis;
import org.xenfusa.misra.MisraRecords;
import org.xenfusa.misra.MisraRecordsReader;
import org.xenfusa.misra.MisraReport;
import org.xenfusa.misra.MisraScope;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.trace.TraceService;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A snapshot's MISRA C evidence in one configuration: Xen's records at the snapshot's commit, the configuration's
 * compiled files and headers (the same {@link ConfigurationReport} the SLOC and trace pages use) and the findings
 * uploaded for that snapshot and configuration, given to {@link MisraAnalysis}: every page and document renders the
 * {@link MisraReport} it returns. Reports are kept for the same inputs (the stored files' ids are part of the key).
 */
@Service
public class MisraService {
    private static final int REPORTS = 16;

    private final TraceService traces;
    private final ConfigurationReports reports;
    private final JdbcTemplate jdbc;
    private final Cache<String, MisraReport> cache = Caffeine.newBuilder().maximumSize(REPORTS).build();

    public MisraService(TraceService traces, ConfigurationReports reports, JdbcTemplate jdbc) {
        this.traces = traces;
        this.reports = reports;
        this.jdbc = jdbc;
    }

    /** A stored findings file, without its bytes. */
    public record StoredFindings(long id, String fileName, String format, String sha256, int findings,
            String importedBy, OffsetDateTime importedAt) {
    }

    /** What an upload did: the stored file, or nothing stored and why; and the findings it could not place. */
    public record Outcome(Optional<StoredFindings> stored, List<String> problems) {
    }

    public List<StoredFindings> stored(long snapshotId, long configurationId) {
        return jdbc.query("select id, file_name, format, sha256, findings, imported_by, imported_at from"
                + " misra_findings_file where snapshot_id = ? and configuration_id = ? order by id",
                (rs, i) -> new StoredFindings(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)),
                snapshotId, configurationId);
    }

    /** What changes when findings are imported: readiness results computed before are not current after. */
    public String stamp() {
        return jdbc.queryForObject("select count(*) || ':' || coalesce(max(id), 0) from misra_findings_file",
                String.class);
    }

    /** The stored bytes of one findings file (for the evidence package). */
    public byte[] content(long fileId) {
        return jdbc.queryForObject("select content from misra_findings_file where id = ?", byte[].class, fileId);
    }

    /**
     * Reads {@code content} against the snapshot's files; stores it when it is a findings file as a whole (its
     * findings that cannot be placed are named in the outcome and in the report), else stores nothing.
     */
    @Transactional
    public Outcome importFindings(long snapshotId, long configurationId, String fileName, byte[] content, String user)
            throws InvalidInputException {
        Snapshot s = traces.snapshot(snapshotId);
        SavedConfiguration saved = traces.configuration(configurationId);
        check(s, saved);
        FindingsImport imported = new FindingsImporter(paths(saved, s.getCommitSha())).read(fileName, content);
        List<String> problems = imported.problems().stream().map(Object::toString).toList();
        if (imported.sources().isEmpty()) {
            return new Outcome(Optional.empty(), problems);
        }
        FindingsImport.Source source = imported.sources().get(0);
        long id = jdbc.queryForObject("insert into misra_findings_file (snapshot_id, configuration_id, file_name,"
                + " format, sha256, findings, content, imported_by, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, now())"
                + " returning id", Long.class, snapshotId, configurationId, fileName, source.format(), source.sha256(),
                source.findings(), content, user);
        return new Outcome(stored(snapshotId, configurationId).stream().filter(f -> f.id() == id).findFirst(),
                problems);
    }

    /** The one MISRA report of the snapshot in the configuration. */
    public MisraReport report(long snapshotId, long configurationId) throws InvalidInputException {
        return report(snapshotId, configurationId, Optional.empty());
    }

    /**
     * The MISRA report of the snapshot in the configuration with its new and fixed violations against the report of
     * {@code baseSnapshotId} (an earlier release of the same repository, in the same configuration, with its own
     * findings).
     */
    public MisraReport report(long snapshotId, long configurationId, Optional<Long> baseSnapshotId)
            throws InvalidInputException {
        Optional<MisraReport> base = Optional.empty();
        if (baseSnapshotId.isPresent()) {
            if (baseSnapshotId.get() == snapshotId) {
                throw new InvalidInputException("compare with another snapshot than itself");
            }
            base = Optional.of(report(baseSnapshotId.get(), configurationId, Optional.empty()));
        }
        Snapshot s = traces.snapshot(snapshotId);
        SavedConfiguration saved = traces.configuration(configurationId);
        check(s, saved);
        List<StoredFindings> files = stored(snapshotId, configurationId);
        String key = snapshotId + "|" + configurationId + "|" + saved.getUpdatedAt() + "|"
                + files.stream().map(f -> Long.toString(f.id())).toList() + "|"
                + base.map(b -> b.commit() + b.findings().size() + "/" + b.sources()).orElse("");
        MisraReport hit = cache.getIfPresent(key);
        if (hit != null) {
            return hit;
        }
        String commit = s.getCommitSha();
        ConfigurationReport configuration = reports.report(saved, commit, List.of());
        Inputs inputs = inputs(saved, commit);
        java.util.Map<String, byte[]> named = new java.util.LinkedHashMap<>();
        // two uploads of the same name are told apart by their id
        files.forEach(f -> named.put(named.containsKey(f.fileName()) ? f.id() + "-" + f.fileName() : f.fileName(),
                content(f.id())));
        FindingsImport findings = new FindingsImporter(inputs.paths()).readAll(named);
        MisraReport report = MisraAnalysis.analyse(commit, inputs.records(), findings,
                MisraScope.of(saved.getName(), configuration), MisraAnalysis.Limits.STRICT, base);
        cache.put(key, report);
        return report;
    }

    private record Inputs(MisraRecords records, Set<String> paths) {
    }

    private Inputs inputs(SavedConfiguration saved, String commit) throws InvalidInputException {
        return reports.withCounter(reports.source(saved), commit,
                c -> new Inputs(MisraRecordsReader.read(c.tree()), MisraAnalysis.paths(c.tree())));
    }

    private Set<String> paths(SavedConfiguration saved, String commit) throws InvalidInputException {
        return reports.withCounter(reports.source(saved), commit, c -> MisraAnalysis.paths(c.tree()));
    }

    private static void check(Snapshot s, SavedConfiguration saved) throws InvalidInputException {
        if (!saved.getRepositoryId().equals(s.getRepository().getId())) {
            throw new InvalidInputException("configuration '" + saved.getName() + "' reads another repository than"
                    + " snapshot " + s.getId());
        }
    }
}
