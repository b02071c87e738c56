package org.xenfusa.web.db;

import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A new, empty database on the test run's embedded PostgreSQL server, migrated by the platform's Flyway scripts: what
 * a fresh installation's instances meet, without starting another server or touching the shared test database.
 */
public final class FreshDatabase implements AutoCloseable {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final HikariDataSource dataSource;

    private FreshDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates and migrates a database named after {@code purpose} on the server of {@code server}. */
    public static FreshDatabase create(EmbeddedDatabase server, String purpose) {
        String name = purpose + "_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        HikariConfig admin = config(server, server.jdbcUrl(), 1);
        try (HikariDataSource ds = new HikariDataSource(admin)) {
            new JdbcTemplate(ds).execute("create database " + name);
        }
        String url = "jdbc:postgresql://localhost:" + server.port() + "/" + name;
        HikariDataSource ds = new HikariDataSource(config(server, url, 10));
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new FreshDatabase(ds);
    }

    private static HikariConfig config(EmbeddedDatabase server, String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(EmbeddedDatabase.USER);
        config.setPassword(server.password());
        config.setMaximumPoolSize(size);
        return config;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
