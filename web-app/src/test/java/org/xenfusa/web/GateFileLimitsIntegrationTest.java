package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xenfusa.web.readiness.ReadinessService;

/** Saving a gate file with thousands of nested levels is refused with its line, not an HTTP 500. */
@IntegrationTest
class GateFileLimitsIntegrationTest {
    @LocalServerPort int port;
    @Autowired ReadinessService readiness;

    @Test
    void aNestingBombIsRefusedWithItsLine() throws Exception {
        String before = readiness.gateText();
        WebSession admin = WebSession.login(port, "admin", "test-admin-password");
        HttpResponse<String> r = admin.post("/readiness/gates", "text=" + WebSession.enc(
                "all:\n  suspect-links-max: " + "[".repeat(5000) + "]".repeat(5000) + "\n"), "/readiness/gates");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(admin.get("/readiness/gates").body()).contains(":2: not accepted: Nesting Depth exceeded max 20");
        assertThat(readiness.gateText()).isEqualTo(before);
    }
}
