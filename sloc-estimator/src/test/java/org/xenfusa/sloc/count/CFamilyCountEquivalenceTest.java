package org.xenfusa.sloc.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The byte-level C-family count must give what the general line pipeline gives, on random texts
 * built from the characters that matter (comment markers, backslashes, CR, BOM bytes, blanks).
 */
// [utest->err~line-miscounted~1]
class CFamilyCountEquivalenceTest {
    private static final String ALPHABET = "//**\\\\\n\n\n\r \t\"a0+v8\u00ef\u00bb\u00bf\u00fe\u00ff\f";

    @Test
    void byteLevelCountEqualsLineByLineCount() {
        Random random = new Random(42);
        ClocLanguage c = LanguageTable.named("C");
        ClocLanguage yacc = LanguageTable.named("yacc");
        for (int round = 0; round < 50_000; round++) {
            int length = random.nextInt(40);
            StringBuilder text = new StringBuilder(round % 7 == 0 ? "+/v8" : "");
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            for (ClocLanguage lang : new ClocLanguage[] {c, yacc}) {
                int[] fast = CFamilyCount.count(bytes, lang.continuesOnBackslash());
                FileCount slow = ClocCounter.countLineByLine(lang, bytes);
                assertThat(new int[] {fast[1], fast[0] - fast[1] - fast[2], fast[2]})
                        .as("%s %s", lang.name(), text.toString().replace("\n", "\\n").replace("\r", "\\r"))
                        .containsExactly(slow.blank(), slow.comment(), slow.code());
            }
        }
    }
}
