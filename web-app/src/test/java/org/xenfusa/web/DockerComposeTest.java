package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml, deploy/Caddyfile and the Dockerfile agree (this machine has no docker engine to try them): every
 * app instance has its own instance id and data volume, the proxy forwards to exactly the app instances, the stop
 * timeout covers the platform's SIGTERM hand-back, and the environment names the file sets are settings the platform
 * reads. Read with SnakeYAML, which resolves the file's anchors and merge keys as docker compose does.
 */
class DockerComposeTest {
    private static final Path ROOT = Path.of("..");
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;
    private static List<String> apps;
    private static String dockerfile;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        compose = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        // the platform's instances: the services built from this repository's Dockerfile
        apps = services.entrySet().stream().filter(e -> ".".equals(e.getValue().get("build"))).map(Map.Entry::getKey)
                .sorted().toList();
        dockerfile = Files.readString(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        assertThat(v).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        assertThat(v).as(key).isInstanceOf(List.class);
        return (List<String>) v;
    }

    private static Map<String, Object> env(String service) {
        return map(services.get(service), "environment");
    }

    /** The proxy: the one service running the official Caddy image. */
    private static String proxy() {
        List<String> proxies = services.entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("image")).startsWith("caddy:")).map(Map.Entry::getKey)
                .toList();
        assertThat(proxies).hasSize(1);
        return proxies.get(0);
    }

    private static String dockerfileValue(String instruction, String name) {
        Matcher m = Pattern.compile("(?m)^" + instruction + "\\s+" + (name.isEmpty() ? "" : Pattern.quote(name) + "=")
                + "(\\S+)").matcher(dockerfile);
        assertThat(m.find()).as(instruction + " " + name + " in the Dockerfile").isTrue();
        return m.group(1);
    }

    @Test
    void atLeastTwoInstancesEachWithItsOwnIdAndDataVolumeOnOneDatabase() {
        assertThat(apps).hasSizeGreaterThanOrEqualTo(2);
        String dataDir = dockerfileValue("ENV", "FUSA_DATA_DIR");
        Set<String> ids = new HashSet<>();
        Set<String> dataVolumes = new HashSet<>();
        Map<String, Object> declared = map(compose, "volumes");
        for (String app : apps) {
            Map<String, Object> s = services.get(app);
            assertThat(ids.add(String.valueOf(env(app).get("FUSA_INSTANCE_ID")))).as(app + "'s own instance id").isTrue();
            assertThat(env(app).get("FUSA_INSTANCE_ID")).as(app).isNotNull();
            List<String> data = list(s, "volumes").stream().filter(v -> v.split(":")[1].equals(dataDir)).toList();
            assertThat(data).as(app + " mounts a volume at the data folder " + dataDir).hasSize(1);
            String volume = data.get(0).split(":")[0];
            assertThat(declared).as("a named volume").containsKey(volume);
            assertThat(dataVolumes.add(volume)).as(app + "'s own data volume").isTrue();
            assertThat(String.valueOf(env(app).get("SPRING_DATASOURCE_URL"))).startsWith("jdbc:postgresql://db:5432/");
            assertThat(map(map(s, "depends_on"), "db")).containsEntry("condition", "service_healthy");
            assertThat(map(s, "healthcheck")).containsKey("test");
            assertThat(s).as(app + " publishes no port: requests go through the proxy").doesNotContainKey("ports");
            // local repositories: the same path in every instance
            assertThat(list(s, "volumes")).contains("./repos:/var/lib/fusa/repos:ro");
        }
        assertThat(String.valueOf(services.get("db").get("image"))).startsWith("postgres:");
        assertThat(map(services.get("db"), "healthcheck")).containsKey("test");
    }

    @Test
    void theProxyForwardsToExactlyTheInstancesAndWaitsForThemToBeHealthy() throws IOException {
        String proxy = proxy();
        Map<String, Object> p = services.get(proxy);
        String port = dockerfileValue("EXPOSE", "");
        List<String> upstreams = Arrays.asList(String.valueOf(env(proxy).get("FUSA_UPSTREAMS")).trim().split("\\s+"));
        assertThat(upstreams).containsExactlyInAnyOrderElementsOf(apps.stream().map(a -> a + ":" + port).toList());
        for (String app : apps) {
            assertThat(map(map(p, "depends_on"), app)).containsEntry("condition", "service_healthy");
        }
        assertThat(list(p, "ports")).hasSize(1);
        assertThat(map(p, "healthcheck")).containsKey("test");

        String mounted = list(p, "volumes").stream().filter(v -> v.endsWith(":/etc/caddy/Caddyfile:ro")).findFirst()
                .orElseThrow();
        Path caddyfile = ROOT.resolve(mounted.split(":")[0]);
        String text = Files.readString(caddyfile, StandardCharsets.UTF_8);
        assertThat(text).contains("reverse_proxy {$FUSA_UPSTREAMS}");
        // the proxy listens where the compose file publishes it
        String published = list(p, "ports").get(0);
        assertThat(text).contains("\n:" + published.substring(published.lastIndexOf(':') + 1) + " {");
        Matcher health = Pattern.compile("health_uri (\\S+)").matcher(text);
        assertThat(health.find()).isTrue();
        assertThat(health.group(1)).as("open to anonymous requests (SecurityConfig)").startsWith("/actuator/health");
    }

    @Test
    void theStopTimeoutCoversTheJobsHandBackAndTheRequestsDrain() {
        for (String app : apps) {
            Duration shutdownWait = duration(env(app).get("FUSA_JOBS_SHUTDOWN_WAIT"));
            Duration drain = duration(env(app).get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE"));
            Duration stop = duration(services.get(app).get("stop_grace_period"));
            assertThat(shutdownWait).as("the platform's default, JobScheduler").isEqualTo(Duration.ofSeconds(8));
            assertThat(stop).as(app + ": docker's SIGKILL comes after the hand-back and the drain")
                    .isGreaterThan(shutdownWait.plus(drain));
        }
        // java is the container's main process (exec), so that it gets the SIGTERM
        assertThat(dockerfile).contains("exec java ");
    }

    @Test
    void theEnvironmentNamesAreSettingsThePlatformReads() {
        Map<String, String> expected = Map.of("FUSA_INSTANCE_ID", "fusa.instance-id", "FUSA_JOBS_SHUTDOWN_WAIT",
                "fusa.jobs.shutdown-wait", "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE",
                "spring.lifecycle.timeout-per-shutdown-phase", "SERVER_FORWARD_HEADERS_STRATEGY",
                "server.forward-headers-strategy", "SPRING_DATASOURCE_URL", "spring.datasource.url");
        List<String> checked = new ArrayList<>();
        for (String app : apps) {
            for (var e : expected.entrySet()) {
                Object value = env(app).get(e.getKey());
                assertThat(value).as(app + " sets " + e.getKey()).isNotNull();
                StandardEnvironment environment = new StandardEnvironment();
                environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("compose",
                        Map.of(e.getKey(), String.valueOf(value))));
                ConfigurationPropertySources.attach(environment);
                assertThat(environment.getProperty(e.getValue())).as(e.getKey() + " is " + e.getValue())
                        .isEqualTo(String.valueOf(value));
                checked.add(e.getKey());
            }
        }
        assertThat(checked).hasSize(expected.size() * apps.size());
        assertThat(String.valueOf(env(apps.get(0)).get("SERVER_FORWARD_HEADERS_STRATEGY"))).isEqualTo("native");
    }

    private static Duration duration(Object value) {
        assertThat(value).isNotNull();
        return DurationStyle.detectAndParse(String.valueOf(value));
    }
}
