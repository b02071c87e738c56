package org.xenfusa.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Flyway builds the whole schema on an empty database and Hibernate accepts it as the entities' schema. */
@ModelSliceTest
class MigrationsTest {
    @Autowired
    Flyway flyway;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void everyMigrationAppliesToAnEmptyDatabase() throws IOException {
        List<String> files = Arrays.stream(new PathMatchingResourcePatternResolver()
                .getResources("classpath:db/migration/V*.sql")).map(Resource::getFilename).sorted().toList();
        MigrationInfo[] applied = flyway.info().applied();

        assertThat(files).isNotEmpty();
        assertThat(applied).hasSameSizeAs(files);
        assertThat(applied).allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void hibernateValidatedTheEntitiesAgainstTheMigratedSchema() {
        // The context only starts when validation passes; this pins that it ran in validate mode.
        assertThat(entityManagerFactory.getProperties()).containsEntry("hibernate.hbm2ddl.auto", "validate");
        assertThat(entityManagerFactory.getMetamodel().getEntities()).extracting(e -> e.getName())
                .contains("Requirement", "TraceLink", "AuditRevision", "IngestJob", "ExportJob", "Snapshot");
    }
}
