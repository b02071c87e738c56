package org.xenfusa.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.Role;
import org.xenfusa.web.SecuredSlice;

/**
 * Logins (issue 16, item 5): 400 wrong passwords in 27 s were all tried and the right one then got in; a password of
 * twelve spaces or equal to the user name was accepted on the Users page.
 */
public class LoginSecurityTest extends SecuredSlice {
    private static final String RIGHT = "the right password 42";

    @Autowired
    MockMvc mvc;

    @Autowired
    PasswordEncoder encoder;

    /** The login page as the dashboard serves it, without the dashboard's services (every slice test has it). */
    @Controller
    public static class LoginPage {
        @GetMapping("/login")
        String login() {
            return "login";
        }
    }

    private String name;

    @BeforeEach
    void account() {
        // a fresh name per test: the throttle's counts live as long as the Spring context
        name = "login" + System.nanoTime();
        when(users.findByUsername(name)).thenReturn(Optional.of(new AppUser(name, encoder.encode(RIGHT), Role.VIEWER)));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private ResultActions login(String user, String password, String address)
            throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(address)).param("username", user).param("password", password));
    }

    @Test
    void theRightPasswordAfterManyWrongOnesIsRefusedWhileTheAccountIsLockedAtThatAddress() throws Exception {
        login(name, RIGHT, "10.1.0.1").andExpect(redirectedUrl("/"));
        for (int i = 0; i < 4; i++) {
            login(name, "wrong " + i, "10.1.0.1").andExpect(redirectedUrl("/login?error"));
        }
        login(name, "wrong 5", "10.1.0.1").andExpect(redirectedUrl("/login?error"));
        for (int i = 0; i < 3; i++) {
            login(name, "wrong again " + i, "10.1.0.1").andExpect(redirectedUrlPattern("/login?locked=*"));
        }
        login(name, RIGHT, "10.1.0.1").andExpect(redirectedUrlPattern("/login?locked=*"));
        // issue 18: the lock is the account's at that address, not the account's everywhere
        login(name, RIGHT, "10.1.0.99").andExpect(redirectedUrl("/"));
    }

    /** Issue 18: five wrong passwords from anywhere used to lock the account for everyone, its owner included. */
    @Test
    void anAttackerElsewhereCannotLockTheOwnerOutOfTheirOwnAddress() throws Exception {
        for (int address = 0; address < 4; address++) {
            for (int i = 0; i < 5; i++) {
                login(name, "guess " + i, "10.4.0." + address).andExpect(redirectedUrl("/login?error"));
            }
            login(name, RIGHT, "10.4.0." + address).andExpect(redirectedUrlPattern("/login?locked=*"));
        }
        login(name, RIGHT, "10.4.1.1").andExpect(redirectedUrl("/"));
    }

    @Test
    void guessingAnAccountFromManyAddressesIsSlowedNotLocked() throws Exception {
        for (int address = 0; address < LoginThrottle.ACCOUNT_FREE_FAILURES / 4; address++) {
            for (int i = 0; i < 4; i++) {
                login(name, "guess " + i, "10.5.0." + address).andExpect(redirectedUrl("/login?error"));
            }
        }
        long start = System.nanoTime();
        login(name, RIGHT, "10.5.1.1").andExpect(redirectedUrl("/"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the owner gets in, after a delay")
                .isGreaterThanOrEqualTo(LoginThrottle.ACCOUNT_DELAY);
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddressForEveryAccount() throws Exception {
        for (int i = 0; i < 30; i++) {
            login("nobody" + i + "x" + name, "guess", "10.2.0.1").andExpect(redirectedUrl("/login?error"));
        }
        login(name, RIGHT, "10.2.0.1").andExpect(redirectedUrl("/login?locked=30"));
        login(name, RIGHT, "10.2.0.2").andExpect(redirectedUrl("/"));
    }

    @Test
    void aLockedLoginIsExplainedOnTheLoginPage() throws Exception {
        mvc.perform(get("/login").param("locked", "30")).andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Too many failed logins for this account or from this address: logins are refused for 30 s more,"
                                + " also with the right password.")));
    }

    /** No API controller in this slice: an authenticated request finds nothing (404), a refused one is 401. */
    @Test
    void httpBasicIsThrottledToo() throws Exception {
        mvc.perform(get("/api/nothing").with(from("10.3.0.1")).with(httpBasic(name, RIGHT))).andExpect(status().isNotFound());
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/nothing").with(from("10.3.0.1"))
                    .with(httpBasic(name, "wrong")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/nothing").with(from("10.3.0.1"))
                .with(httpBasic(name, RIGHT)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    @WithMockUser(username = "boss", roles = "ADMIN")
    void twelveSpacesOrTheUserNameIsRefusedWhenCreatingAUser() throws Exception {
        mvc.perform(post("/users").with(csrf()).param("username", "newcomer").param("password", "            "))
                .andExpect(flash().attribute("error", "The password may not be empty or only spaces"));
        mvc.perform(post("/users").with(csrf()).param("username", "newcomer.account").param("password", "newcomer.account"))
                .andExpect(flash().attribute("error",
                        "The password may not be the user name, nor contain it with fewer than 12 other characters"));
        mvc.perform(post("/users").with(csrf()).param("username", "newcomer").param("password", "password1234"))
                .andExpect(flash().attribute("error", startsWith(
                        "The password is one of the 30,000 most common passwords")));
        verify(users, never()).save(any());
    }

    @Test
    @WithMockUser(username = "boss", roles = "ADMIN")
    void aWeakPasswordIsRefusedWhenResettingOne() throws Exception {
        AppUser someone = new AppUser("someone", "x", Role.VIEWER);
        when(users.findById(7L)).thenReturn(Optional.of(someone));
        when(users.countByRoleAndEnabledTrue(Role.ADMIN)).thenReturn(1L);
        mvc.perform(post("/users/7").with(csrf()).param("role", "VIEWER").param("enabled", "true")
                        .param("password", "someone12345"))
                .andExpect(flash().attribute("error",
                        "Not changed: The password may not be the user name, nor contain it with fewer than 12 other characters"));
        verify(users, never()).save(any());
    }
}
