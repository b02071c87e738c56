package org.xenfusa.web.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code analysis_result} table. Queueing is one {@code insert ... on conflict} on the result's key (snapshot,
 * configuration, kind, engine version), so that any number of app instances asking for the same result store it once.
 */
@Repository
public class AnalysisResultStore {
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public AnalysisResultStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** One stored row; {@code result} is the JSON text, {@code null} until done. */
    public record Row(long id, long snapshotId, long configurationId, AnalysisKind kind, String engineVersion,
            String inputKey, AnalysisState state, String step, String failure, Instant queuedAt, Instant startedAt,
            Instant computedAt, String result) {
    }

    private static final String COLUMNS = "id, snapshot_id, configuration_id, kind, engine_version, input_key, state,"
            + " step, failure, queued_at, started_at, computed_at, result::text as result";

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("snapshot_id"), rs.getLong("configuration_id"),
                AnalysisKind.valueOf(rs.getString("kind")), rs.getString("engine_version"), rs.getString("input_key"),
                AnalysisState.valueOf(rs.getString("state")), rs.getString("step"), rs.getString("failure"),
                instant(rs.getTimestamp("queued_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("computed_at")), rs.getString("result"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A result to queue: where, what, from which inputs, and its place in the workers' order. */
    public record Wanted(long snapshotId, long configurationId, AnalysisKind kind, String inputKey, int priority) {
    }

    /** A row this call put in the queue, with the priority its job is scheduled with. */
    public record Queued(long id, int priority) {
    }

    /**
     * Queues one result; see {@link #queueAll}.
     *
     * @return the row's id when this call queued it (the caller schedules its job), else empty
     */
    public Optional<Long> queue(long snapshotId, long configurationId, AnalysisKind kind, String engineVersion,
            String inputKey, boolean retryFailed, int priority) {
        return queueAll(List.of(new Wanted(snapshotId, configurationId, kind, inputKey, priority)), engineVersion,
                retryFailed).stream().map(Queued::id).findFirst();
    }

    /**
     * Queues each result unless it is stored for these inputs or already queued or running: a new row, or a stored
     * one whose inputs changed (or, with {@code retryFailed}, that failed) put back in the queue. One statement for
     * all of them (a new engine version queues every release of every tracked configuration at once).
     *
     * @return the rows this call queued (the caller schedules their jobs)
     */
    public List<Queued> queueAll(List<Wanted> wanted, String engineVersion, boolean retryFailed) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        String sql = """
                insert into analysis_result (snapshot_id, configuration_id, kind, engine_version, input_key, state,
                                             queued_at, priority)
                select w.snapshot_id, w.configuration_id, w.kind, ?, w.input_key, 'QUEUED', now(), w.priority
                from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::int[])
                     as w (snapshot_id, configuration_id, kind, input_key, priority)
                on conflict on constraint analysis_result_key do update
                    set input_key = excluded.input_key, state = 'QUEUED', step = null, failure = null,
                        queued_at = now(), started_at = null, computed_at = null, result = null,
                        priority = excluded.priority
                    where analysis_result.state not in ('QUEUED', 'RUNNING')
                      and (analysis_result.input_key <> excluded.input_key
                           or (? and analysis_result.state = 'FAILED'))
                returning id, priority
                """;
        return jdbc.query(con -> {
            java.sql.PreparedStatement ps = con.prepareStatement(sql);
            ps.setString(1, engineVersion);
            ps.setArray(2, con.createArrayOf("bigint", wanted.stream().map(Wanted::snapshotId).toArray()));
            ps.setArray(3, con.createArrayOf("bigint", wanted.stream().map(Wanted::configurationId).toArray()));
            ps.setArray(4, con.createArrayOf("text", wanted.stream().map(w -> w.kind().name()).toArray()));
            ps.setArray(5, con.createArrayOf("text", wanted.stream().map(Wanted::inputKey).toArray()));
            ps.setArray(6, con.createArrayOf("integer", wanted.stream().map(Wanted::priority).toArray()));
            ps.setBoolean(7, retryFailed);
            return ps;
        }, (rs, n) -> new Queued(rs.getLong("id"), rs.getInt("priority")));
    }

    public Optional<Row> find(long id) {
        return jdbc.query("select " + COLUMNS + " from analysis_result where id = ?", AnalysisResultStore::row, id)
                .stream().findFirst();
    }

    /** The rows of one snapshot for these configurations under one engine version. */
    public List<Row> forSnapshot(long snapshotId, Collection<Long> configurationIds, String engineVersion) {
        if (configurationIds.isEmpty()) {
            return List.of();
        }
        return named.query("select " + COLUMNS + " from analysis_result where snapshot_id = :s"
                + " and configuration_id in (:c) and engine_version = :e", new MapSqlParameterSource()
                        .addValue("s", snapshotId).addValue("c", configurationIds).addValue("e", engineVersion),
                AnalysisResultStore::row);
    }

    /**
     * Every row of a repository's snapshots for these configurations and kinds under one engine version, in any
     * state, without their figures ({@code result} is null: read those with {@link #results}); for the pages that
     * show a result per release.
     */
    public List<Row> forRepository(long repositoryId, Collection<Long> configurationIds,
            Collection<AnalysisKind> kinds, String engineVersion) {
        if (configurationIds.isEmpty() || kinds.isEmpty()) {
            return List.of();
        }
        return named.query("select " + COLUMNS.replace("id, snapshot_id", "r.id, snapshot_id")
                        .replace("result::text as result", "null as result")
                + " from analysis_result r join snapshot s on s.id = r.snapshot_id"
                + " where s.repository_id = :r and configuration_id in (:c) and kind in (:k) and engine_version = :e",
                new MapSqlParameterSource().addValue("r", repositoryId).addValue("c", configurationIds)
                        .addValue("k", kinds.stream().map(AnalysisKind::name).toList())
                        .addValue("e", engineVersion), AnalysisResultStore::row);
    }

    /** The figures (JSON text) of these rows, by id. */
    public java.util.Map<Long, String> results(Collection<Long> ids) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            named.query("select id, result::text as result from analysis_result where id in (:ids)",
                    new MapSqlParameterSource("ids", ids), rs -> {
                        out.put(rs.getLong("id"), rs.getString("result"));
                    });
        }
        return out;
    }

    /**
     * The running and queued results of a repository (one engine version), the running ones first, then the queue in
     * the order the workers take it (priority, then time queued), at most {@code limit}.
     */
    public List<Row> activeForRepository(long repositoryId, String engineVersion, int limit) {
        return jdbc.query("select " + COLUMNS.replace("id, snapshot_id", "r.id, snapshot_id")
                + " from analysis_result r join snapshot s on s.id = r.snapshot_id"
                + " where s.repository_id = ? and engine_version = ? and state in ('QUEUED', 'RUNNING')"
                + " order by state desc, priority desc, queued_at, r.id limit ?", AnalysisResultStore::row,
                repositoryId, engineVersion, limit);
    }

    /**
     * The place in line (1 = next) of these queued results among all queued results of their repository (one engine
     * version), in the order the workers take them; rows not queued are absent. One query, whatever the queue's
     * length: the database numbers the queue and returns only the rows asked for.
     */
    public java.util.Map<Long, Integer> queuePositions(long repositoryId, String engineVersion, Collection<Long> ids) {
        java.util.Map<Long, Integer> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        named.query("""
                select id, place from (
                    select r.id, row_number() over (order by priority desc, queued_at, r.id) as place
                    from analysis_result r join snapshot s on s.id = r.snapshot_id
                    where s.repository_id = :r and engine_version = :e and state = 'QUEUED') q
                where id in (:ids)
                """, new MapSqlParameterSource().addValue("r", repositoryId).addValue("e", engineVersion)
                .addValue("ids", ids), rs -> {
                    out.put(rs.getLong("id"), rs.getInt("place"));
                });
        return out;
    }

    /** The results of a repository that ended most recently (done or failed), newest first. */
    public List<Row> recentForRepository(long repositoryId, String engineVersion, int limit) {
        return jdbc.query("select " + COLUMNS.replace("id, snapshot_id", "r.id, snapshot_id")
                + " from analysis_result r join snapshot s on s.id = r.snapshot_id"
                + " where s.repository_id = ? and engine_version = ? and state in ('DONE', 'FAILED')"
                + " order by computed_at desc nulls last, r.id desc limit ?", AnalysisResultStore::row, repositoryId,
                engineVersion, limit);
    }

    /**
     * Takes the first queued row in the queue's order (priority, then time queued) and marks it running for
     * {@code worker}; empty when none is queued. Two workers never take the same row (skip locked). Any engine
     * version's row: a worker computes whatever row it takes (one engine version per database, docs/DESIGN.md).
     */
    public Optional<Row> claimNext(String worker) {
        return jdbc.query("update analysis_result set state = 'RUNNING', started_at = now(), step = 'starting',"
                + " worker = ? where id = (select id from analysis_result where state = 'QUEUED'"
                + " order by priority desc, queued_at, id limit 1 for update skip locked) returning " + COLUMNS,
                AnalysisResultStore::row, worker).stream().findFirst();
    }

    /** Fails the row a worker was computing when it died; how many rows. */
    public int failWorker(String worker, String reason) {
        return jdbc.update("update analysis_result set state = 'FAILED', step = null, failure = ?, computed_at = now(),"
                + " result = null where worker = ? and state = 'RUNNING'", reason, worker);
    }

    /** Queued rows beyond the analysis jobs waiting to take them (zero or less: enough). */
    public long queuedWithoutJobs() {
        Long n = jdbc.queryForObject("select (select count(*) from analysis_result where state = 'QUEUED')"
                + " - (select count(*) from scheduled_tasks where task_name = ? and not picked)", Long.class,
                AnalysisJobs.TASK.getTaskName());
        return n == null ? 0 : n;
    }

    public void step(long id, String step) {
        jdbc.update("update analysis_result set step = ? where id = ? and state = 'RUNNING'", step, id);
    }

    /** Stores the result of a running row computed from {@code inputKey}. */
    public void done(long id, String inputKey, String json) {
        jdbc.update("update analysis_result set state = 'DONE', step = null, failure = null, computed_at = now(),"
                + " input_key = ?, result = cast(? as jsonb) where id = ? and state = 'RUNNING'", inputKey, json, id);
    }

    public void fail(long id, String reason) {
        jdbc.update("update analysis_result set state = 'FAILED', step = null, failure = ?, computed_at = now(),"
                + " result = null where id = ? and state in ('QUEUED', 'RUNNING')", reason, id);
    }
}
