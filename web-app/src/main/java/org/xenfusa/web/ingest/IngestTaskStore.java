package org.xenfusa.web.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.web.ingest.RefSelection.ResolvedRef;

/**
 * The tasks of ingest jobs ({@code ingest_task}, V16): one per ref, run by any instance's workers. Every write is one
 * statement guarded by the task's state, so that two workers (a slow one and the one that took its task over) cannot
 * both end a task.
 */
@Repository
public class IngestTaskStore {
    private static final String OPEN = "('QUEUED', 'RUNNING')";

    private final JdbcTemplate jdbc;

    public IngestTaskStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A task as stored. */
    public record Task(long id, long jobId, int ordinal, String refName, String commitSha, String state,
            int filesTotal, int filesDone, int filesCounted, int filesSeen, String outcome, String reusedAs,
            String message, String instanceId, int takeovers) {
        public boolean isOpen() {
            return state.equals("QUEUED") || state.equals("RUNNING");
        }
    }

    private static Task task(ResultSet rs, int row) throws SQLException {
        return new Task(rs.getLong("id"), rs.getLong("job_id"), rs.getInt("ordinal"), rs.getString("ref_name"),
                rs.getString("commit_sha"), rs.getString("state"), rs.getInt("files_total"), rs.getInt("files_done"),
                rs.getInt("files_counted"), rs.getInt("files_seen"), rs.getString("outcome"),
                rs.getString("reused_as"), rs.getString("message"), rs.getString("instance_id"),
                rs.getInt("takeovers"));
    }

    /** Whether the job was planned (its tasks exist). */
    public boolean planned(long jobId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from ingest_task where job_id = ?)",
                Boolean.class, jobId));
    }

    /**
     * Records one task per ref and the job's number of refs, in one transaction: a job is planned whole or not at all
     * (planned again after a takeover, a ref already recorded is kept).
     */
    @Transactional
    public void plan(long jobId, List<ResolvedRef> refs) {
        jdbc.batchUpdate("""
                insert into ingest_task (job_id, ordinal, ref_name, commit_sha, state) values (?, ?, ?, ?, 'QUEUED')
                on conflict (job_id, ref_name) do nothing""",
                java.util.stream.IntStream.range(0, refs.size()).boxed().toList(), 500, (ps, i) -> {
            ResolvedRef ref = refs.get(i);
            ps.setLong(1, jobId);
            ps.setInt(2, i);
            ps.setString(3, ref.name());
            ps.setString(4, ref.commit().name());
        });
        jdbc.update("update ingest_job set refs_total = ? where id = ?", refs.size(), jobId);
    }

    /** The ids of the job's tasks not ended yet, in ref order. */
    public List<Long> open(long jobId) {
        return jdbc.queryForList("select id from ingest_task where job_id = ? and state in " + OPEN
                + " order by ordinal", Long.class, jobId);
    }

    public Optional<Task> find(long taskId) {
        return jdbc.query("select * from ingest_task where id = ?", IngestTaskStore::task, taskId).stream().findFirst();
    }

    public List<Task> ofJob(long jobId) {
        return jdbc.query("select * from ingest_task where job_id = ? order by ordinal", IngestTaskStore::task, jobId);
    }

    /** Marks an open task RUNNING on {@code instance}; false when it has ended meanwhile. */
    public boolean start(long taskId, String instance) {
        return jdbc.update("update ingest_task set state = 'RUNNING', instance_id = ?, message = null,"
                + " started_at = coalesce(started_at, now()) where id = ? and state in " + OPEN, instance, taskId) == 1;
    }

    public void progress(long taskId, int filesTotal, int filesDone, int filesCounted, int filesSeen) {
        jdbc.update("update ingest_task set files_total = ?, files_done = ?, files_counted = ?, files_seen = ?"
                + " where id = ?", filesTotal, filesDone, filesCounted, filesSeen, taskId);
    }

    /** Ends an open task; false when it had ended already. */
    public boolean end(long taskId, String state, String outcome, String reusedAs, String message) {
        return jdbc.update("update ingest_task set state = ?, outcome = ?, reused_as = ?, message = ?,"
                + " finished_at = now() where id = ? and state in " + OPEN, state, outcome, reusedAs, message,
                taskId) == 1;
    }

    /** Puts a running task back in the queue (its instance is stopping), with what it stored kept. */
    public boolean handBack(long taskId, String message) {
        return jdbc.update("update ingest_task set state = 'QUEUED', message = ? where id = ? and state in " + OPEN,
                message, taskId) == 1;
    }

    /** Hands an open task whose worker died back to the queue, at most {@code max} times: true when taken over. */
    public boolean takeOver(long taskId, int max, String message) {
        return jdbc.update("update ingest_task set state = 'QUEUED', takeovers = takeovers + 1, message = ?"
                + " where id = ? and state in " + OPEN + " and takeovers < ?", message, taskId, max) == 1;
    }

    /** Cancels the job's tasks no worker has started; the running ones stop at their next progress write. */
    public int cancelQueued(long jobId) {
        return jdbc.update("update ingest_task set state = 'CANCELLED', message = 'Cancelled before it started',"
                + " finished_at = now() where job_id = ? and state = 'QUEUED'", jobId);
    }

    /** Ends every open task of a job that ended without them (failed while planning, its planner died too often). */
    public void closeOpen(long jobId, String message) {
        jdbc.update("update ingest_task set state = 'CANCELLED', message = ?, finished_at = now()"
                + " where job_id = ? and state in " + OPEN, message, jobId);
    }

    /**
     * The job's progress as the sum of its tasks': refs ended, refs running and their files, files counted, the
     * running refs' names, the rate of files read since the job started, the instances that planned it and ran its
     * tasks (kept when a task moves to another instance).
     */
    public void refreshJob(long jobId) {
        jdbc.update("""
                update ingest_job j set refs_done = a.ended, refs_running = a.running, files_total = a.files_total,
                    files_done = a.files_done, files_counted = a.files_counted,
                    current_ref = left(coalesce(a.current, j.current_ref), 500),
                    files_per_second = case when j.started_at is null or now() <= j.started_at then 0
                        else a.seen / extract(epoch from now() - j.started_at) end,
                    instance_id = left((select string_agg(distinct x, ', ' order by x) from unnest(
                        coalesce(string_to_array(j.instance_id, ', '), '{}') || a.instances::text[]) x where x is not null), 200)
                from (select count(*) filter (where state not in ('QUEUED', 'RUNNING')) as ended,
                             count(*) filter (where state = 'RUNNING') as running,
                             coalesce(sum(files_total) filter (where state = 'RUNNING'), 0) as files_total,
                             coalesce(sum(files_done) filter (where state = 'RUNNING'), 0) as files_done,
                             coalesce(sum(files_counted), 0) as files_counted,
                             coalesce(sum(files_seen), 0) as seen,
                             string_agg(ref_name, ', ' order by ordinal) filter (where state = 'RUNNING') as current,
                             array_agg(distinct instance_id) as instances
                      from ingest_task where job_id = ?) a
                where j.id = ?""", jobId, jobId);
    }

    /**
     * Marks an active job RUNNING (a task of it runs), started at its first start; {@code instance}, when given, as
     * the instance running it until its tasks say which ran them.
     */
    public void jobRunning(long jobId, String instance) {
        jdbc.update("update ingest_job set state = 'RUNNING', started_at = coalesce(started_at, now()),"
                + " instance_id = coalesce(?, instance_id) where id = ? and state in " + OPEN, instance, jobId);
    }

    /** A task of an active job went back to the queue: the job says why, and is QUEUED when none of its tasks runs. */
    public void handedBack(long jobId, String message) {
        jdbc.update("update ingest_job set message = ?, state = case when exists (select 1 from ingest_task where"
                + " job_id = ? and state = 'RUNNING') then state else 'QUEUED' end where id = ? and state in " + OPEN,
                message, jobId, jobId);
    }

    /** Locks the job's row until the transaction ends; its state then, or empty when it is gone. */
    public Optional<String> lockJob(long jobId) {
        return jdbc.queryForList("select state from ingest_job where id = ? for update", String.class, jobId).stream()
                .findFirst();
    }
}
