package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;
import org.xenfusa.web.db.EmbeddedDatabase;
import org.xenfusa.web.security.AccountSessions;

/**
 * Issue 18: page sessions lived in each instance's memory, so a load balancer needed sticky sessions. Now they live in
 * the database: a session opened on one instance serves the other, and an ADMIN ending an account's sessions on one
 * instance (issue 16: role changed, account disabled) ends those opened on the other.
 */
@IntegrationTest
class SharedSessionIntegrationTest {
    static SecondInstance second;

    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired AccountSessions sessions;
    @LocalServerPort int port;

    @BeforeAll
    static void startSecondInstance(@Autowired EmbeddedDatabase database) throws Exception {
        second = SecondInstance.start(database, "second-instance", Map.of());
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aSessionOpenedOnOneInstanceServesTheOther() throws Exception {
        users.save(new AppUser("roaming-engineer", encoder.encode("roaming-engineer-password"), Role.ENGINEER));
        WebSession here = WebSession.login(port, "roaming-engineer", "roaming-engineer-password");
        WebSession there = here.on(second.port());
        HttpResponse<String> page = there.get("/jobs");
        assertThat(page.statusCode()).as("served by the other instance without a new login").isEqualTo(200);
        assertThat(page.body()).contains("roaming-engineer");
        // a form of one instance is accepted by the other: the CSRF token lives in the shared session too
        String token = here.csrf("/account/tokens");
        assertThat(there.postWithToken("/logout", "", token).statusCode()).isEqualTo(302);
        assertThat(here.get("/jobs").statusCode()).as("logged out on every instance").isEqualTo(302);
    }

    @Test
    void endingAnAccountsSessionsOnOneInstanceEndsThoseOpenedOnTheOther() throws Exception {
        users.save(new AppUser("roaming-assessor", encoder.encode("roaming-assessor-password"), Role.ASSESSOR));
        WebSession onSecond = WebSession.login(second.port(), "roaming-assessor", "roaming-assessor-password");
        assertThat(onSecond.get("/jobs").statusCode()).isEqualTo(200);
        assertThat(sessions.endSessions("roaming-assessor")).as("found through the database").isEqualTo(1);
        HttpResponse<String> after = onSecond.get("/jobs");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login?expired");
    }
}
