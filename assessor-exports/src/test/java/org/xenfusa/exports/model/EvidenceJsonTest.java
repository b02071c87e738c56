package org.xenfusa.exports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.xenfusa.exports.synthetic.SyntheticEvidence;

/**
 * Evidence JSON keeps its keys while the model's types change: documents and packages made before a rename still read,
 * and a package made after it says the same thing in the same words.
 */
class EvidenceJsonTest {
    private final ReleaseEvidence evidence = SyntheticEvidence.create(SyntheticEvidence.Shape.small());

    @Test
    void directoryRowsAreWrittenWithTheirPathKeyAndReadBackEqual() {
        byte[] json = EvidenceJson.write(evidence);
        String text = new String(json, StandardCharsets.UTF_8);
        String first = evidence.configurations().get(0).directories().get(0).directory();

        assertThat(text).contains("\"path\" : \"" + first + "\"").doesNotContain("\"directory\"");
        assertThat(EvidenceJson.read(new ByteArrayInputStream(json), "evidence.json")).isEqualTo(evidence);
    }

    @Test
    void testOutcomesAndFileKindsAreWrittenByName() {
        String text = new String(EvidenceJson.write(evidence), StandardCharsets.UTF_8);

        assertThat(text).contains("\"outcome\" : \"PASSED\"", "\"outcome\" : \"FAILED\"", "\"role\" : \"COMPILED\"",
                "\"role\" : \"HEADER\"");
    }

    @Test
    void aBlankDirectoryPathIsRefusedNamingTheConfiguration() {
        String text = new String(EvidenceJson.write(evidence), StandardCharsets.UTF_8);
        String first = evidence.configurations().get(0).directories().get(0).directory();
        byte[] broken = text.replaceFirst("\"path\" : \"" + java.util.regex.Pattern.quote(first) + "\"", "\"path\" : \" \"")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EvidenceJson.read(new ByteArrayInputStream(broken), "evidence.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evidence.json").hasMessageContaining("directory path in "
                        + evidence.configurations().get(0).name());
    }
}
