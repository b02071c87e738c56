package org.xenfusa.web.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.xenfusa.web.SecuredSlice;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.Role;

/** A new account starts with the least privilege: the form preselects VIEWER, and a form without a role makes one. */
class UserPageTest extends SecuredSlice {
    @Autowired MockMvc mvc;

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void theNewUserFormPreselectsViewer() throws Exception {
        when(users.findAllByOrderByUsernameAsc()).thenReturn(List.of());
        String html = mvc.perform(get("/users")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int at = html.indexOf("id=\"new-role\"");
        assertThat(at).isPositive();
        String select = html.substring(at, html.indexOf("</select>", at));
        assertThat(select).contains("<option value=\"VIEWER\" selected=\"selected\">VIEWER</option>")
                .containsOnlyOnce("selected=\"selected\"");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void aNewUserWithoutAChosenRoleIsAViewer() throws Exception {
        when(users.findByUsername("newcomer")).thenReturn(Optional.empty());
        mvc.perform(post("/users").with(csrf()).param("username", "newcomer").param("password", "a-long-password-1"))
                .andExpect(status().is3xxRedirection());
        ArgumentCaptor<AppUser> saved = ArgumentCaptor.forClass(AppUser.class);
        verify(users).save(saved.capture());
        assertThat(saved.getValue().getRole()).isEqualTo(Role.VIEWER);
    }

    @Test
    @WithMockUser(username = "assessor", roles = "ASSESSOR")
    void onlyAnAdminSeesUsers() throws Exception {
        mvc.perform(get("/users")).andExpect(status().isForbidden());
        mvc.perform(post("/users").with(csrf()).param("username", "x1").param("password", "a-long-password-1"))
                .andExpect(status().isForbidden());
        verify(users, org.mockito.Mockito.never()).save(any());
    }
}
