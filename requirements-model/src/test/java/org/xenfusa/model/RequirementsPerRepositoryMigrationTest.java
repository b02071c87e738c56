package org.xenfusa.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * V7 gives every requirement its repository. On a database migrated to V6 in a schema of its own: the imported
 * requirement takes its snapshot's repository, an authored one (no owner until then) is kept for each registered
 * repository, and afterwards an authored name is unique per repository, not across repositories.
 */
@ModelSliceTest
@Transactional(propagation = Propagation.NOT_SUPPORTED) // Flyway migrates on its own connections: nothing held open here
class RequirementsPerRepositoryMigrationTest {
    @Autowired
    DataSource dataSource;

    @Test
    void authoredRequirementsAreKeptForEveryRepositoryAndImportedOnesFollowTheirSnapshot() {
        String schema = "v7_" + System.nanoTime();
        Flyway before = Flyway.configure().dataSource(dataSource).schemas(schema).target("6").load();
        before.migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String s = schema + ".";
        jdbc.update("insert into " + s + "source_repository (id, name, location, kind, git_dir, created_at, created_by)"
                + " values (10, 'a', '/a', 'LOCAL', '/a/.git', now(), 't'), (20, 'b', '/b', 'LOCAL', '/b/.git', now(), 't')");
        jdbc.update("insert into " + s + "snapshot (id, repository_id, ref_name, commit_sha, commit_time, file_count, ingested_at,"
                + " counter_version)"
                + " values (5, 20, 'main', '" + "c".repeat(40) + "', now(), 0, now(), 3)");
        String columns = " (snapshot_id, origin, item_type, name, revision, status, created_by, created_at, updated_at)";
        jdbc.update("insert into " + s + "requirement" + columns + " values (5, 'SPECIFICATION_FILE', 'dsn', 'imported', 1,"
                + " 'approved', 't', now(), now()), (null, 'WEB', 'req', 'authored', 1, 'approved', 't', now(), now())");

        Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();

        List<Map<String, Object>> rows = jdbc.queryForList("select name, snapshot_id, repository_id from " + s
                + "requirement order by name, repository_id");
        assertThat(rows).extracting(r -> r.get("name") + "@" + r.get("repository_id"))
                .containsExactly("authored@10", "authored@20", "imported@20");
        // the same authored name in two repositories is allowed now; twice in one is not
        jdbc.update("insert into " + s + "requirement" + columns.replace("(snapshot_id", "(repository_id, snapshot_id")
                + " values (10, null, 'WEB', 'req', 'other', 1, 'approved', 't', now(), now())");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("insert into " + s + "requirement"
                + columns.replace("(snapshot_id", "(repository_id, snapshot_id")
                + " values (10, null, 'WEB', 'req', 'other', 1, 'approved', 't', now(), now())"))
                .hasMessageContaining("requirement_authored_unique");
        jdbc.execute("drop schema " + schema + " cascade");
    }
}
