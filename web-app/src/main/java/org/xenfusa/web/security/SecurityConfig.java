package org.xenfusa.web.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.xenfusa.model.user.ApiTokenRepository;
import org.xenfusa.model.user.AppUserRepository;

/**
 * Form login with BCrypt for people, HTTP Basic or an API token without a session for the REST API (so that a
 * browser's session cookie can never be replayed against it and CSRF tokens are not needed there).
 * A browser session ends as soon as its account's role or enabled flag changes. Password logins are throttled per
 * account and address and per address, shared by the instances through the database ({@link LoginThrottle}). Every answer carries a Content-Security-Policy that allows only the
 * platform's own scripts (no inline script, no event-handler attribute: they live in static/js), a Referrer-Policy
 * and a Permissions-Policy; the session cookie is SameSite=Lax (application.properties).
 */
// [impl->dsn~web-security~1]
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    /**
     * Scripts only from the platform itself. Styles also inline: the templates still carry a few {@code style}
     * attributes (margins, progress-bar widths), which is all {@code 'unsafe-inline'} allows here; no script can
     * be injected through it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** JSON needs nothing: no script, style or frame. */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(AppUserRepository users) {
        return username -> users.findByUsername(username)
                .map(u -> User.withUsername(u.getUsername())
                        .password(u.getPasswordHash())
                        .roles(u.getRole().name())
                        .disabled(!u.isEnabled())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /**
     * Failed logins counted in the database, shared by every instance (in memory where there is no database, as in
     * the web slices that import this configuration).
     */
    @Bean
    LoginThrottle loginThrottle(ObjectProvider<JdbcTemplate> jdbc) {
        JdbcTemplate database = jdbc.getIfAvailable();
        return database == null ? new LoginThrottle(Clock.systemUTC())
                : new LoginThrottle(Clock.systemUTC(), new JdbcLoginFailures(database));
    }

    /** Passwords checked against the users' BCrypt hashes, through the throttle. */
    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService userDetails, PasswordEncoder encoder,
            LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetails);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    @Bean
    ApiTokens apiTokens(ApiTokenRepository tokens, AppUserRepository users) {
        return new ApiTokens(tokens, users, Clock.systemUTC());
    }

    /**
     * Open browser sessions per account, so that a change of role or a disabled account ends them: the sessions
     * themselves, kept in the database by Spring Session JDBC and indexed by user name, so that an ADMIN acting on
     * any instance ends the account's sessions on every instance. (Without Spring Session, as in the web slices that
     * import this configuration, an in-memory registry of this instance's sessions.)
     */
    /**
     * PostgreSQL's upsert for a session's attributes: the first requests of a new session that run at once (a page and
     * the requests it starts, several tabs) each stored its CSRF token, and all but one failed with a duplicate key,
     * answered as HTTP 500 (seen as 31 of 1,884 answers with 50 users on the dashboard).
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        FindByIndexNameSessionRepository<? extends Session> shared = sessions.getIfAvailable();
        return shared == null ? new SessionRegistryImpl() : new SpringSessionBackedSessionRegistry<>(shared);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers("/api/repositories/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .addFilterBefore(new ApiTokenFilter(tokens), BasicAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(API_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, SessionRegistry sessionRegistry, AppUserRepository users)
            throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/repositories").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/repositories/*/ingest", "/jobs/*/cancel").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true)
                        .failureHandler(new LoginFailureHandler()).permitAll())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)))
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login?expired"))
                .addFilterBefore(new CurrentAccountFilter(users), AuthorizationFilter.class);
        return http.build();
    }
}
