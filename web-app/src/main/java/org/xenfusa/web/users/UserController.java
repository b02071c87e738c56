package org.xenfusa.web.users;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;
import org.xenfusa.web.security.AccountSessions;
import org.xenfusa.web.security.PasswordPolicy;

/**
 * Users, for ADMIN: create accounts with a role, change a role, disable and enable, reset a password (every password
 * under the platform's one {@link PasswordPolicy}).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
public class UserController {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,99}");
    private static final PasswordPolicy POLICY = PasswordPolicy.standard();
    /** A new account starts with the least privilege; an ADMIN raises it on purpose. */
    static final Role NEW_USER_ROLE = Role.VIEWER;

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final AccountSessions sessions;

    public UserController(AppUserRepository users, PasswordEncoder encoder, AccountSessions sessions) {
        this.users = users;
        this.encoder = encoder;
        this.sessions = sessions;
    }

    @GetMapping("/users")
    String list(Model model) {
        model.addAttribute("users", users.findAllByOrderByUsernameAsc());
        model.addAttribute("roles", Role.values());
        model.addAttribute("newUserRole", NEW_USER_ROLE);
        return "users/list";
    }

    @PostMapping("/users")
    @Transactional
    String create(@RequestParam String username, @RequestParam String password,
            @RequestParam(defaultValue = "VIEWER") Role role,
            RedirectAttributes redirect) {
        String name = username.strip();
        if (!NAME.matcher(name).matches()) {
            redirect.addFlashAttribute("error", "User name '" + name + "' is not valid: letters, digits, '.', '_', '@', '-'");
        } else if (users.findByUsername(name).isPresent()) {
            redirect.addFlashAttribute("error", "A user named '" + name + "' exists already");
        } else if (POLICY.refusal(name, password).isPresent()) {
            redirect.addFlashAttribute("error", POLICY.refusal(name, password).get());
        } else {
            users.save(new AppUser(name, encoder.encode(password), role));
            redirect.addFlashAttribute("notice", "Created " + name + " (" + role + ")");
        }
        return "redirect:/users";
    }

    /** Whether a change would leave no enabled ADMIN, so that nobody could manage users any more. */
    static boolean removesLastAdmin(Role role, boolean enabled, Role newRole, boolean newEnabled, long enabledAdmins) {
        boolean wasAdmin = role == Role.ADMIN && enabled;
        boolean staysAdmin = newRole == Role.ADMIN && newEnabled;
        return wasAdmin && !staysAdmin && enabledAdmins <= 1;
    }

    @PostMapping("/users/{id}")
    @Transactional
    String update(@PathVariable long id, @RequestParam Role role, @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "") String password, Authentication auth, RedirectAttributes redirect) {
        AppUser user = users.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + id));
        if (removesLastAdmin(user.getRole(), user.isEnabled(), role, enabled, users.countByRoleAndEnabledTrue(Role.ADMIN))) {
            redirect.addFlashAttribute("error", "Not changed: " + user.getUsername() + " is the last enabled ADMIN");
            return "redirect:/users";
        }
        Optional<String> weak = password.isEmpty() ? Optional.empty() : POLICY.refusal(user.getUsername(), password);
        if (weak.isPresent()) {
            redirect.addFlashAttribute("error", "Not changed: " + weak.get());
            return "redirect:/users";
        }
        boolean endsSessions = user.getRole() != role || user.isEnabled() != enabled || !password.isEmpty();
        user.setRole(role);
        user.setEnabled(enabled);
        if (!password.isEmpty()) {
            user.setPasswordHash(encoder.encode(password));
        }
        users.save(user);
        int ended = endsSessions ? sessions.endSessions(user.getUsername()) : 0;
        redirect.addFlashAttribute("notice", "Saved " + user.getUsername() + " (by " + auth.getName() + ")"
                + (ended > 0 ? "; ended " + ended + " open session(s)" : ""));
        return "redirect:/users";
    }
}
