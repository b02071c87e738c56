package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.source.RepositoryKind;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;
import org.xenfusa.web.security.ServerPaths;

/**
 * Server paths (issue 16, item 7): a local repository's folder, a clone's git directory and the allowed roots were
 * shown to every user (the dashboard, the repository page, the API); now to ADMIN only. A URL is shown to all.
 */
@IntegrationTest
class ServerPathsIntegrationTest {
    private static final String FOLDER = "/srv/hidden-layout/xen-checkout";

    @LocalServerPort int port;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired SourceRepositoryRepository repositories;

    private SourceRepository local;
    private SourceRepository url;

    @BeforeEach
    void repositoriesAndAViewer() {
        if (users.findByUsername("path-viewer").isEmpty()) {
            users.save(new AppUser("path-viewer", encoder.encode("path viewer password"), Role.VIEWER));
        }
        local = repositories.findByName("paths-local").orElseGet(() -> repositories.save(new SourceRepository(
                "paths-local", FOLDER, RepositoryKind.LOCAL, FOLDER + "/.git", "admin")));
        url = repositories.findByName("paths-url").orElseGet(() -> repositories.save(new SourceRepository(
                "paths-url", "https://example.org/xen.git", RepositoryKind.URL, "/srv/clone-cache/paths-url.git", "admin")));
    }

    private HttpResponse<String> api(String user, String password) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/repositories"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aViewerSeesNoServerPath() throws Exception {
        WebSession viewer = WebSession.login(port, "path-viewer", "path viewer password");
        assertThat(viewer.get("/").body()).doesNotContain(FOLDER).doesNotContain("/srv/clone-cache");
        String list = viewer.get("/repositories").body();
        assertThat(list).doesNotContain(FOLDER).contains(ServerPaths.HIDDEN).contains("https://example.org/xen.git")
                .doesNotContain("id=\"allowed-roots\"").doesNotContain("id=\"submodule-path\"")
                .doesNotContain(java.nio.file.Path.of("").toAbsolutePath() + "/");
        assertThat(viewer.get("/repositories/" + local.getId()).body()).doesNotContain(FOLDER).doesNotContain("git-dir");
        assertThat(viewer.get("/repositories/" + url.getId()).body()).doesNotContain("/srv/clone-cache")
                .contains("https://example.org/xen.git");
        assertThat(api("path-viewer", "path viewer password").body()).doesNotContain(FOLDER)
                .contains("\"location\":\"" + ServerPaths.HIDDEN + "\"").contains("https://example.org/xen.git");
    }

    @Test
    void anAdminSeesThem() throws Exception {
        WebSession admin = WebSession.login(port, "admin", "test-admin-password");
        assertThat(admin.get("/repositories").body()).contains(FOLDER);
        assertThat(admin.get("/repositories/" + local.getId()).body()).contains(FOLDER + "/.git");
        assertThat(admin.get("/repositories/" + url.getId()).body()).contains("/srv/clone-cache/paths-url.git");
        assertThat(api("admin", "test-admin-password").body()).contains(FOLDER);
    }

    @Test
    void documentsNameALocalRepositoryWithoutItsFolder() {
        assertThat(ServerPaths.describe(local)).isEqualTo("paths-local");
        assertThat(ServerPaths.describe(url)).isEqualTo("paths-url (https://example.org/xen.git)");
        assertThat(ServerPaths.lastName("/work/main/hypervisor-sources-submodule/")).isEqualTo("hypervisor-sources-submodule");
    }
}
