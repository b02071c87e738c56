package org.xenfusa.sloc.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Cached counts are keyed by {@link ClocCounter#RULES_VERSION}: a change to the language table
 * (a language, an extension, a filter, a not-code name, an extension resolved by content) without a new version would leave counts of
 * the old rules in every cache. The table's fingerprint is recorded here per version.
 */
// [utest->err~stale-cached-count~1]
class ClocRulesVersionTest {
    private static final Map<Integer, String> FINGERPRINTS = Map.of(
            3, "a1847641ea9b2fb03aee89ef1d935c28ced7cf5face8de6a0c90f9a0255574b4");

    @Test
    void theTableMatchesTheFingerprintOfItsVersion() throws NoSuchAlgorithmException {
        StringBuilder rules = new StringBuilder();
        LanguageTable.all().forEach(l -> rules.append(l).append('\n'));
        rules.append(new TreeSet<>(LanguageClassifier.NOT_CODE_EXTENSIONS)).append('\n');
        rules.append(new TreeSet<>(LanguageClassifier.NOT_CODE_FILE_NAMES)).append('\n');
        rules.append(new TreeSet<>(LanguageClassifier.AMBIGUOUS.keySet())).append('\n');
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(rules.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(fingerprint).as("the counting rules changed: raise ClocCounter.RULES_VERSION (now %d) and record"
                + " this fingerprint for the new version", ClocCounter.RULES_VERSION)
                .isEqualTo(FINGERPRINTS.get(ClocCounter.RULES_VERSION));
    }
}
