package org.xenfusa.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.util.ReflectionTestUtils;
import org.xenfusa.model.source.RepositoryKind;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.web.platform.FusaProperties;
import org.xenfusa.web.platform.InvalidInputException;

import com.sun.net.httpserver.HttpServer;

/**
 * Issue 18: a repository registered by URL names its credentials by reference; each instance resolves the reference
 * from its own settings, and the secret reaches the server, never a message.
 */
// [utest->dsn~git-credentials~1] [utest->err~secret-stored~1]
class GitCredentialsTest {
    private static final GitCredentials HELD = new GitCredentials(Map.of("github",
            new GitCredentials.Credential("fusa-bot", "tok3n-s3cret")));

    @TempDir Path temp;

    @Test
    void aReferenceIsANameOfLettersAndDigitsConfiguredOnTheInstance() {
        assertThat(HELD.problem("github")).isEmpty();
        assertThat(HELD.problem("GitHub")).hasValueSatisfying(m -> assertThat(m).contains("is not valid"));
        assertThat(HELD.problem("git-hub")).hasValueSatisfying(m -> assertThat(m).contains("is not valid"));
        assertThat(HELD.problem("gitlab")).hasValueSatisfying(m -> assertThat(m)
                .contains("Credentials 'gitlab' are not configured on this instance")
                .contains("fusa.git.credentials.gitlab.username", "FUSA_GIT_CREDENTIALS_GITLAB_PASSWORD"));
        assertThat(new GitCredentials(Map.of("blank", new GitCredentials.Credential("u", "")))
                .problem("blank")).isPresent();
        assertThat(HELD.toString()).contains("fusa-bot").doesNotContain("tok3n-s3cret");
    }

    @Test
    void theCloneSendsTheReferencedCredentialsToTheServerAndNoMessageCarriesTheSecret() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"private\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                authorizations.add(auth);
                exchange.sendResponseHeaders(403, -1);
            }
            exchange.close();
        });
        http.start();
        try {
            String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/private.git";
            FusaProperties properties = new FusaProperties(temp.resolve("data"), List.of(temp), null, 5);
            RepositoryStorage storage = new RepositoryStorage(properties, HELD);

            assertThatThrownBy(() -> storage.cloneAgain(url(1, url, "github"), org.eclipse.jgit.lib.NullProgressMonitor.INSTANCE))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Cannot clone").hasMessageNotContaining("tok3n-s3cret");
            assertThat(authorizations).isNotEmpty().allSatisfy(a -> assertThat(a).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("fusa-bot:tok3n-s3cret".getBytes(StandardCharsets.UTF_8))));

            // a reference this instance does not hold: a clear message, nothing sent, no folder left behind
            authorizations.clear();
            assertThatThrownBy(() -> storage.cloneAgain(url(2, url, "gitlab"), org.eclipse.jgit.lib.NullProgressMonitor.INSTANCE))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("Credentials 'gitlab' are not configured on this instance");
            assertThat(authorizations).isEmpty();
            assertThat(Files.exists(storage.cloneFolder(2))).isFalse();
            if (Files.isDirectory(properties.cacheDir().resolve("by-id"))) {
                try (var left = Files.list(properties.cacheDir().resolve("by-id"))) {
                    assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("2.git"));
                }
            }

            // without a reference, no credentials are sent: the server's 401 is the answer
            assertThatThrownBy(() -> storage.cloneAgain(url(3, url, null), org.eclipse.jgit.lib.NullProgressMonitor.INSTANCE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("Cannot clone");
            assertThat(authorizations).isEmpty();
        } finally {
            http.stop(0);
        }
    }

    private static SourceRepository url(long id, String url, String credentials) {
        SourceRepository r = new SourceRepository("private-" + id, url, RepositoryKind.URL, null, "tester")
                .withCredentialsRef(credentials);
        ReflectionTestUtils.setField(r, "id", id);
        return r;
    }
}
