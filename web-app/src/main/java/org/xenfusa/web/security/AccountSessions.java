package org.xenfusa.web.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;

/**
 * Ends every open session of an account at once, when its role, enabled flag or password changes: the sessions live in
 * the database ({@link SecurityConfig#sessionRegistry}), so those opened through any instance end.
 */
@Service
public class AccountSessions {
    private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

    private final SessionRegistry registry;

    public AccountSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Expires the sessions of {@code username}; their next request goes to the login page. Returns how many. */
    public int endSessions(String username) {
        int ended = 0;
        for (SessionInformation session : registry.getAllSessions(username, false)) {
            session.expireNow();
            ended++;
        }
        if (ended > 0) {
            log.info("Ended {} session(s) of {}", ended, username);
        }
        return ended;
    }
}
