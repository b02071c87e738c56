package org.xenfusa.web.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.model.audit.AuditRevisionListener;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;

/**
 * Creates the first ADMIN on a fresh database: with {@code FUSA_ADMIN_PASSWORD} when it is set,
 * otherwise with a random password printed once to the console. Also tells Envers who acts. A
 * {@code FUSA_ADMIN_PASSWORD} that the {@link PasswordPolicy} refuses stops the start with the rule it breaks,
 * whether or not an ADMIN exists already: a weak setting is a mistake to fix, never to ignore.
 */
@Component
@Order(0)
public class AdminAccountBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminAccountBootstrap.class);

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final String configuredPassword;
    private final String adminName;

    public AdminAccountBootstrap(AppUserRepository users, PasswordEncoder encoder,
            @Value("${fusa.admin-password:}") String configuredPassword,
            @Value("${fusa.admin-username:admin}") String adminName) {
        this.users = users;
        this.encoder = encoder;
        this.configuredPassword = configuredPassword;
        this.adminName = adminName;
        AuditRevisionListener.useCurrentUser(CurrentUser::nameOrSystem);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean generated = configuredPassword == null || configuredPassword.isEmpty();
        if (!generated) {
            PasswordPolicy.standard().refusal(adminName, configuredPassword).ifPresent(rule -> {
                throw new WeakAdminPasswordException(rule);
            });
        }
        if (users.existsByRole(Role.ADMIN)) {
            return;
        }
        String password = configuredPassword;
        if (generated) {
            byte[] bytes = new byte[15];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        users.save(new AppUser(adminName, encoder.encode(password), Role.ADMIN));
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
}
