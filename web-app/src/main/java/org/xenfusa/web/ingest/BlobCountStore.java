package org.xenfusa.web.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.sloc.count.FileCount;

/**
 * Bulk storage of line counts by blob and of snapshot file lists. Plain JDBC batches: an ingest
 * writes thousands of rows per ref, which JPA would make slow for no benefit.
 */
@Repository
public class BlobCountStore {
    private final JdbcTemplate jdbc;

    public BlobCountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A counted blob, keyed as the cache keys it. */
    public record CountedBlob(String blobId, String fileName, long size, FileCount count) {
    }

    /** Keys {@code blobId + '\0' + fileName} already counted with {@code counterVersion}. */
    public Set<String> cachedKeys(Collection<String> blobIds, int counterVersion) {
        Set<String> keys = new HashSet<>();
        if (blobIds.isEmpty()) {
            return keys;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "select blob_id, file_name from blob_count where blob_id = any(?) and counter_version = ?");
            Array array = con.createArrayOf("varchar", blobIds.toArray());
            ps.setArray(1, array);
            ps.setInt(2, counterVersion);
            return ps;
        }, rs -> {
            keys.add(rs.getString(1) + '\0' + rs.getString(2));
        });
        return keys;
    }

    /** A blob as the cache keys it: its id and its file name. */
    public record BlobKey(String blobId, String fileName) {
    }

    /**
     * Claims blobs for counting, so that the tasks of ingests on every instance never count one content twice (claims
     * rather than accepting the race: consecutive tags share most of their blobs, so two tasks of one job working on
     * neighbouring tags at the same moment would otherwise count nearly everything twice, which is the very work a
     * second instance is meant to save). A key is won when no count of it is stored with {@code counterVersion} and
     * no other worker holds a live claim on it; a claim whose lease passed (its worker died or hung) is won again.
     * A claim whose count was stored stays, done (lease 'infinity', committed with the count): a claim asked for
     * while that count commits waits for it and then finds the claim done, where a deleted claim would have been won
     * and the blob counted again. A done claim whose count is gone (rewritten by an instance with older counting
     * rules) is won again by the second statement, whose snapshot sees a done claim only together with its count.
     * What races remain (a lease that ran out under a worker still alive) cost a second count of the same figures,
     * written with an upsert, never a wrong one.
     *
     * @return the keys won, which the caller counts and {@link #save}s
     */
    public Set<BlobKey> claim(Collection<BlobKey> keys, int counterVersion, String claimer,
            java.time.Duration lease) {
        Set<BlobKey> won = new HashSet<>();
        if (keys.isEmpty()) {
            return won;
        }
        // keys in one order, so that two claimers of overlapping keys wait for each other instead of deadlocking
        List<BlobKey> ordered = keys.stream().distinct().sorted(java.util.Comparator.comparing(BlobKey::blobId)
                .thenComparing(BlobKey::fileName)).toList();
        claim(ordered, counterVersion, claimer, lease, won, """
                insert into blob_claim (blob_id, file_name, counter_version, claimed_by, lease_until)
                select k.blob_id, k.file_name, ?, ?, now() + ? * interval '1 millisecond'
                from unnest(?::varchar[], ?::varchar[]) with ordinality as k(blob_id, file_name, n)
                where not exists (select 1 from blob_count c where c.blob_id = k.blob_id
                                  and c.file_name = k.file_name and c.counter_version >= ?)
                order by k.n
                on conflict (blob_id, file_name, counter_version) do update
                    set claimed_by = excluded.claimed_by, lease_until = excluded.lease_until
                    where blob_claim.lease_until < now()
                returning blob_id, file_name""");
        if (won.size() < ordered.size()) {
            claim(ordered.stream().filter(k -> !won.contains(k)).toList(), counterVersion, claimer, lease, won, """
                    update blob_claim b set claimed_by = ?, lease_until = now() + ? * interval '1 millisecond'
                    from unnest(?::varchar[], ?::varchar[]) as k(blob_id, file_name)
                    where b.blob_id = k.blob_id and b.file_name = k.file_name and b.counter_version = ?
                      and b.lease_until = 'infinity'
                      and not exists (select 1 from blob_count c where c.blob_id = k.blob_id
                                      and c.file_name = k.file_name and c.counter_version >= ?)
                    returning b.blob_id, b.file_name""");
        }
        return won;
    }

    private void claim(List<BlobKey> keys, int counterVersion, String claimer, java.time.Duration lease,
            Set<BlobKey> won, String sql) {
        boolean insert = sql.strip().startsWith("insert");
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            int i = 1;
            if (insert) {
                ps.setInt(i++, counterVersion);
            }
            ps.setString(i++, claimer);
            ps.setLong(i++, lease.toMillis());
            ps.setArray(i++, con.createArrayOf("varchar", keys.stream().map(BlobKey::blobId).toArray()));
            ps.setArray(i++, con.createArrayOf("varchar", keys.stream().map(BlobKey::fileName).toArray()));
            if (!insert) {
                ps.setInt(i++, counterVersion);
            }
            ps.setInt(i, counterVersion);
            return ps;
        }, rs -> {
            won.add(new BlobKey(rs.getString(1), rs.getString(2)));
        });
    }

    /** Gives up the claims of {@code claimer} whose counts it did not store (it failed, stops or was cancelled). */
    public void releaseClaims(String claimer) {
        jdbc.update("delete from blob_claim where claimed_by = ? and lease_until <> 'infinity'", claimer);
    }

    /**
     * Stores counts; a row counted by an older counter version is replaced. Their claims, if any, are marked done
     * (lease 'infinity') in the same transaction, so that nobody claims a counted key again. Commits on return.
     */
    @Transactional
    public void save(List<CountedBlob> blobs, int counterVersion) {
        if (blobs.isEmpty()) {
            return;
        }
        // rows locked in one order in every transaction, so that two jobs (on any instance) writing overlapping
        // counts at once wait for each other instead of deadlocking
        List<CountedBlob> ordered = blobs.stream().sorted(java.util.Comparator.comparing(CountedBlob::blobId)
                .thenComparing(CountedBlob::fileName)).toList();
        jdbc.batchUpdate("""
                insert into blob_count (blob_id, file_name, counter_version, language, blank, comment, code,
                                        ignored_reason, size_bytes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (blob_id, file_name) do update set counter_version = excluded.counter_version,
                    language = excluded.language, blank = excluded.blank, comment = excluded.comment,
                    code = excluded.code, ignored_reason = excluded.ignored_reason, size_bytes = excluded.size_bytes
                """, ordered, 500, (ps, b) -> {
            ps.setString(1, b.blobId());
            ps.setString(2, b.fileName());
            ps.setInt(3, counterVersion);
            ps.setString(4, b.count().language());
            ps.setInt(5, b.count().blank());
            ps.setInt(6, b.count().comment());
            ps.setInt(7, b.count().code());
            ps.setString(8, b.count().ignoredReason());
            ps.setLong(9, b.size());
        });
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    update blob_claim c set lease_until = 'infinity', counted_at = now()
                    from unnest(?::varchar[], ?::varchar[]) as k(blob_id, file_name)
                    where c.blob_id = k.blob_id and c.file_name = k.file_name and c.counter_version = ?""");
            ps.setArray(1, con.createArrayOf("varchar", ordered.stream().map(CountedBlob::blobId).toArray()));
            ps.setArray(2, con.createArrayOf("varchar", ordered.stream().map(CountedBlob::fileName).toArray()));
            ps.setInt(3, counterVersion);
            return ps;
        });
    }

    /**
     * Deletes the claims no longer needed: those done (their count stored) longer ago than {@code age}, whose counts
     * alone now keep their blobs from being counted again, and those whose lease passed longer ago than {@code age}
     * (their worker died before counting; they would be won again anyway). {@code age} must exceed the longest claim
     * statement, which waits on a claim whose count is committing. Returns the number deleted.
     */
    public int deleteClaimsDoneBefore(java.time.Duration age) {
        return jdbc.update("""
                delete from blob_claim
                where (lease_until = 'infinity' and coalesce(counted_at, '-infinity') < now() - ? * interval '1 millisecond')
                   or (lease_until <> 'infinity' and lease_until < now() - ? * interval '1 millisecond')""",
                age.toMillis(), age.toMillis());
    }

    /** A file of a snapshot. */
    public record SnapshotEntry(String path, String blobId) {
    }

    /** Marks a snapshot as counted by {@code counterVersion} (after its blobs were counted again). */
    public void markCounted(long snapshotId, int counterVersion) {
        jdbc.update("update snapshot set counter_version = ? where id = ?", counterVersion, snapshotId);
    }

    /** The snapshot a {@link #saveSnapshot} call ended with: the one it wrote, or the one of its commit it found. */
    public record StoredSnapshot(long id, String refName, boolean created) {
    }

    /** Records {@code refName} as another name of a snapshot (nothing when it is its name or already an alias). */
    public void addAlias(long snapshotId, String refName) {
        jdbc.update("""
                insert into snapshot_alias (snapshot_id, ref_name)
                select id, ? from snapshot where id = ? and ref_name <> ?
                on conflict do nothing""", refName, snapshotId, refName);
    }

    /**
     * Writes a snapshot and its file list in one transaction: either both are there, complete, or
     * neither is. One snapshot per commit and repository, also when several jobs (on any instance) store the same
     * commit at once: the transaction holds an advisory lock on the commit, and a commit already stored is reused,
     * {@code refName} becoming one of its aliases.
     */
    @Transactional
    public StoredSnapshot saveSnapshot(long repositoryId, String refName, String commitSha, Instant commitTime,
            String subject, List<SnapshotEntry> files, int counterVersion) {
        jdbc.queryForList("select pg_advisory_xact_lock(?, ?)", (int) repositoryId, commitSha.hashCode());
        List<StoredSnapshot> stored = jdbc.query("""
                select id, ref_name from snapshot where repository_id = ? and commit_sha = ? order by id limit 1""",
                (rs, i) -> new StoredSnapshot(rs.getLong(1), rs.getString(2), false), repositoryId, commitSha);
        if (!stored.isEmpty()) {
            addAlias(stored.get(0).id(), refName);
            return stored.get(0);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update((Connection con) -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into snapshot (repository_id, ref_name, commit_sha, commit_time, commit_subject,
                                          file_count, ingested_at, counter_version)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            ps.setLong(1, repositoryId);
            ps.setString(2, refName);
            ps.setString(3, commitSha);
            ps.setTimestamp(4, Timestamp.from(commitTime));
            ps.setString(5, subject.length() > 1000 ? subject.substring(0, 1000) : subject);
            ps.setInt(6, files.size());
            ps.setTimestamp(7, Timestamp.from(Instant.now()));
            ps.setInt(8, counterVersion);
            return ps;
        }, key);
        long id = key.getKey().longValue();
        copyFiles(id, files);
        return new StoredSnapshot(id, refName, true);
    }

    /**
     * Writes a snapshot's file list with PostgreSQL's COPY, on the transaction's own connection:
     * a release of Xen has thousands of files and COPY is several times faster than batched INSERTs.
     */
    private void copyFiles(long snapshotId, List<SnapshotEntry> files) {
        StringBuilder text = new StringBuilder(files.size() * 80);
        for (SnapshotEntry f : files) {
            text.append(snapshotId).append('\t');
            appendCopyText(text, f.path());
            text.append('\t').append(f.blobId()).append('\n');
        }
        jdbc.execute((Connection con) -> {
            try {
                PGConnection pg = con.unwrap(PGConnection.class);
                pg.getCopyAPI().copyIn("COPY snapshot_file (snapshot_id, path, blob_id) FROM STDIN",
                        new StringReader(text.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY of snapshot files failed", e);
            }
            return null;
        });
    }

    /** Escapes a value for COPY's text format (backslash, tab, newline, carriage return). */
    static void appendCopyText(StringBuilder sb, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
    }

    /** A file of a snapshot with its stored count. */
    public record StoredFile(String path, String blobId, long size, FileCount count) {
    }

    /** The files of a snapshot under {@code prefix} ("" for all), with their counts, sorted by path. */
    public List<StoredFile> files(long snapshotId, String prefix) {
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.query("""
                select f.path, f.blob_id, b.size_bytes, b.language, b.blank, b.comment, b.code, b.ignored_reason
                from snapshot_file f
                join snapshot s on s.id = f.snapshot_id
                join blob_count b on b.blob_id = f.blob_id
                     and b.file_name = regexp_replace(f.path, '^.*/', '')
                where f.snapshot_id = ? and f.path like ?
                order by f.path
                """, (rs, i) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getLong(3),
                new FileCount(rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(8))),
                snapshotId, like);
    }
}
