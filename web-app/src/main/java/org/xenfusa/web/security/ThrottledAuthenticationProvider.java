package org.xenfusa.web.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password logins (the login form and the API's HTTP Basic) through the {@link LoginThrottle}: a locked account and
 * address or a locked address is refused before its password is even hashed, an account under attack from many
 * addresses waits before its password is checked, a wrong password or unknown name is counted.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {
    /** Waits a while (Thread.sleep, or a recorder in tests). */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final Pause pause;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this(passwords, throttle, d -> Thread.sleep(d.toMillis()));
    }

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle, Pause pause) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.pause = pause;
    }

    @Override
    public Authentication authenticate(Authentication login) throws AuthenticationException {
        String name = login.getName();
        String address = address(login);
        Optional<Duration> locked = throttle.lockedFor(name, address);
        if (locked.isPresent()) {
            throw new LoginThrottledException(locked.get());
        }
        Duration delay = throttle.delayFor(name);
        if (!delay.isZero()) {
            try {
                pause.pause(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoginThrottledException(delay);
            }
        }
        try {
            Authentication done = passwords.authenticate(login);
            if (done != null) {
                throttle.succeeded(name, address);
            }
            return done;
        } catch (BadCredentialsException wrong) {
            throttle.failed(name, address);
            throw wrong;
        }
    }

    /** The client's address; requests without web details (none today) share one count. */
    private static String address(Authentication login) {
        return login.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
