package org.xenfusa.web.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Back to the login page: {@code ?locked=SECONDS} when logins are throttled, {@code ?error} otherwise. */
final class LoginFailureHandler implements AuthenticationFailureHandler {
    private final DefaultRedirectStrategy redirect = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        String target = failure instanceof LoginThrottledException locked
                ? "/login?locked=" + locked.seconds() : "/login?error";
        redirect.sendRedirect(request, response, target);
    }
}
