package org.xenfusa.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;

/** FUSA_ADMIN_PASSWORD=a made a one-character ADMIN password (issue 16, item 5): a weak one now stops the start. */
class AdminAccountBootstrapTest {
    private final AppUserRepository users = mock(AppUserRepository.class);
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);

    @Test
    void aOneCharacterAdminPasswordStopsTheStartNamingTheRule() {
        assertThatThrownBy(() -> new AdminAccountBootstrap(users, encoder, "a", "admin").run(null))
                .isInstanceOf(WeakAdminPasswordException.class)
                .hasMessage("FUSA_ADMIN_PASSWORD (fusa.admin-password) is refused: The password needs at least 12 characters");
        verify(users, never()).save(any());
    }

    @Test
    void aWeakAdminPasswordStopsTheStartAlsoWhenAnAdminExists() {
        when(users.existsByRole(Role.ADMIN)).thenReturn(true);
        assertThatThrownBy(() -> new AdminAccountBootstrap(users, encoder, "admin1234567890", "admin").run(null))
                .hasMessageContaining("may not be the user name");
        assertThatThrownBy(() -> new AdminAccountBootstrap(users, encoder, "            ", "admin").run(null))
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

    @Test
    void aStrongAdminPasswordOrNoneMakesTheAdmin() {
        new AdminAccountBootstrap(users, encoder, "correct horse battery staple", "admin").run(null);
        ArgumentCaptor<AppUser> saved = ArgumentCaptor.forClass(AppUser.class);
        verify(users).save(saved.capture());
        assertThat(encoder.matches("correct horse battery staple", saved.getValue().getPasswordHash())).isTrue();

        AppUserRepository fresh = mock(AppUserRepository.class);
        new AdminAccountBootstrap(fresh, encoder, "", "admin").run(null);
        verify(fresh).save(any());
    }
}
