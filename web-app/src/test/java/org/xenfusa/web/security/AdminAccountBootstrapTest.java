package org.xenfusa.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * FUSA_ADMIN_PASSWORD=a made a one-character ADMIN password (issue 16, item 5): a weak one now stops the start, before
 * the database is even asked. (Creating the ADMIN, also by instances starting together:
 * {@link AdminBootstrapRaceIntegrationTest}.)
 */
class AdminAccountBootstrapTest {
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

    @Test
    void aOneCharacterAdminPasswordStopsTheStartNamingTheRule() {
        assertThatThrownBy(() -> new AdminAccountBootstrap(jdbc, transactions, encoder, "a", "admin").run(null))
                .isInstanceOf(WeakAdminPasswordException.class)
                .hasMessage("FUSA_ADMIN_PASSWORD (fusa.admin-password) is refused: The password needs at least 12 characters");
        verifyNoInteractions(jdbc, transactions);
    }

    @Test
    void aWeakAdminPasswordStopsTheStartAlsoWhenAnAdminExists() {
        assertThatThrownBy(() -> new AdminAccountBootstrap(jdbc, transactions, encoder, "admin1234567890", "admin").run(null))
                .hasMessageContaining("may not be the user name");
        assertThatThrownBy(() -> new AdminAccountBootstrap(jdbc, transactions, encoder, "            ", "admin").run(null))
                .hasMessageContaining("may not be empty or only spaces");
    }

    @Test
    void theStartFailureSaysWhatToDoWithoutAStackTrace() {
        FailureAnalysis analysis = new WeakAdminPasswordFailureAnalyzer()
                .analyze(new IllegalStateException("runner failed", new WeakAdminPasswordException("The password needs at least 12 characters")));
        assertThat(analysis.getDescription()).isEqualTo(
                "FUSA_ADMIN_PASSWORD (fusa.admin-password) is refused: The password needs at least 12 characters");
        assertThat(analysis.getAction()).contains("at least 12 characters").contains("unset it");
    }
}
