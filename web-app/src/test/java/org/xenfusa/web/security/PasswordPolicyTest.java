package org.xenfusa.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one password policy: the weak passwords the platform accepted before (issue 16, item 5) are refused, each with its rule. */
// [utest->dsn~password-policy~1] [utest->err~access-beyond-role~1]
class PasswordPolicyTest {
    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void twelveSpacesOrNothingIsRefused() {
        assertThat(policy.refusal("alice", "            ")).contains("The password may not be empty or only spaces");
        assertThat(policy.refusal("alice", "")).contains("The password may not be empty or only spaces");
    }

    @Test
    void aOneCharacterPasswordIsRefused() {
        assertThat(policy.refusal("admin", "a")).contains("The password needs at least 12 characters");
        assertThat(policy.refusal("admin", "elevenchars")).contains("The password needs at least 12 characters");
    }

    @Test
    void theUserNameOrTheUserNameWithAFewCharactersIsRefused() {
        String rule = "The password may not be the user name, nor contain it with fewer than 12 other characters";
        assertThat(policy.refusal("christopher.w", "christopher.w")).contains(rule);
        assertThat(policy.refusal("christopher.w", "Christopher.W-2026")).contains(rule);
        // the name is public: it adds nothing, but a long passphrase that happens to hold it is fine
        assertThat(policy.refusal("admin", "test-admin-password")).isEmpty();
    }

    @Test
    void fewDifferentCharactersAreRefused() {
        assertThat(policy.refusal("alice", "aaaaaaaaaaaa")).contains("The password needs at least 5 different characters");
        assertThat(policy.refusal("alice", "abababababab")).contains("The password needs at least 5 different characters");
    }

    @Test
    void aCommonPasswordAlsoWithDigitsOrSymbolsAddedIsRefused() {
        String rule = "The password is one of the 30,000 most common passwords (or one with digits or symbols added): choose another";
        assertThat(policy.refusal("alice", "qwertyuiopasdfgh")).isEmpty();
        assertThat(policy.refusal("alice", "1qaz2wsx3edc")).contains(rule);
        assertThat(policy.refusal("alice", "Sunshine2026!")).contains(rule);
        assertThat(policy.refusal("alice", "!!!!iloveyou")).contains(rule);
        assertThat(policy.refusal("alice", "123456789012")).contains(rule);
        assertThat(policy.refusal("alice", "839201746352")).isEmpty();
    }

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThat(policy.refusal("alice", "correct horse battery staple")).isEmpty();
        assertThat(policy.refusal("alice", "a-long-password-1")).isEmpty();
    }
}
