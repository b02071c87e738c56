package org.xenfusa.trace.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.SpecificationItemId;

/** Link files: the format, bad entries named by file and line, and writing them back. */
// [utest->dsn~link-files~1] [utest->err~import-partly-applied~1]
class LinkFileReaderTest {
    private static final String HASH = "sha256:" + "ab".repeat(32);

    private static LinkSet read(String yaml) {
        return LinkFileReader.read("links/timer.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsCodeAndTestLinks() {
        LinkSet s = read("""
                version: 1
                links:
                  - requirement: XenSwdgn~timer~1
                    code:
                      - file: xen/arch/arm/vtimer.c
                        function: vtimer_init
                        lines: 10-40
                        reviewed-hash: %s
                        state: reviewed
                        author: alice
                        reviewer: bob
                    tests:
                      - file: tests/timer.c
                        name: timer_suite.reads_frequency
                """.formatted(HASH));
        assertThat(s.problems()).isEmpty();
        CodeLink c = s.code().get(0);
        assertThat(c.requirement()).isEqualTo(SpecificationItemId.parse("XenSwdgn~timer~1"));
        assertThat(c.lines()).contains(new CodeLink.LineRange(10, 40));
        assertThat(c.reviewedHash()).contains(HASH);
        assertThat(c.state()).isEqualTo(ReviewState.REVIEWED);
        assertThat(c.declaredAt()).isEqualTo(new Location("links/timer.yaml", 5));
        assertThat(s.tests().get(0).name()).isEqualTo("timer_suite.reads_frequency");
        assertThat(s.tests().get(0).artifactType()).isEqualTo("utest");
    }

    @Test
    void aBrokenEntryIsNamedByLineAndTheOthersAreKept() {
        LinkSet s = read("""
                version: 1
                links:
                  - requirement: XenSwdgn~no_revision
                    code:
                      - file: a.c
                        function: f
                  - requirement: XenSwdgn~ok~1
                    code:
                      - file: a.c
                        lines: 9-3
                        function: g
                      - file: a.c
                        function: h
                """);
        assertThat(s.code()).extracting(CodeLink::function).containsExactly("h");
        assertThat(s.problems()).extracting(ImportProblem::location).extracting(Location::line).containsExactly(3, 10);
        assertThat(s.problems().get(0).message()).contains("malformed requirement id");
    }

    @Test
    void aDuplicateKeyIsAProblemAtItsLineAndOnlyItsEntryIsSkipped() {
        LinkSet s = read("""
                version: 1
                links:
                  - requirement: XenSwdgn~first~1
                    requirement: XenSwdgn~second~1
                    code:
                      - file: a.c
                        function: f
                  - requirement: XenSwdgn~ok~1
                    code:
                      - file: a.c
                        function: g
                """);
        assertThat(s.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(4);
            assertThat(p.message()).contains("duplicate key 'requirement'").contains("first at line 3");
        });
        assertThat(s.code()).extracting(l -> l.requirement().toString()).containsExactly("XenSwdgn~ok~1");
    }

    @Test
    void anAliasBombOrDeepNestingIsAProblemAtItsLine() {
        StringBuilder bomb = new StringBuilder("version: 1\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 8; i++) {
            bomb.append("l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                bomb.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            bomb.append("]\n");
        }
        assertThat(read(bomb.toString()).problems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isBetween(3, 5);
            assertThat(p.message()).startsWith("not valid YAML").contains("aliases");
        });
        LinkSet deep = read("version: 1\nlinks:\n  - requirement: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertThat(deep.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(3);
            assertThat(p.message()).contains("Nesting Depth exceeded max 20");
        });
    }

    @Test
    void invalidYamlGivesTheLine() {
        LinkSet s = read("version: 1\nlinks:\n  - requirement: [unclosed\n");
        assertThat(s.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().path()).isEqualTo("links/timer.yaml");
            assertThat(p.location().line()).isGreaterThanOrEqualTo(3);
            assertThat(p.message()).startsWith("not valid YAML");
        });
    }

    @Test
    void writtenLinksReadBackEqual() {
        CodeLink c = new CodeLink(SpecificationItemId.parse("XenSwdgn~a~1"), "xen/a.c", "f",
                Optional.of(new CodeLink.LineRange(3, 9)), "impl", Optional.of(HASH), ReviewState.REVIEWED,
                Optional.of("alice \"al\""), Optional.empty(), new Location("x", 1));
        TestLink t = new TestLink(SpecificationItemId.parse("XenSwdgn~a~1"), "t.c", "suite.case", "itest",
                new Location("x", 1));
        LinkSet back = read(LinkFileWriter.write(java.util.List.of(c), java.util.List.of(t)));
        assertThat(back.problems()).isEmpty();
        assertThat(back.code().get(0)).usingRecursiveComparison().ignoringFields("declaredAt").isEqualTo(c);
        assertThat(back.tests().get(0)).usingRecursiveComparison().ignoringFields("declaredAt").isEqualTo(t);
    }

    @Test
    void theReviewRecordIsWrittenAndReadBack() {
        CodeLink c = new CodeLink(SpecificationItemId.parse("XenSwdgn~a~1"), "xen/a.c", "f", Optional.empty(), "impl",
                Optional.of(HASH), ReviewState.REVIEWED, Optional.of("alice"), Optional.of("bob"),
                Optional.of(java.time.Instant.parse("2026-01-31T12:00:00Z")),
                Optional.of("matches the design: \"reads CNTFRQ\"\nsecond line"), new Location("x", 1));
        String text = LinkFileWriter.write(java.util.List.of(c), java.util.List.of());
        assertThat(text).contains("reviewer: \"bob\"", "reviewed-at: 2026-01-31T12:00:00Z", "review-comment: ");
        LinkSet back = read(text);
        assertThat(back.problems()).isEmpty();
        assertThat(back.code().get(0)).usingRecursiveComparison().ignoringFields("declaredAt").isEqualTo(c);
    }

    @Test
    void aLinkFileWithoutReviewTimeOrCommentStillReads() {
        LinkSet s = read("""
                version: 1
                links:
                  - requirement: XenSwdgn~a~1
                    code:
                      - {file: xen/a.c, function: f, state: reviewed, author: alice, reviewer: bob}
                """);
        assertThat(s.problems()).isEmpty();
        assertThat(s.code()).singleElement().satisfies(l -> {
            assertThat(l.reviewer()).contains("bob");
            assertThat(l.reviewedAt()).isEmpty();
            assertThat(l.reviewComment()).isEmpty();
        });
    }

    @Test
    void aBadReviewTimeIsAnErrorAtItsLine() {
        LinkSet s = read("""
                version: 1
                links:
                  - requirement: XenSwdgn~a~1
                    code:
                      - file: xen/a.c
                        function: f
                        reviewed-at: yesterday
                """);
        assertThat(s.code()).isEmpty();
        assertThat(s.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(7);
            assertThat(p.message()).contains("'reviewed-at' must be an ISO-8601");
        });
    }
}
