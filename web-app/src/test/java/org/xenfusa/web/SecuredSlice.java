package org.xenfusa.web;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.xenfusa.model.user.ApiTokenRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.web.security.AccountSessions;

/**
 * What every {@code @WebMvcTest} slice with the platform's security needs: a mocked user repository that answers the
 * per-request account check with the test's mock user ({@link MockAccounts}), the session registry's facade and the
 * API tokens' repository.
 */
public abstract class SecuredSlice {
    @MockitoBean
    protected AppUserRepository users;

    @MockitoBean
    protected AccountSessions accountSessions;

    @MockitoBean
    protected ApiTokenRepository apiTokens;

    @BeforeEach
    void accountsFollowTheMockUser() {
        MockAccounts.followTheMockUser(users);
    }
}
