package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.user.ApiTokenRepository;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;

/**
 * API tokens (issue 16, item 6: HTTP Basic runs BCrypt on every API request): made on the user's page and shown once,
 * kept only as a hash, accepted as a Bearer token with the user's current role, listed with their last use, revoked.
 */
// [utest->dsn~api-tokens~1] [utest->err~secret-stored~1]
@IntegrationTest
class ApiTokenIntegrationTest {
    private static final Pattern SECRET = Pattern.compile("id=\"new-token-secret\">(fusa_[A-Za-z0-9_-]+)<");

    @LocalServerPort int port;
    @Autowired AppUserRepository users;
    @Autowired ApiTokenRepository tokens;
    @Autowired PasswordEncoder encoder;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> api(String method, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String madeToken(WebSession web, String name) throws Exception {
        HttpResponse<String> made = web.post("/account/tokens", "name=" + WebSession.enc(name), "/account/tokens");
        assertThat(made.statusCode()).isEqualTo(302);
        String page = web.get("/account/tokens").body();
        Matcher m = SECRET.matcher(page);
        assertThat(m.find()).as("the new token on the page that follows").isTrue();
        assertThat(web.get("/account/tokens").body()).as("shown once").doesNotContain(m.group(1));
        return m.group(1);
    }

    @Test
    void aTokenWorksAsBearerWithTheUsersRoleUntilRevoked() throws Exception {
        String name = "ci" + System.nanoTime();
        users.save(new AppUser(name, encoder.encode("ci account password 1"), Role.VIEWER));
        WebSession web = WebSession.login(port, name, "ci account password 1");
        String token = madeToken(web, "nightly CI");

        // only a SHA-256 of the token is kept
        assertThat(tokens.findByUserUsernameOrderByCreatedAtDesc(name)).singleElement().satisfies(t -> {
            assertThat(t.getTokenHash()).hasSize(64).isNotEqualTo(token).doesNotContain(token.substring(5));
            assertThat(token).startsWith(t.getHint());
        });

        assertThat(api("GET", "/api/repositories", "Bearer " + token, null).statusCode()).isEqualTo(200);
        assertThat(api("POST", "/api/repositories", "Bearer " + token, "{\"location\":\"/tmp\"}").statusCode())
                .as("a VIEWER's token cannot register").isEqualTo(403);
        HttpResponse<String> unknown = api("GET", "/api/repositories", "Bearer fusa_not-a-token", null);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");

        String page = web.get("/account/tokens").body();
        assertThat(page).contains("nightly CI").contains(token.substring(0, 9) + "…").doesNotContain(">never<");

        // the user's current role counts, and a disabled user's token stops
        AppUser user = users.findByUsername(name).orElseThrow();
        user.setRole(Role.ADMIN);
        users.save(user);
        assertThat(api("POST", "/api/repositories", "Bearer " + token, "{\"location\":\"/etc\"}").statusCode())
                .as("ADMIN now: refused for the path, not the role").isEqualTo(400);
        user.setEnabled(false);
        users.save(user);
        assertThat(api("GET", "/api/repositories", "Bearer " + token, null).statusCode()).isEqualTo(401);
        user.setEnabled(true);
        user.setRole(Role.VIEWER);
        users.save(user);

        WebSession again = WebSession.login(port, name, "ci account password 1");
        long id = tokens.findByUserUsernameOrderByCreatedAtDesc(name).get(0).getId();
        assertThat(again.post("/account/tokens/" + id + "/revoke", "", "/account/tokens").statusCode()).isEqualTo(302);
        assertThat(api("GET", "/api/repositories", "Bearer " + token, null).statusCode()).isEqualTo(401);
        assertThat(tokens.findByUserUsernameOrderByCreatedAtDesc(name)).isEmpty();
    }

    @Test
    void nobodyRevokesAnotherUsersToken() throws Exception {
        String owner = "owner" + System.nanoTime();
        users.save(new AppUser(owner, encoder.encode("owner account password"), Role.ENGINEER));
        String token = madeToken(WebSession.login(port, owner, "owner account password"), "mine");
        long id = tokens.findByUserUsernameOrderByCreatedAtDesc(owner).get(0).getId();

        WebSession admin = WebSession.login(port, "admin", "test-admin-password");
        admin.post("/account/tokens/" + id + "/revoke", "", "/account/tokens");
        assertThat(admin.get("/account/tokens").body()).doesNotContain("mine");
        assertThat(api("GET", "/api/repositories", "Bearer " + token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void httpBasicStillWorksForPeople() throws Exception {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                "admin:test-admin-password".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(api("GET", "/api/repositories", basic, null).statusCode()).isEqualTo(200);
    }
}
