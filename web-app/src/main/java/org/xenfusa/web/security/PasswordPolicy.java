package org.xenfusa.web.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one password policy of the platform, for every password it sets: an account created or changed on the Users
 * page and the first ADMIN's {@code FUSA_ADMIN_PASSWORD}. A password needs {@value #MIN_LENGTH} characters, not
 * counting the user name it may contain (the name is public, so "admin" plus seven digits is as weak as the
 * digits); it may not be whitespace only, nor use fewer than {@value #MIN_DISTINCT} different characters, nor be
 * one of the 30,000 most common passwords, also with digits or symbols added before or after it ("sunshine2026!").
 */
// [impl->dsn~password-policy~1]
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    static final int MIN_DISTINCT = 5;
    /** "1234567890" + "12" is common; a random twelve-digit number merely starting with a common one is not. */
    private static final int MAX_ADDED_TO_DIGITS = 4;
    private static final String LIST = "/security/common-passwords.txt";

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    /** The policy with the shipped list of common passwords. */
    public static PasswordPolicy standard() {
        return Shipped.POLICY;
    }

    private static final class Shipped {
        static final PasswordPolicy POLICY = new PasswordPolicy(load());

        private static Set<String> load() {
            try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
                if (in == null) {
                    throw new IllegalStateException("the list of common passwords " + LIST + " is missing from the jar");
                }
                Set<String> words = new HashSet<>();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        words.add(line.strip().toLowerCase(Locale.ROOT));
                    }
                }
                return Set.copyOf(words);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + LIST, e);
            }
        }
    }

    /** Why {@code password} is refused for the account {@code username}, naming the rule; empty when it is accepted. */
    public Optional<String> refusal(String username, String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("The password may not be empty or only spaces");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (length(password) < MIN_LENGTH) {
            return Optional.of("The password needs at least " + MIN_LENGTH + " characters");
        }
        if (!name.isEmpty() && lower.contains(name) && length(lower.replace(name, "")) < MIN_LENGTH) {
            return Optional.of("The password may not be the user name, nor contain it with fewer than "
                    + MIN_LENGTH + " other characters");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            return Optional.of("The password needs at least " + MIN_DISTINCT + " different characters");
        }
        if (common.contains(lower) || commonWithAdditions(lower)) {
            return Optional.of("The password is one of the 30,000 most common passwords (or one with digits or symbols"
                    + " added): choose another");
        }
        return Optional.empty();
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Whether the password is a common one with digits, spaces or symbols added before or after it: "sunshine2026!",
     * "!!iloveyou", "1234567890" + "12".
     */
    private boolean commonWithAdditions(String lower) {
        for (int cut = lower.length() - 1; cut > 0 && !Character.isLetter(lower.charAt(cut)); cut--) {
            if (isCommonBase(lower.substring(0, cut), lower.length() - cut)) {
                return true;
            }
        }
        for (int cut = 1; cut < lower.length() && !Character.isLetter(lower.charAt(cut - 1)); cut++) {
            if (isCommonBase(lower.substring(cut), cut)) {
                return true;
            }
        }
        return false;
    }

    /** A common password with {@code added} characters around it; without letters only a few may be added. */
    private boolean isCommonBase(String base, int added) {
        return (base.chars().anyMatch(Character::isLetter) || added <= MAX_ADDED_TO_DIGITS) && common.contains(base);
    }
}
