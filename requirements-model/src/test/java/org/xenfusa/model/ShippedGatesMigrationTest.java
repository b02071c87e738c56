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
 * V11 adds the uncovered-requirements gate to a gate file stored as it was shipped before (with a revision in its
 * history), and leaves a gate file an ADMIN edited as it is. On a schema of its own migrated to V10 first.
 */
@ModelSliceTest
@Transactional(propagation = Propagation.NOT_SUPPORTED) // Flyway migrates on its own connections: nothing held open here
class ShippedGatesMigrationTest {
    /** The shipped gate file before V11, byte for byte. */
    static final String SHIPPED_BEFORE = """
            # Release-readiness gates, the format of `fusa readiness --gates FILE`.
            # 'all' applies to every configuration; 'configurations' overrides per configuration or board name.
            all:
              design-covered-by-code-min-percent: 100
              verified-by-passed-tests-min-percent: 80
              suspect-links-max: 0
              trace-defects-max: 0
              untraced-sloc-max: 500000
              sloc-growth-max-percent: 10
              figure-warnings-max: 0
            """;

    @Autowired
    DataSource dataSource;

    @Test
    void theShippedGateFileGainsTheUncoveredGateAndAnEditedOneStaysAsItIs() {
        String schema = "v11_" + System.nanoTime();
        Flyway.configure().dataSource(dataSource).schemas(schema).target("10").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String s = schema + ".";
        String edited = "all:\n  trace-defects-max: 0\n  suspect-links-max: 3\n";
        jdbc.update("insert into " + s + "readiness_gates (name, text, updated_at) values ('default', ?, now()),"
                + " ('edited', ?, now())", SHIPPED_BEFORE, edited);

        Flyway.configure().dataSource(dataSource).schemas(schema).load().migrate();

        String now = jdbc.queryForObject("select text from " + s + "readiness_gates where name = 'default'", String.class);
        assertThat(now).isEqualTo(SHIPPED_BEFORE.replace("  trace-defects-max: 0\n",
                "  trace-defects-max: 0\n  uncovered-requirements-max: 0\n"));
        assertThat(jdbc.queryForObject("select text from " + s + "readiness_gates where name = 'edited'", String.class))
                .isEqualTo(edited);
        assertThat(jdbc.queryForObject("select r.username from " + s + "readiness_gates_aud a join " + s
                + "revinfo r on r.rev = a.rev join " + s + "readiness_gates g on g.id = a.id where g.name = 'default'",
                String.class)).isEqualTo("migration V11");
        jdbc.execute("drop schema " + schema + " cascade");
    }
}
