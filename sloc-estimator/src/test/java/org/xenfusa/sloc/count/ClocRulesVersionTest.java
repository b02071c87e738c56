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
class ClocRulesVersionTest {
    private static final Map<Integer, String> FINGERPRINTS = Map.of(
            3, "3e7a0f2aa90d8bb651c2ed1558c5508162a505192e3fe218d6cbcbc6863f4138");

    @Test
    void theTableMatchesTheFingerprintOfItsVersion() throws NoSuchAlgorithmException {
        StringBuilder rules = new StringBuilder();
        LanguageTable.all().forEach(l -> rules.append(l).append('\n'));
        LanguageTable.UNSUPPORTED.forEach(l -> rules.append(l).append('\n'));
        rules.append(new TreeSet<>(LanguageClassifier.NOT_CODE_EXTENSIONS)).append('\n');
        rules.append(new TreeSet<>(LanguageClassifier.NOT_CODE_FILE_NAMES)).append('\n');
        rules.append(new TreeSet<>(LanguageClassifier.AMBIGUOUS.keySet())).append('\n');
        rules.append(new java.util.TreeMap<>(LanguageClassifier.UNSUPPORTED_AMBIGUOUS)).append('\n');
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(rules.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(fingerprint).as("the counting rules changed: raise ClocCounter.RULES_VERSION (now %d) and record"
                + " this fingerprint for the new version", ClocCounter.RULES_VERSION)
                .isEqualTo(FINGERPRINTS.get(ClocCounter.RULES_VERSION));
    }
}
