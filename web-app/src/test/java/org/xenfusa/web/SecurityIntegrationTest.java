package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/** Login, roles, CSRF and the API's HTTP Basic, over real HTTP against the running app. */
// [utest->dsn~web-security~1] [utest->err~access-beyond-role~1]
@IntegrationTest
class SecurityIntegrationTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired SourceRepositoryRepository repositories;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void viewer() {
        if (users.findByUsername("viewer").isEmpty()) {
            users.save(new AppUser("viewer", encoder.encode("viewer-password"), Role.VIEWER));
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(String... kv) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(kv[i]).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private String csrf(HttpClient client, String path) throws Exception {
        String body = client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(body);
        assertThat(m.find()).as("a CSRF token on " + path).isTrue();
        return m.group(1);
    }

    private HttpClient loggedIn(String user, String password) throws Exception {
        HttpClient client = browser();
        String token = csrf(client, "/login");
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("username", user, "password", password, "_csrf", token)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    @Test
    void pagesNeedALogin() throws Exception {
        HttpResponse<String> r = browser().send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void theIconEveryPageNamesIsServedWithoutALogin() throws Exception {
        HttpResponse<String> login = browser().send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.body()).contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">");
        HttpResponse<String> icon = browser().send(HttpRequest.newBuilder(uri("/favicon.svg")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(icon.body()).startsWith("<svg");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        HttpClient client = browser();
        String token = csrf(client, "/login");
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("username", "admin", "password", "wrong", "_csrf", token)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Location").orElse("")).contains("/login?error");
    }

    @Test
    void adminSeesTheRepositoriesWithTheRegisterForm() throws Exception {
        HttpClient admin = loggedIn("admin", "test-admin-password");
        String body = admin.send(HttpRequest.newBuilder(uri("/repositories")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).contains("Repositories").contains("register-form")
                .contains("git submodule update --init hypervisor-sources-submodule");
    }

    @Test
    void aViewerCannotRegisterRepositories() throws Exception {
        HttpClient viewer = loggedIn("viewer", "viewer-password");
        String body = viewer.send(HttpRequest.newBuilder(uri("/repositories")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).doesNotContain("register-form");
        String token = csrf(viewer, "/repositories");
        HttpResponse<String> r = viewer.send(HttpRequest.newBuilder(uri("/repositories"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("location", "/tmp", "_csrf", token))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        HttpClient admin = loggedIn("admin", "test-admin-password");
        HttpResponse<String> r = admin.send(HttpRequest.newBuilder(uri("/repositories"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("location", "/tmp"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void theApiUsesHttpBasicAndRoles() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        assertThat(client.send(HttpRequest.newBuilder(uri("/api/repositories")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = client.send(HttpRequest.newBuilder(uri("/api/repositories"))
                .header("Authorization", basic("viewer", "viewer-password")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).startsWith("[");
        HttpResponse<String> forbidden = client.send(HttpRequest.newBuilder(uri("/api/repositories"))
                .header("Authorization", basic("viewer", "viewer-password")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"location\":\"/tmp\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        HttpResponse<String> bad = client.send(HttpRequest.newBuilder(uri("/api/repositories"))
                .header("Authorization", basic("admin", "test-admin-password")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"location\":\"/etc\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("outside the allowed roots");
    }

    @Test
    void adminManagesUsers() throws Exception {
        WebSession admin = WebSession.login(port, "admin", "test-admin-password");
        assertThat(admin.post("/users", "username=short-pw&password=abc&role=ENGINEER", "/users").statusCode()).isEqualTo(302);
        assertThat(users.findByUsername("short-pw")).isEmpty();
        admin.post("/users", "username=engineer-x&password=" + WebSession.enc("a long enough password") + "&role=ENGINEER",
                "/users");
        AppUser created = users.findByUsername("engineer-x").orElseThrow();
        assertThat(created.getRole()).isEqualTo(Role.ENGINEER);
        WebSession engineer = WebSession.login(port, "engineer-x", "a long enough password");
        assertThat(engineer.get("/users").statusCode()).isEqualTo(403);

        // disabling the account stops its logins
        admin.post("/users/" + created.getId(), "role=ENGINEER", "/users");
        assertThat(users.findByUsername("engineer-x").orElseThrow().isEnabled()).isFalse();
    }

    @Test
    void aUrlNamesItsCredentialsByAReferenceTheInstanceHoldsAndTheSecretIsNeverShown() throws Exception {
        WebSession admin = WebSession.login(port, "admin", "test-admin-password");
        // a reference this instance does not hold, or credentials for a local path: refused, nothing stored
        admin.post("/repositories", "name=cred-unknown&credentials=nope&location="
                + WebSession.enc("https://127.0.0.1:9/private.git"), "/repositories");
        assertThat(repositories.findByName("cred-unknown")).isEmpty();
        assertThat(admin.get("/repositories").body()).contains("Credentials &#39;nope&#39; are not configured on this"
                + " instance").contains("FUSA_GIT_CREDENTIALS_NOPE_PASSWORD");
        admin.post("/repositories", "name=cred-local&credentials=testcreds&location=" + WebSession.enc(
                System.getProperty("java.io.tmpdir")), "/repositories");
        assertThat(repositories.findByName("cred-local")).isEmpty();
        assertThat(admin.get("/repositories").body()).contains("Credentials go with a repository registered by URL");

        // a held reference: stored by name only; the repository page and the API name it, never the secret
        admin.post("/repositories", "name=cred-ref&credentials=testcreds&location="
                + WebSession.enc("https://127.0.0.1:9/private.git"), "/repositories");
        SourceRepository stored = repositories.findByName("cred-ref").orElseThrow();
        assertThat(stored.getCredentialsRef()).isEqualTo("testcreds");
        assertThat(admin.get("/repositories/" + stored.getId()).body()).contains("id=\"credentials-ref\"")
                .contains("testcreds").doesNotContain("not-a-real-secret");
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/repositories"))
                .header("Authorization", basic("admin", "test-admin-password")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.body()).contains("\"credentials\":\"testcreds\"").doesNotContain("not-a-real-secret");
        assertThat(jdbc.queryForList("select credentials_ref from source_repository_aud where id = ?", String.class,
                stored.getId())).containsOnly("testcreds");
    }

    @Test
    void aUrlWithCredentialsIsRefusedEverywhereAndAStoredOneIsShownMasked() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> api = client.send(HttpRequest.newBuilder(uri("/api/repositories"))
                .header("Authorization", basic("admin", "test-admin-password")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"cred-api\",\"location\":\"https://user:s3cret-pw@127.0.0.1:9/xen.git\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("carries credentials").contains("credential helper").doesNotContain("s3cret-pw");
        assertThat(repositories.findByName("cred-api")).isEmpty();

        WebSession admin = WebSession.login(port, "admin", "test-admin-password");
        admin.post("/repositories", "name=cred-form&location=" + WebSession.enc("https://user:s3cret-pw@127.0.0.1:9/xen.git"), "/repositories");
        assertThat(repositories.findByName("cred-form")).isEmpty();
        assertThat(admin.get("/repositories").body()).contains("carries credentials").doesNotContain("s3cret-pw");

        // registered before credentials were refused: every page and the API show it masked
        SourceRepository legacy = repositories.save(new SourceRepository("legacy-cred",
                "https://user:s3cret-pw@example.org/xen.git", RepositoryKind.URL, "/nonexistent/legacy-cred.git", "admin"));
        try {
            HttpResponse<String> list = client.send(HttpRequest.newBuilder(uri("/api/repositories"))
                    .header("Authorization", basic("viewer", "viewer-password")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(list.body()).contains("https://***@example.org/xen.git").doesNotContain("s3cret-pw");
            WebSession viewer = WebSession.login(port, "viewer", "viewer-password");
            assertThat(viewer.get("/repositories").body()).contains("https://***@example.org/xen.git").doesNotContain("s3cret-pw");
            HttpResponse<String> page = viewer.get("/repositories/" + legacy.getId());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("https://***@example.org/xen.git").doesNotContain("s3cret-pw");
        } finally {
            repositories.delete(legacy);
        }
    }

    @Test
    void aDemotedAdminsOpenSessionEndsAtOnce() throws Exception {
        AppUser boss = users.save(new AppUser("boss-demoted", encoder.encode("boss-demoted-password"), Role.ADMIN));
        WebSession bossSession = WebSession.login(port, "boss-demoted", "boss-demoted-password");
        assertThat(bossSession.get("/users").statusCode()).isEqualTo(200);
        String tokenOfAnOpenUsersPage = bossSession.csrf("/users");

        WebSession admin = WebSession.login(port, "admin", "test-admin-password");
        admin.post("/users/" + boss.getId(), "role=VIEWER&enabled=true", "/users");
        assertThat(users.findByUsername("boss-demoted").orElseThrow().getRole()).isEqualTo(Role.VIEWER);

        HttpResponse<String> users1 = bossSession.get("/users");
        assertThat(users1.statusCode()).isEqualTo(302);
        assertThat(users1.headers().firstValue("Location").orElse("")).contains("/login");
        HttpResponse<String> create = bossSession.postWithToken("/users",
                "username=evil-admin&password=" + WebSession.enc("a long enough password") + "&role=ADMIN",
                tokenOfAnOpenUsersPage);
        assertThat(create.statusCode()).isIn(302, 403);
        assertThat(users.findByUsername("evil-admin")).isEmpty();
        // the demoted account logs in again with its new role
        assertThat(WebSession.login(port, "boss-demoted", "boss-demoted-password").get("/users").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aRoleOrEnabledFlagChangedElsewhereIsCheckedOnTheNextRequest() throws Exception {
        // as when another instance of the platform changed the account: no session registry knows it here
        AppUser engineer = users.save(new AppUser("engineer-elsewhere", encoder.encode("engineer-elsewhere-pw"),
                Role.ADMIN));
        WebSession session = WebSession.login(port, "engineer-elsewhere", "engineer-elsewhere-pw");
        assertThat(session.get("/users").statusCode()).isEqualTo(200);
        engineer.setRole(Role.VIEWER);
        users.save(engineer);
        HttpResponse<String> r = session.get("/users");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(session.get("/").statusCode()).isEqualTo(302);

        WebSession again = WebSession.login(port, "engineer-elsewhere", "engineer-elsewhere-pw");
        assertThat(again.get("/").statusCode()).isEqualTo(200);
        AppUser reloaded = users.findByUsername("engineer-elsewhere").orElseThrow();
        reloaded.setEnabled(false);
        users.save(reloaded);
        assertThat(again.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void healthIsPublic() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("UP");
    }
}
