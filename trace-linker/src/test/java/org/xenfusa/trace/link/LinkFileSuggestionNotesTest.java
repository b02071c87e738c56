package org.xenfusa.trace.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.SpecificationItemId;

/** The optional {@code score} and {@code reasons} of suggested draft links: written, read back, checked for shape. */
class LinkFileSuggestionNotesTest {
    @Test
    void suggestedDraftsKeepTheirScoreAndReasonsThroughAWriteAndARead() {
        CodeLink draft = new CodeLink(SpecificationItemId.parse("XenSwdgn~read_freq~1"), "xen/arch/arm/time.c",
                "preinit_xen_time", Optional.empty(), "impl", Optional.empty(), ReviewState.DRAFT, Optional.empty(),
                Optional.empty(), new Location("(suggested)", 0));
        String yaml = LinkFileWriter.write(List.of(draft), List.of(), Map.of(draft,
                new LinkFileWriter.SuggestionNote(12.3456, List.of("CNTFRQ_EL0 in body", "say \"hi\" in string"))));
        assertThat(yaml).contains("        state: draft\n        score: 12.346\n        reasons:\n"
                + "          - \"CNTFRQ_EL0 in body\"\n          - \"say \\\"hi\\\" in string\"\n");
        LinkSet read = LinkFileReader.read("suggested.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(read.problems()).isEmpty();
        assertThat(read.code()).singleElement().satisfies(c -> {
            assertThat(c.function()).isEqualTo("preinit_xen_time");
            assertThat(c.state()).isEqualTo(ReviewState.DRAFT);
        });
    }

    @Test
    void aScoreThatIsNoNumberOrReasonsThatAreNoListAreErrorsWithTheirLine() {
        String yaml = """
                version: 1
                links:
                  - requirement: XenSwdgn~a~1
                    code:
                      - file: a.c
                        function: f
                        score: high
                      - file: a.c
                        function: g
                        reasons: because
                      - file: a.c
                        function: h
                        score: 2.5
                        reasons: [name matched]
                """;
        LinkSet read = LinkFileReader.read("bad.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(read.code()).extracting(CodeLink::function).containsExactly("h");
        assertThat(read.problems()).extracting(Object::toString).containsExactly(
                "bad.yaml:7: 'score' must be a number (a suggestion's score), not 'high'",
                "bad.yaml:10: 'reasons' must be a list of texts (why a suggestion was made)");
    }
}
