package org.xenfusa.web.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.coverage.CoverageAnalysis;
import org.xenfusa.coverage.CoverageImport;
import org.xenfusa.coverage.CoverageImporter;
import org.xenfusa.coverage.CoverageReport;
import org.xenfusa.coverage.Criterion;
import org.xenfusa.coverage.DataSource;
import org.xenfusa.coverage.PathMap;
import org.xenfusa.coverage.SnapshotFiles;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.trace.report.ConfigurationTrace;
import org.xenfusa.web.effort.EffortModels;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.trace.SnapshotTrace;
import org.xenfusa.web.trace.TraceService;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A snapshot's structural coverage in one configuration: the data files uploaded for them, read again from their
 * stored bytes (streamed) against the snapshot's tree, and given with the snapshot's linked specification and the
 * configuration's trace (the same {@link TraceService} computations the trace pages use) to {@link CoverageAnalysis}:
 * every page and document renders the {@link CoverageReport} it returns. Reports are kept for the same inputs.
 */
@Service
public class CoverageService {
    private static final int REPORTS = 16;

    private final TraceService traces;
    private final EffortModels effort;
    private final JdbcTemplate jdbc;
    private final Cache<String, CoverageReport> cache = Caffeine.newBuilder().maximumSize(REPORTS).build();

    public CoverageService(TraceService traces, EffortModels effort, JdbcTemplate jdbc) {
        this.traces = traces;
        this.effort = effort;
        this.jdbc = jdbc;
    }

    /** A stored data file, without its bytes. */
    public record StoredData(long id, String test, String fileName, String format, String tool, String toolVersion,
            String sha256, long bytes, int files, String pathMap, String importedBy, OffsetDateTime importedAt) {
    }

    /** The level a configuration targets: set by whom and when, or the default (DAL A) when never set. */
    public record TargetLevel(DesignAssuranceLevel level, String givenAs, Optional<String> setBy,
            Optional<OffsetDateTime> setAt) {
        public boolean isDefault() {
            return setBy.isEmpty();
        }
    }

    /**
     * What an upload did: the stored files and how many files of the snapshot their data covers, or none stored and why (when any file of the upload is refused, none of
     * it is stored); the files of the data the snapshot does not have (listed, not counted) and the build paths no
     * path map placed.
     */
    public record Outcome(List<StoredData> stored, int files, List<String> problems, List<String> notInSnapshot,
            List<String> unmapped) {
        public boolean refused() {
            return stored.isEmpty();
        }
    }

    /** One uploaded file: its name and how to open its bytes (opened twice: to read, then to store). */
    public record Upload(String fileName, ContentSource content) {
    }

    public List<StoredData> stored(long snapshotId, long configurationId) {
        return jdbc.query("select id, test_name, file_name, format, tool, tool_version, sha256, bytes, files, path_map,"
                + " imported_by, imported_at from coverage_data_file where snapshot_id = ? and configuration_id = ?"
                + " order by id", (rs, i) -> new StoredData(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
                        rs.getInt(9), rs.getString(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class)),
                snapshotId, configurationId);
    }

    /**
     * What changes when coverage data is imported or a level is set: readiness results computed before are not
     * current after.
     */
    public String stamp() {
        return jdbc.queryForObject("select (select count(*) || ':' || coalesce(max(id), 0) from coverage_data_file)"
                + " || '/' || (select count(*) || ':' || coalesce(max(id), 0) from coverage_target_level)",
                String.class);
    }

    /** The stored bytes of one data file, as uploaded (for the evidence package). */
    public byte[] content(long fileId) {
        return jdbc.queryForObject("select content from coverage_data_file where id = ?", byte[].class, fileId);
    }

    /** The level the configuration targets: the newest one set, else DAL A. */
    public TargetLevel level(long configurationId) {
        List<TargetLevel> set = jdbc.query("select level, given_as, set_by, set_at from coverage_target_level where"
                + " configuration_id = ? order by id desc limit 1", (rs, i) -> new TargetLevel(
                        DesignAssuranceLevel.valueOf(rs.getString(1)), rs.getString(2),
                        Optional.of(rs.getString(3)), Optional.of(rs.getObject(4, OffsetDateTime.class))),
                configurationId);
        return set.isEmpty() ? new TargetLevel(DesignAssuranceLevel.DAL_A, "DAL_A", Optional.empty(), Optional.empty())
                : set.get(0);
    }

    /** Every level set for the configuration, newest first: who set which level when. */
    public List<TargetLevel> levelHistory(long configurationId) {
        return jdbc.query("select level, given_as, set_by, set_at from coverage_target_level where configuration_id = ?"
                + " order by id desc", (rs, i) -> new TargetLevel(DesignAssuranceLevel.valueOf(rs.getString(1)),
                        rs.getString(2), Optional.of(rs.getString(3)), Optional.of(rs.getObject(4,
                                OffsetDateTime.class))), configurationId);
    }

    /** Sets the level by its name (DAL_A..DAL_E, or an ASIL through the effort model's crosswalk). */
    @Transactional
    public TargetLevel setLevel(long configurationId, String name, String user) throws InvalidInputException {
        traces.configuration(configurationId);
        DesignAssuranceLevel level;
        try {
            level = Criterion.level(name, effort.current());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        jdbc.update("insert into coverage_target_level (configuration_id, level, given_as, set_by, set_at) values"
                + " (?, ?, ?, ?, now())", configurationId, level.name(), name.strip(), user);
        return level(configurationId);
    }

    /**
     * Reads the uploaded files against the snapshot's files with the path map ({@code FROM=TO} a line), all of them
     * as data of the test run {@code test}; stores every one when each is coverage data as a whole, else stores
     * nothing and says which file was refused and why.
     */
    @Transactional
    public Outcome importData(long snapshotId, long configurationId, List<Upload> uploads, String test, String pathMap,
            String user) throws InvalidInputException, IOException {
        Snapshot s = traces.snapshot(snapshotId);
        SavedConfiguration saved = traces.configuration(configurationId);
        check(s, saved);
        if (test == null || test.isBlank()) {
            throw new InvalidInputException("name the test run the data came from (a test's name, file or folder)");
        }
        if (test.length() > 500) {
            throw new InvalidInputException("the test run's name is longer than 500 characters");
        }
        if (uploads.isEmpty()) {
            throw new InvalidInputException("choose one or more coverage data files");
        }
        PathMap map = pathMap(pathMap);
        SnapshotTrace trace = traces.trace(snapshotId);
        List<CoverageImport> imported;
        try {
            imported = traces.withOpenTree(trace, linked -> {
                CoverageImporter importer = new CoverageImporter(SnapshotFiles.of(linked.index().tree()), map);
                List<CoverageImport> out = new ArrayList<>();
                for (Upload u : uploads) {
                    try (InputStream in = u.content().open()) {
                        out.add(importer.read(u.fileName(), in));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return out;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        java.util.Set<String> notInSnapshot = new java.util.TreeSet<>();
        java.util.Set<String> unmapped = new java.util.TreeSet<>();
        List<String> problems = new ArrayList<>();
        boolean refused = false;
        for (CoverageImport i : imported) {
            i.problems().forEach(p -> problems.add(p.toString()));
            notInSnapshot.addAll(i.notInSnapshot());
            unmapped.addAll(i.unmapped());
            refused |= i.isRefused();
        }
        if (refused) {
            return new Outcome(List.of(), 0, problems, List.copyOf(notInSnapshot), List.copyOf(unmapped));
        }
        java.util.Set<String> covered = new java.util.HashSet<>();
        imported.forEach(i -> covered.addAll(i.data().files().keySet()));
        List<Long> ids = new ArrayList<>();
        for (int k = 0; k < uploads.size(); k++) {
            DataSource src = imported.get(k).source().orElseThrow();
            try (InputStream in = uploads.get(k).content().open()) {
                ids.add(insert(snapshotId, configurationId, test.strip(), uploads.get(k).fileName(), src,
                        pathMapText(map), in, user));
            }
        }
        List<StoredData> stored = stored(snapshotId, configurationId).stream().filter(f -> ids.contains(f.id()))
                .toList();
        return new Outcome(stored, covered.size(), problems, List.copyOf(notInSnapshot), List.copyOf(unmapped));
    }

    private long insert(long snapshotId, long configurationId, String test, String fileName, DataSource src,
            String pathMap, InputStream in, String user) {
        return jdbc.execute((java.sql.Connection c) -> {
            try (var ps = c.prepareStatement("insert into coverage_data_file (snapshot_id, configuration_id,"
                    + " test_name, file_name, format, tool, tool_version, sha256, bytes, files, path_map, content,"
                    + " imported_by, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                    + " returning id")) {
                ps.setLong(1, snapshotId);
                ps.setLong(2, configurationId);
                ps.setString(3, test);
                ps.setString(4, fileName);
                ps.setString(5, src.format());
                ps.setString(6, src.tool());
                ps.setString(7, src.toolVersion());
                ps.setString(8, src.sha256());
                ps.setLong(9, src.bytes());
                ps.setInt(10, src.files());
                ps.setString(11, pathMap);
                ps.setBinaryStream(12, in, src.bytes());
                ps.setString(13, user);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Opens the uploaded bytes; may be called twice. */
    @FunctionalInterface
    public interface ContentSource {
        InputStream open() throws IOException;
    }

    /** The coverage report of the snapshot in the configuration, at the configuration's target level. */
    public CoverageReport report(long snapshotId, long configurationId) throws InvalidInputException {
        Snapshot s = traces.snapshot(snapshotId);
        SavedConfiguration saved = traces.configuration(configurationId);
        check(s, saved);
        List<StoredData> files = stored(snapshotId, configurationId);
        TargetLevel level = level(configurationId);
        SnapshotTrace trace = traces.trace(snapshotId);
        ConfigurationTrace configuration = traces.configurationTrace(trace, saved);
        String key = trace.key() + "|" + configurationId + "|" + saved.getUpdatedAt() + "|" + level.level() + "|"
                + files.stream().map(f -> Long.toString(f.id())).toList();
        CoverageReport hit = cache.getIfPresent(key);
        if (hit != null) {
            return hit;
        }
        CoverageReport report = traces.withOpenTree(trace, linked -> {
            SnapshotFiles tree = SnapshotFiles.of(linked.index().tree());
            List<Map.Entry<String, CoverageImport>> imports = new ArrayList<>();
            for (StoredData f : files) {
                PathMap map = PathMap.parse(Arrays.stream(f.pathMap().split("\n")).filter(l -> !l.isBlank()).toList());
                // two uploads of the same name are told apart by their id
                String name = files.stream().filter(o -> o.fileName().equals(f.fileName())).count() > 1
                        ? f.id() + "-" + f.fileName() : f.fileName();
                CoverageImport i = jdbc.query("select content from coverage_data_file where id = ?", rs -> {
                    rs.next();
                    try (InputStream in = rs.getBinaryStream(1)) {
                        return new CoverageImporter(tree, map).read(name, in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, f.id());
                imports.add(new AbstractMap.SimpleEntry<>(f.test(), i));
            }
            return CoverageAnalysis.analyse(trace.snapshot().commit(), linked, configuration,
                    CoverageAnalysis.Imported.of(imports), level.level());
        });
        cache.put(key, report);
        return report;
    }

    static PathMap pathMap(String text) throws InvalidInputException {
        List<String> lines = text == null ? List.of()
                : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        try {
            return PathMap.parse(lines);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private static String pathMapText(PathMap map) {
        return String.join("\n", map.entries().stream().map(PathMap.Entry::toString).toList());
    }

    private static void check(Snapshot s, SavedConfiguration saved) throws InvalidInputException {
        if (!saved.getRepositoryId().equals(s.getRepository().getId())) {
            throw new InvalidInputException("configuration '" + saved.getName() + "' reads another repository than"
                    + " snapshot " + s.getId());
        }
    }
}
