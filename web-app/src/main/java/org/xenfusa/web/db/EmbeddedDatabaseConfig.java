package org.xenfusa.web.db;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts a real PostgreSQL server from a Maven artifact when no {@code spring.datasource.url} is
 * given, so that a newcomer needs nothing installed. Its data folder survives restarts unless
 * {@code fusa.embedded-postgres.clean} is set (tests use a fresh temporary folder).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfig {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${fusa.data-dir}") Path dataDir,
            @Value("${fusa.embedded-postgres.binaries:}") String binariesDir,
            @Value("${fusa.embedded-postgres.clean:false}") boolean clean) throws IOException {
        Path binaries = binariesDir.isBlank() ? dataDir.resolve("postgres-binaries") : Path.of(binariesDir);
        return EmbeddedDatabase.start(dataDir, binaries, clean);
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(EmbeddedDatabase.USER);
        config.setPassword(database.password());
        config.setMaximumPoolSize(10);
        config.setPoolName("fusa-embedded");
        return new HikariDataSource(config);
    }
}
