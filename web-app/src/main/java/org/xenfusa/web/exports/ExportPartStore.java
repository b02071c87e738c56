package org.xenfusa.web.exports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parts of exports ({@code export_part}, V25): one per configuration and board of an export that runs as a job, run
 * by any instance's workers. As {@link org.xenfusa.web.ingest.IngestTaskStore}: every write is one statement guarded by
 * the part's state, so that two workers (a slow one and the one that took its part over) cannot both end a part.
 */
@Repository
public class ExportPartStore {
    private static final String OPEN = "('QUEUED', 'RUNNING')";

    private final JdbcTemplate jdbc;

    public ExportPartStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A part as stored, without its result. */
    public record Part(long id, long exportId, int ordinal, String key, String title, String state, String instanceId,
            int takeovers, String message, Instant startedAt, Instant finishedAt, long resultBytes) {
        public boolean isOpen() {
            return state.equals("QUEUED") || state.equals("RUNNING");
        }

        /** How the page and messages name it: {@code configuration 12 (x86_64-defconfig)}. */
        public String label() {
            return key + " (" + title + ")";
        }

        /** How long it ran, in milliseconds; -1 when it has not ended. */
        public long millis() {
            return startedAt == null || finishedAt == null ? -1 : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
        }
    }

    private static final String COLUMNS = "id, export_id, ordinal, part_key, title, state, instance_id, takeovers,"
            + " message, started_at, finished_at, coalesce(result_bytes, 0) as result_bytes";

    private static Part part(ResultSet rs, int row) throws SQLException {
        return new Part(rs.getLong("id"), rs.getLong("export_id"), rs.getInt("ordinal"), rs.getString("part_key"),
                rs.getString("title"), rs.getString("state"), rs.getString("instance_id"), rs.getInt("takeovers"),
                rs.getString("message"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getLong("result_bytes"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Whether the export was planned (its parts exist). */
    public boolean planned(long exportId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from export_part where export_id = ?)",
                Boolean.class, exportId));
    }

    /**
     * Records one part per key (with its title), in one transaction: an export is planned whole or not at all (planned
     * again after a takeover, a part already recorded is kept).
     */
    @Transactional
    public void plan(long exportId, List<String> keys, Map<String, String> titles) {
        jdbc.batchUpdate("""
                insert into export_part (export_id, ordinal, part_key, title, state) values (?, ?, ?, ?, 'QUEUED')
                on conflict (export_id, part_key) do nothing""", IntStream.range(0, keys.size()).boxed().toList(), 500,
                (ps, i) -> {
                    ps.setLong(1, exportId);
                    ps.setInt(2, i);
                    ps.setString(3, keys.get(i));
                    ps.setString(4, titles.getOrDefault(keys.get(i), keys.get(i)));
                });
    }

    /** The ids of the export's parts not ended yet, in order. */
    public List<Long> open(long exportId) {
        return jdbc.queryForList("select id from export_part where export_id = ? and state in " + OPEN
                + " order by ordinal", Long.class, exportId);
    }

    public Optional<Part> find(long partId) {
        return jdbc.query("select " + COLUMNS + " from export_part where id = ?", ExportPartStore::part, partId)
                .stream().findFirst();
    }

    public List<Part> ofExport(long exportId) {
        return jdbc.query("select " + COLUMNS + " from export_part where export_id = ? order by ordinal",
                ExportPartStore::part, exportId);
    }

    /** The stored result of a part that succeeded, by key. */
    public Optional<byte[]> result(long exportId, String key) {
        return jdbc.query("select result from export_part where export_id = ? and part_key = ? and state = 'SUCCEEDED'",
                (rs, n) -> rs.getBytes(1), exportId, key).stream().findFirst();
    }

    /** Marks an open part RUNNING on {@code instance}; false when it has ended meanwhile. */
    public boolean start(long partId, String instance) {
        return jdbc.update("update export_part set state = 'RUNNING', instance_id = ?, message = null,"
                + " started_at = now(), finished_at = null where id = ? and state in " + OPEN, instance, partId) == 1;
    }

    /** Ends an open part with its result; false when it had ended already. */
    public boolean succeed(long partId, byte[] result) {
        return jdbc.update("update export_part set state = 'SUCCEEDED', result = ?, result_bytes = ?,"
                + " finished_at = now() where id = ? and state in " + OPEN, result, result.length, partId) == 1;
    }

    /** Ends an open part FAILED, CANCELLED, ... with why; false when it had ended already. */
    public boolean end(long partId, String state, String message) {
        return jdbc.update("update export_part set state = ?, message = ?, finished_at = now() where id = ? and state"
                + " in " + OPEN, state, message, partId) == 1;
    }

    /** Puts a running part back in the queue (its instance is stopping). */
    public boolean handBack(long partId, String message) {
        return jdbc.update("update export_part set state = 'QUEUED', message = ? where id = ? and state in " + OPEN,
                message, partId) == 1;
    }

    /** Hands an open part whose worker died back to the queue, at most {@code max} times: true when taken over. */
    public boolean takeOver(long partId, int max, String message) {
        return jdbc.update("update export_part set state = 'QUEUED', takeovers = takeovers + 1, message = ?"
                + " where id = ? and state in " + OPEN + " and takeovers < ?", message, partId, max) == 1;
    }

    /** Cancels the export's parts no worker has started (it failed); the running ones end as they will. */
    public int cancelQueued(long exportId, String message) {
        return jdbc.update("update export_part set state = 'CANCELLED', message = ?, finished_at = now()"
                + " where export_id = ? and state = 'QUEUED'", message, exportId);
    }

    /** Ends every open part of an export that ended without them. */
    public void closeOpen(long exportId, String message) {
        jdbc.update("update export_part set state = 'CANCELLED', message = ?, finished_at = now()"
                + " where export_id = ? and state in " + OPEN, message, exportId);
    }

    /** Locks the export's row until the transaction ends; its state then, or empty when it is gone. */
    public Optional<String> lockExport(long exportId) {
        return jdbc.queryForList("select state from export_job where id = ? for update", String.class, exportId)
                .stream().findFirst();
    }

    /**
     * The export's progress as the sum of its parts' and its assembly's: of {@code parts + 1} steps, the parts ended;
     * the step names the parts running; the export names the instances that ran its parts (kept when a part moves to
     * another instance).
     */
    public void refreshExport(long exportId) {
        jdbc.update("""
                update export_job j set percent = 100 * a.ended / (a.total + 1),
                    step = left(case when a.running is null then j.step
                        else a.ended || ' of ' || a.total || ' part(s) done; running: ' || a.running end, 500),
                    instance_id = left((select string_agg(distinct x, ', ' order by x) from unnest(
                        coalesce(string_to_array(j.instance_id, ', '), '{}') || a.instances::text[]) x where x is not null), 200)
                from (select count(*) as total,
                             count(*) filter (where state not in ('QUEUED', 'RUNNING')) as ended,
                             string_agg(part_key, ', ' order by ordinal) filter (where state = 'RUNNING') as running,
                             array_agg(distinct instance_id) as instances
                      from export_part where export_id = ?) a
                where j.id = ? and j.state in ('QUEUED', 'RUNNING')""", exportId, exportId);
    }

    /** Marks a queued export RUNNING (a part of it runs), started at its first start. */
    public void exportRunning(long exportId) {
        jdbc.update("update export_job set state = 'RUNNING', started_at = coalesce(started_at, now()) where id = ?"
                + " and state = 'QUEUED'", exportId);
    }

    /**
     * A part of an active export went back to the queue: the export says why, and is QUEUED when none of its parts
     * runs.
     */
    public void handedBack(long exportId, String message) {
        jdbc.update("update export_job set message = ?, state = case when exists (select 1 from export_part where"
                + " export_id = ? and state = 'RUNNING') then state else 'QUEUED' end where id = ? and state in " + OPEN,
                message, exportId, exportId);
    }

    /** Records that the export's assembly is queued: true for the one call that recorded it first. */
    public boolean assemblyQueued(long exportId) {
        return jdbc.update("update export_job set assembly_queued_at = now() where id = ? and assembly_queued_at is null",
                exportId) == 1;
    }

    /** The assembly of an export began (again): when, and its place in the progress bar. */
    public void assemblyStarted(long exportId, String instance) {
        jdbc.update("""
                update export_job j set assembly_started_at = now(), state = 'RUNNING',
                    started_at = coalesce(started_at, now()),
                    instance_id = left((select string_agg(distinct x, ', ' order by x) from unnest(
                        coalesce(string_to_array(j.instance_id, ', '), '{}') || array[?]::text[]) x), 200)
                where id = ? and state in ('QUEUED', 'RUNNING')""", instance, exportId);
    }

    /** When the export's assembly (last) began; empty before, and for an export made in one piece. */
    public Optional<Instant> assemblyStarted(long exportId) {
        return jdbc.query("select assembly_started_at from export_job where id = ? and assembly_started_at is not null",
                (rs, n) -> rs.getTimestamp(1).toInstant(), exportId).stream().findFirst();
    }

    /**
     * Records the commit the export's ref named when it was planned (once): every part and the assembly must read that
     * commit, so that one package never mixes two commits of a ref that moved, or of two instances' copies of a
     * repository.
     */
    public void pinCommit(long exportId, String commit) {
        jdbc.update("update export_job set commit_sha = ? where id = ? and commit_sha is null", commit, exportId);
    }

    /** The commit the export was planned at; empty for one planned before commits were pinned. */
    public Optional<String> pinnedCommit(long exportId) {
        return jdbc.queryForList("select commit_sha from export_job where id = ? and commit_sha is not null"
                + " and commit_sha <> ''", String.class, exportId).stream().findFirst();
    }
}
