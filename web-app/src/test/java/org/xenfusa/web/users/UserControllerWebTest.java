package org.xenfusa.web.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.xenfusa.web.SecuredSlice;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.Role;

/** The Users page's binding, validation and ADMIN-only access, with the repository mocked. */
class UserControllerWebTest extends SecuredSlice {
    @Autowired
    MockMvc mvc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    @WithMockUser(roles = "ENGINEER")
    void onlyAnAdminReachesTheUsers() throws Exception {
        mvc.perform(get("/users")).andExpect(status().isForbidden());
        mvc.perform(post("/users").with(csrf()).param("username", "someone").param("password", "long enough password")
                .param("role", "ADMIN")).andExpect(status().isForbidden());
        verify(users, never()).save(any());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anInvalidNameIsRefusedWithTheReason() throws Exception {
        mvc.perform(post("/users").with(csrf()).param("username", " bad name ").param("password", "long enough password")
                .param("role", "VIEWER"))
                .andExpect(redirectedUrl("/users"))
                .andExpect(flash().attribute("error",
                        "User name 'bad name' is not valid: letters, digits, '.', '_', '@', '-'"));
        verify(users, never()).save(any());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anExistingNameOrAShortPasswordIsRefused() throws Exception {
        when(users.findByUsername("taken")).thenReturn(Optional.of(new AppUser("taken", "x", Role.VIEWER)));
        mvc.perform(post("/users").with(csrf()).param("username", "taken").param("password", "long enough password")
                .param("role", "VIEWER"))
                .andExpect(flash().attribute("error", "A user named 'taken' exists already"));
        mvc.perform(post("/users").with(csrf()).param("username", "newcomer").param("password", "elevenchars")
                .param("role", "VIEWER"))
                .andExpect(flash().attribute("error", "The password needs at least 12 characters"));
        verify(users, never()).save(any());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aValidUserIsSavedWithAHashedPassword() throws Exception {
        mvc.perform(post("/users").with(csrf()).param("username", " eve.x ").param("password", "twelve chars")
                .param("role", "ASSESSOR"))
                .andExpect(redirectedUrl("/users"))
                .andExpect(flash().attribute("notice", "Created eve.x (ASSESSOR)"));
        ArgumentCaptor<AppUser> saved = ArgumentCaptor.forClass(AppUser.class);
        verify(users).save(saved.capture());
        assertThat(saved.getValue().getUsername()).isEqualTo("eve.x");
        assertThat(saved.getValue().getRole()).isEqualTo(Role.ASSESSOR);
        assertThat(encoder.matches("twelve chars", saved.getValue().getPasswordHash()))
                .isTrue();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void anUnknownRoleIsABadRequest() throws Exception {
        mvc.perform(post("/users").with(csrf()).param("username", "someone").param("password", "long enough password")
                .param("role", "ROOT")).andExpect(status().isBadRequest());
        verify(users, never()).save(any());
    }

    @Test
    @WithMockUser(username = "boss", roles = "ADMIN")
    void theLastAdminCannotBeDemotedOverHttp() throws Exception {
        AppUser admin = new AppUser("boss", "x", Role.ADMIN);
        when(users.findById(1L)).thenReturn(Optional.of(admin));
        when(users.countByRoleAndEnabledTrue(Role.ADMIN)).thenReturn(1L);

        mvc.perform(post("/users/1").with(csrf()).param("role", "VIEWER").param("enabled", "true"))
                .andExpect(redirectedUrl("/users"))
                .andExpect(flash().attribute("error", "Not changed: boss is the last enabled ADMIN"));
        verify(users, never()).save(any());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void changingAnUnknownUserIsNotFound() throws Exception {
        when(users.findById(99L)).thenReturn(Optional.empty());
        mvc.perform(post("/users/99").with(csrf()).param("role", "VIEWER")).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aFormWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/users").param("username", "someone").param("password", "long enough password")
                .param("role", "VIEWER")).andExpect(status().isForbidden());
        verify(users, never()).save(any());
    }
}
