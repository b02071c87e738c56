package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.RepresentationMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hibernate can proxy every entity: when it cannot (a final method, as EditedText#setText was), it
 * logs HHH000305 with a stack trace at start-up and loads that entity eagerly.
 */
@IntegrationTest
class EntityProxyIntegrationTest {
    @Autowired EntityManagerFactory entityManagerFactory;

    @Test
    void everyEntityHasAProxyFactory() {
        SessionFactoryImplementor sf = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        List<String> pojo = new ArrayList<>();
        List<String> withoutProxy = new ArrayList<>();
        sf.getMappingMetamodel().forEachEntityDescriptor(d -> {
            if (d.getRepresentationStrategy().getMode() == RepresentationMode.POJO) {
                pojo.add(d.getEntityName());
                if (d.getRepresentationStrategy().getProxyFactory() == null) {
                    withoutProxy.add(d.getEntityName());
                }
            }
        });
        assertThat(pojo).contains("org.xenfusa.model.boards.BoardCatalogText",
                "org.xenfusa.model.exports.ReadinessGateText");
        assertThat(withoutProxy).isEmpty();
    }
}
