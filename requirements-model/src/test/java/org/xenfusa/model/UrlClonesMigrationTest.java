package org.xenfusa.model;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * V15 drops the registering instance's clone folder stored for a repository registered by URL (each instance clones
 * it into its own cache from the URL) and keeps a local repository's path; jobs and clones get their takeover counts.
 * On a schema of its own migrated to V13 first, with rows as the platform stored them then.
 */
@ModelSliceTest
@Transactional(propagation = Propagation.NOT_SUPPORTED) // Flyway migrates on its own connections: nothing held open here
class UrlClonesMigrationTest {
    @Autowired
    DataSource dataSource;

    @Test
    void aUrlRowLosesTheInstancePathAndALocalRowKeepsItsPath() {
        String schema = "v15_" + System.nanoTime();
        Flyway.configure().dataSource(dataSource).schemas(schema).target("13").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String s = schema + ".";
        jdbc.update("insert into " + s + "source_repository (name, location, kind, git_dir, created_at, created_by,"
                + " clone_state) values ('xen', 'https://example.org/xen.git', 'URL', '/host-a/data/repo-cache/xen.git',"
                + " now(), 'admin', 'READY'), ('local', '/srv/repos/local', 'LOCAL', '/srv/repos/local/.git', now(),"
                + " 'admin', 'READY')");

        Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();

        assertThat(jdbc.queryForList("select name, location, git_dir, clone_takeovers from " + s
                + "source_repository order by name")).containsExactly(
                java.util.Map.of("name", "local", "location", "/srv/repos/local", "git_dir", "/srv/repos/local/.git",
                        "clone_takeovers", 0),
                mapWithNull("xen", "https://example.org/xen.git"));
        jdbc.execute("drop schema " + schema + " cascade");
    }

    private static java.util.Map<String, Object> mapWithNull(String name, String location) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", name);
        m.put("location", location);
        m.put("git_dir", null);
        m.put("clone_takeovers", 0);
        return m;
    }
}
