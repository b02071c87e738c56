package org.xenfusa.trace.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The importers on small inputs: fields, locations, and bad input named by file and line. */
// [utest->dsn~markup-importer~1] [utest->dsn~coverage-tags~1]
class SpecificationImportTest {
    private static SpecificationImport rst(String text) {
        return MarkupSpecificationImporter.importFile(MarkupDialect.RESTRUCTURED_TEXT, "docs/a.rst",
                text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aXenStyleItemKeepsTitleTextsLinksAndItsLine() {
        SpecificationImport imp = rst("""
                Title
                =====

                Probe the timer
                ---------------

                `XenSwdgn~timer_probe~2`

                Description:
                Xen shall probe
                the timer.

                Rationale:
                Because.

                Covers:
                 - `XenProd~timer~1`

                Needs:
                 - impl
                 - utest
                """);
        assertThat(imp.problems()).isEmpty();
        SpecificationItem i = imp.items().get(0);
        assertThat(i.id()).isEqualTo(new SpecificationItemId("XenSwdgn", "timer_probe", 2));
        assertThat(i.title()).isEqualTo("Probe the timer");
        assertThat(i.location()).isEqualTo(new Location("docs/a.rst", 7));
        assertThat(i.description()).isEqualTo("Xen shall probe\nthe timer.");
        assertThat(i.rationale()).isEqualTo("Because.");
        assertThat(i.covers()).containsExactly(SpecificationItemId.parse("XenProd~timer~1"));
        assertThat(i.needs()).containsExactly("impl", "utest");
    }

    @Test
    void aMalformedIdIsTextWithAProblemNamingFileAndLine() {
        SpecificationImport imp = rst("Intro\n\n`XenProd~no_revision`\n\n`XenProd~ok~1`\n");
        assertThat(imp.items()).extracting(SpecificationItem::id)
                .containsExactly(SpecificationItemId.parse("XenProd~ok~1"));
        assertThat(imp.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(new Location("docs/a.rst", 3));
            assertThat(p.message()).contains("malformed specification item id");
        });
    }

    @Test
    void aRevisionTooLargeIsAProblemAndTheRestIsImported() {
        SpecificationImport imp = rst("`XenProd~big~99999999999`\n\n`XenProd~ok~1`\nNeeds: impl\n");
        assertThat(imp.items()).extracting(i -> i.id().name()).containsExactly("ok");
        assertThat(imp.items().get(0).needs()).containsExactly("impl");
        assertThat(imp.problems()).singleElement().extracting(ImportProblem::location)
                .isEqualTo(new Location("docs/a.rst", 1));
    }

    @Test
    void tagsInAllFormsGiveOftsIds() {
        SpecificationImport imp = CoverageTagImporter.importFile("src/a.c", """
                // [impl->dsn~a~1] [utest->dsn~a~1]
                // [impl~~2->dsn~b~1]
                // [impl~own~3->dsn~c~1]
                // [dsn->req~d~1>>impl,utest]
                // [[e:4]]
                """.getBytes(StandardCharsets.UTF_8),
                Optional.of(new ShortTagRule(p -> true, "impl", "dsn", "pre.")));
        List<SpecificationItem> items = imp.items();
        assertThat(items).hasSize(6);
        assertThat(items.get(0).id().name()).startsWith("a-").isNotEqualTo(items.get(1).id().name());
        assertThat(items.get(0).location()).isEqualTo(new Location("src/a.c", 1));
        assertThat(items.get(2).id()).isEqualTo(new SpecificationItemId("impl", items.get(2).id().name(), 2));
        assertThat(items.get(3).id()).isEqualTo(new SpecificationItemId("impl", "own", 3));
        assertThat(items.get(4).id()).isEqualTo(new SpecificationItemId("dsn", "d", 0));
        assertThat(items.get(4).needs()).containsExactly("impl", "utest");
        assertThat(items.get(5).covers()).containsExactly(new SpecificationItemId("dsn", "pre.e", 4));
        assertThat(items.get(5).id().revision()).isEqualTo(SpecificationItemId.ANY_REVISION);
    }
}
