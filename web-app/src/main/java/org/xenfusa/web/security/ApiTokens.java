package org.xenfusa.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.model.user.ApiToken;
import org.xenfusa.model.user.ApiTokenRepository;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;

/**
 * API tokens for the REST API ({@code Authorization: Bearer fusa_...}), for CI: 32 random bytes, so that a SHA-256
 * of the token (one fast hash and one indexed look-up per request, where HTTP Basic costs a BCrypt) is safe to keep;
 * the token itself is shown once. A token acts with its user's current role and stops with a disabled user.
 */
// [impl->dsn~api-tokens~1]
public class ApiTokens {
    static final String PREFIX = "fusa_";
    private static final int HINT_LENGTH = PREFIX.length() + 4;
    /** A token's last use is written at most this often: a busy CI job must not write on every request. */
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final AppUserRepository users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(ApiTokenRepository tokens, AppUserRepository users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    /** A new token and its secret, which is shown once and never kept. */
    public record Created(ApiToken token, String secret) {
    }

    @Transactional
    public Created create(String username, String name) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("no user " + username));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(user, name, sha256(secret), secret.substring(0, HINT_LENGTH),
                clock.instant()));
        return new Created(token, secret);
    }

    /** The user a presented token acts for, with that user's current role; empty for an unknown token or a disabled user. */
    @Transactional
    public Optional<Authentication> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiToken> token = tokens.findByTokenHash(sha256(secret));
        if (token.isEmpty() || !token.get().getUser().isEnabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        tokens.markUsed(token.get().getId(), now, now.minus(USE_RECORDED_EVERY));
        AppUser user = token.get().getUser();
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(user.getUsername(), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.getRole().name()))));
    }

    @Transactional(readOnly = true)
    public List<ApiToken> of(String username) {
        return tokens.findByUserUsernameOrderByCreatedAtDesc(username);
    }

    /** Revokes one of {@code username}'s own tokens; false when it has no such token. */
    @Transactional
    public boolean revoke(String username, long id) {
        Optional<ApiToken> token = tokens.findByIdAndUserUsername(id, username);
        token.ifPresent(tokens::delete);
        return token.isPresent();
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
