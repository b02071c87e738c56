package org.xenfusa.web.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xenfusa.web.IntegrationTest;

/**
 * The trace stamp (part of the stored results' input keys) reads the latest change of a table as the same text in
 * every session, whatever its time zone: instances in two time zones must compute the same keys, or each recomputes
 * the other's results. On one connection, the same rows read in two time zones.
 */
@IntegrationTest
class TraceStampTimeZoneTest {
    @Autowired DataSource dataSource;
    @Autowired TraceService traces;

    @Test
    void theLatestChangeReadsTheSameInEveryTimeZone() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("create temporary table stamp_probe (updated_at timestamptz not null)");
            st.execute("insert into stamp_probe values (timestamptz '2026-12-01 14:40:00.123456+00')");
            try {
                st.execute("set time zone 'UTC'");
                String utc = one(st, "select " + TraceService.LATEST_UPDATE + " from stamp_probe");
                String plainUtc = one(st, "select max(updated_at)::text from stamp_probe");
                st.execute("set time zone 'Pacific/Auckland'");
                assertThat(one(st, "select " + TraceService.LATEST_UPDATE + " from stamp_probe")).isEqualTo(utc)
                        .isEqualTo("1796136000123456");
                // what the stamp used to read: another text in another time zone
                assertThat(one(st, "select max(updated_at)::text from stamp_probe")).isNotEqualTo(plainUtc);
                assertThat(one(st, "select " + TraceService.LATEST_UPDATE + " from stamp_probe where false"))
                        .as("no rows").isEmpty();
            } finally {
                st.execute("reset time zone");
                st.execute("drop table stamp_probe");
            }
        }
        assertThat(traces.stamp()).matches("\\d+:\\d*:\\d+\\|\\d+:\\d*:\\d+\\|\\d+:\\d*");
    }

    private static String one(Statement st, String sql) throws Exception {
        try (ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
