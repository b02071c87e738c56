package org.xenfusa.web.users;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xenfusa.web.security.ApiTokens;

/**
 * Every signed-in user's own API tokens for the REST API (CI jobs): make one (its secret is shown once, on the page
 * that follows), see when each was made and last used, revoke one.
 */
@Controller
public class ApiTokenController {
    private static final int MAX_NAME = 100;

    private final ApiTokens tokens;

    public ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/account/tokens")
    String list(Authentication auth, Model model) {
        model.addAttribute("tokens", tokens.of(auth.getName()));
        return "users/tokens";
    }

    @PostMapping("/account/tokens")
    String create(@RequestParam(defaultValue = "") String name, Authentication auth, RedirectAttributes redirect) {
        String label = name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME) {
            redirect.addFlashAttribute("error", "A token needs a name of 1 to " + MAX_NAME + " characters (what uses it, e.g. nightly CI)");
            return "redirect:/account/tokens";
        }
        ApiTokens.Created created = tokens.create(auth.getName(), label);
        redirect.addFlashAttribute("secret", created.secret());
        redirect.addFlashAttribute("notice", "Made the token '" + label + "': copy it now, it is shown only this once");
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
        if (tokens.revoke(auth.getName(), id)) {
            redirect.addFlashAttribute("notice", "Revoked the token");
        } else {
            redirect.addFlashAttribute("error", "You have no token " + id);
        }
        return "redirect:/account/tokens";
    }
}
