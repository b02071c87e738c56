package org.xenfusa.web.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xenfusa.model.audit.AuditRevisionListener;
import org.xenfusa.model.user.Role;

/**
 * Creates the first ADMIN on a fresh database: with {@code FUSA_ADMIN_PASSWORD} when it is set,
 * otherwise with a random password printed once to the console. Also tells Envers who acts. A
 * {@code FUSA_ADMIN_PASSWORD} that the {@link PasswordPolicy} refuses stops the start with the rule it breaks,
 * whether or not an ADMIN exists already: a weak setting is a mistake to fix, never to ignore.
 * <p>
 * Several instances may start together on an empty database: the check and the insert run in one transaction under
 * a PostgreSQL advisory lock, so exactly one of them creates the ADMIN and the others find it (the insert also yields
 * to an existing account of that name instead of failing on the unique user name).
 */
@Component
@Order(0)
public class AdminAccountBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminAccountBootstrap.class);

    /** The advisory lock that serialises the first-ADMIN check and insert across instances ("FUSAADMN"). */
    static final long BOOTSTRAP_LOCK = 0x4655534141444d4eL;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PasswordEncoder encoder;
    private final String configuredPassword;
    private final String adminName;

    public AdminAccountBootstrap(JdbcTemplate jdbc, PlatformTransactionManager transactions, PasswordEncoder encoder,
            @Value("${fusa.admin-password:}") String configuredPassword,
            @Value("${fusa.admin-username:admin}") String adminName) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.encoder = encoder;
        this.configuredPassword = configuredPassword;
        this.adminName = adminName;
        AuditRevisionListener.useCurrentUser(CurrentUser::nameOrSystem);
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean generated = configuredPassword == null || configuredPassword.isEmpty();
        if (!generated) {
            PasswordPolicy.standard().refusal(adminName, configuredPassword).ifPresent(rule -> {
                throw new WeakAdminPasswordException(rule);
            });
        }
        if (adminExists()) {
            return;
        }
        String password = configuredPassword;
        if (generated) {
            byte[] bytes = new byte[15];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        String hash = encoder.encode(password);
        Boolean created = transaction.execute(status -> createFirstAdmin(hash));
        if (!Boolean.TRUE.equals(created)) {
            return;
        }
        if (generated) {
            // Printed once, on purpose to the console and not to a log file that might be shipped.
            System.out.println("""

                    ==================================================================
                     First start: created the ADMIN account
                       user:     %s
                       password: %s
                     This password is shown only now. Set FUSA_ADMIN_PASSWORD to choose it.
                    ==================================================================
                    """.formatted(adminName, password));
        } else {
            log.info("Created ADMIN account '{}' with the password from FUSA_ADMIN_PASSWORD", adminName);
        }
    }

    /**
     * Inserts the ADMIN unless one exists, holding the bootstrap lock until the transaction ends so that another
     * instance's check waits for this insert to be committed. False when nothing was created.
     */
    private boolean createFirstAdmin(String passwordHash) {
        jdbc.queryForList("select pg_advisory_xact_lock(?)", BOOTSTRAP_LOCK);
        if (adminExists()) {
            return false;
        }
        int inserted = jdbc.update("""
                insert into app_user (username, password_hash, role, enabled, created_at)
                values (?, ?, ?, true, now())
                on conflict (username) do nothing""", adminName, passwordHash, Role.ADMIN.name());
        if (inserted == 0) {
            log.warn("No ADMIN account exists and the account '{}' exists with another role: not changed; set"
                    + " fusa.admin-username to another name to create the first ADMIN", adminName);
        }
        return inserted == 1;
    }

    private boolean adminExists() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from app_user where role = ?)",
                Boolean.class, Role.ADMIN.name()));
    }
}
