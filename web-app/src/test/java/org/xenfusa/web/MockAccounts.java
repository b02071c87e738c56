package org.xenfusa.web;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.lenient;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;

/**
 * For slice tests with a mocked user repository: every request re-checks the signed-in account (a disabled or demoted
 * user's session ends at once), so the mock answers with an enabled account that has the role of the test's mock user.
 */
public final class MockAccounts {
    private MockAccounts() {
    }

    public static void followTheMockUser(AppUserRepository users) {
        lenient().when(users.findByUsername(anyString())).thenAnswer(call -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            String name = call.getArgument(0);
            if (auth == null || !auth.getName().equals(name)) {
                return Optional.empty();
            }
            Role role = auth.getAuthorities().stream().map(a -> a.getAuthority())
                    .filter(a -> a.startsWith("ROLE_")).map(a -> Role.valueOf(a.substring(5))).findFirst()
                    .orElse(Role.VIEWER);
            return Optional.of(new AppUser(name, "{noop}unused", role));
        });
    }
}
