package org.xenfusa.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.xenfusa.FusaApplication;
import org.xenfusa.web.db.EmbeddedDatabase;

/**
 * Another instance of the platform in the same JVM: its own Spring context, web server (random port), job scheduler
 * and data folder, on the test run's database, as a second host behind a load balancer would be.
 */
final class SecondInstance implements AutoCloseable {
    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static SecondInstance start(EmbeddedDatabase database, String instanceId, Map<String, Object> more) throws Exception {
        return start(database, instanceId, more, Map.of());
    }

    /** With {@code beans} registered in its context before it starts (a test's listeners). */
    static SecondInstance start(EmbeddedDatabase database, String instanceId, Map<String, Object> more,
            Map<String, Object> beans) throws Exception {
        Path data = Files.createTempDirectory("fusa-second-instance");
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", "jdbc:postgresql://localhost:" + database.port() + "/" + EmbeddedDatabase.DATABASE);
        properties.put("spring.datasource.username", EmbeddedDatabase.USER);
        properties.put("spring.datasource.password", database.password());
        properties.put("server.port", "0");
        properties.put("fusa.data-dir", data.toString());
        properties.put("fusa.admin-password", "test-admin-password");
        properties.put("fusa.submodule-ingest-on-start", "false");
        properties.put("fusa.allowed-roots", System.getProperty("java.io.tmpdir"));
        properties.put("fusa.instance-id", instanceId);
        properties.putAll(more);
        // as command-line arguments, which win over application.properties (default properties lose to it: the
        // second instance then took server.port 8080, and failed whenever something listened there)
        return new SecondInstance(new SpringApplicationBuilder(FusaApplication.class)
                .initializers(context -> beans.forEach(context.getBeanFactory()::registerSingleton)).run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new)));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
