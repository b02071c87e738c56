package org.xenfusa.trace.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Xen's "Comments:" text stays in the imported rationale (as OpenFastTrace reads it) and is split for display. */
class RationaleAndCommentsTest {
    private static SpecificationItem item(String text) {
        return MarkupSpecificationImporter.importFile(MarkupDialect.RESTRUCTURED_TEXT, "docs/a.rst",
                text.getBytes(StandardCharsets.UTF_8)).items().get(0);
    }

    @Test
    void xensCommentsAreSplitFromTheRationaleWithoutChangingTheImportedItem() {
        SpecificationItem i = item("""
                Probe the timer
                ---------------

                `XenSwdgn~timer_probe~1`

                Description:
                Xen shall probe the timer.

                Rationale:
                The domain needs a clock.

                Comments:
                Domains can detect the timer node.
                Second line.

                Covers:
                 - `XenProd~timer~1`
                """);
        // what OpenFastTrace does: "Comments:" is no keyword, so its text is rationale
        assertThat(i.rationale()).contains("Comments:").contains("Domains can detect the timer node.");
        assertThat(i.comment()).isEmpty();

        RationaleAndComments view = RationaleAndComments.of(i);
        assertThat(view.rationale()).isEqualTo("The domain needs a clock.");
        assertThat(view.comments()).isEqualTo("Domains can detect the timer node.\nSecond line.");
    }

    @Test
    void anEmptyRationaleWithCommentsAndTextOnTheKeywordLine() {
        assertThat(RationaleAndComments.of("Comments:\nDomains can detect it."))
                .isEqualTo(new RationaleAndComments("", "Domains can detect it."));
        assertThat(RationaleAndComments.of("Because.\nComments: inline note"))
                .isEqualTo(new RationaleAndComments("Because.", "inline note"));
        assertThat(RationaleAndComments.of("Just a rationale.\nNo comments here."))
                .isEqualTo(new RationaleAndComments("Just a rationale.\nNo comments here.", ""));
        assertThat(RationaleAndComments.of("")).isEqualTo(new RationaleAndComments("", ""));
    }
}
