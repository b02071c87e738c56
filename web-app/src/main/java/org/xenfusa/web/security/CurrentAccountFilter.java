package org.xenfusa.web.security;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;

/**
 * Ends a browser session whose account was disabled, removed or given another role since it logged
 * in, on its very next request: the role kept in a session is a copy, and a demoted ADMIN must not go
 * on acting as one (also when the change was made through another instance of the platform, which
 * the in-memory session registry cannot reach). One indexed look-up of the user per request.
 */
final class CurrentAccountFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(CurrentAccountFilter.class);

    private final AppUserRepository users;

    CurrentAccountFilter(AppUserRepository users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            Optional<AppUser> user = users.findByUsername(auth.getName());
            Optional<String> stale = staleReason(auth, user);
            if (stale.isPresent()) {
                log.info("Ended the session of {}: {}", auth.getName(), stale.get());
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }

    /** Why the session's authentication no longer matches the account, if it does not. */
    static Optional<String> staleReason(Authentication auth, Optional<AppUser> user) {
        if (user.isEmpty()) {
            return Optional.of("the account no longer exists");
        }
        if (!user.get().isEnabled()) {
            return Optional.of("the account is disabled");
        }
        // only the roles: Spring Security also grants factor authorities (FACTOR_PASSWORD) at login
        Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).collect(Collectors.toSet());
        if (!held.equals(Set.of("ROLE_" + user.get().getRole().name()))) {
            return Optional.of("the role changed from " + held + " to " + user.get().getRole());
        }
        return Optional.empty();
    }
}
