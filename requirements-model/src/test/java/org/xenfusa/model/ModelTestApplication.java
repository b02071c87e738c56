package org.xenfusa.model;

import java.io.IOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The model alone, on a fresh embedded PostgreSQL (the server the web app starts too), so that the
 * slice tests run the real migrations and the real SQL dialect; no web-app classes involved.
 */
@SpringBootApplication
public class ModelTestApplication {
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder().start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }
}
