package org.xenfusa.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** gcovr's non-code and exclusion rules, and the text checks, on small texts. */
class SourceTextTest {
    static SourceText text(String s) {
        return new SourceText(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nonCodeIsGcovrsIsNonCode() {
        SourceText t = text(String.join("\n", "// some comment!", "  /* c1 */ /* c2 */ // c3", "} else {", "}else{",
                "/* c1 */ else /* c2 */", "{", "/* c */ {", "}", "} // code", "return {};", "") + "\n");
        assertThat(t.lineCount()).isEqualTo(11);
        assertThat(t.nonCode(1)).isTrue();
        assertThat(t.nonCode(2)).isTrue();
        assertThat(t.nonCode(3)).isFalse();
        assertThat(t.nonCode(4)).isFalse();
        assertThat(t.nonCode(5)).isTrue();
        assertThat(t.nonCode(6)).isTrue();
        assertThat(t.nonCode(7)).isTrue();
        assertThat(t.nonCode(8)).isTrue();
        assertThat(t.nonCode(9)).isTrue();
        assertThat(t.nonCode(10)).isFalse();
        assertThat(t.nonCode(11)).isTrue();
    }

    @Test
    void exclusionRangesAreGcovrs() {
        SourceText t = text(String.join("\n", "a; // LCOV_EXCL_STOP", "b; // GCOVR_EXCL_START", "c; // GCOVR_EXCL_LINE",
                "d; // GCOV_EXCL_STOP", "e;", "f; // LCOV_EXCL_LINE", "g; // GCOVR_EXCL_BR_LINE", "h; // GCOVR_EXCL_START",
                "i;"));
        // a stop without start: nothing; 2..3 (the stop's line 4 is not excluded); a start without a stop: nothing
        assertThat(t.lineExcluded(1)).isFalse();
        assertThat(t.lineExcluded(2)).isTrue();
        assertThat(t.lineExcluded(3)).isTrue();
        assertThat(t.lineExcluded(4)).isFalse();
        assertThat(t.lineExcluded(5)).isFalse();
        assertThat(t.lineExcluded(6)).isTrue();
        assertThat(t.lineExcluded(7)).isFalse();
        assertThat(t.branchExcluded(7)).isTrue();
        assertThat(t.lineExcluded(8)).isFalse();
        assertThat(t.lineExcluded(9)).isFalse();
    }

    @Test
    void blankOrCommentFollowsBlockCommentsAndSkipsStrings() {
        SourceText t = text(String.join("\r\n", "x = 1; /* starts", " * inside", " ends */", "", "s = \"/* not\";",
                "   // only", "y = 2; // after"));
        assertThat(t.blankOrComment(1)).isFalse();
        assertThat(t.blankOrComment(2)).isTrue();
        assertThat(t.blankOrComment(3)).isTrue();
        assertThat(t.blankOrComment(4)).isTrue();
        assertThat(t.blankOrComment(5)).isFalse();
        assertThat(t.blankOrComment(6)).isTrue();
        assertThat(t.blankOrComment(7)).isFalse();
        assertThat(t.line(7)).isEqualTo("y = 2; // after");
    }

    @Test
    void functionsRenamedByMacrosAreFoundByTheirPieces() {
        SourceText multi = text("static int sh_page_fault(struct vcpu *v)\n{\n}\n");
        assertThat(CoverageImporter.nameOccurs(multi, "sh_page_fault__guest_4")).isTrue();
        SourceText multicall = text("static void do_multicall_call(struct multicall_entry *call)\n");
        assertThat(CoverageImporter.nameOccurs(multicall, "compat_multicall_call")).isTrue();
        assertThat(CoverageImporter.nameOccurs(multi, "h_renamed")).isFalse();
        // pieces shorter than 6 characters are not enough
        assertThat(CoverageImporter.nameOccurs(text("int page;\n"), "page_other_thing")).isFalse();
    }

    @Test
    void functionNamesAreLookedForAsTheSourceSpellsThem() {
        assertThat(CoverageImporter.identifier("prog.c:classify")).isEqualTo("classify");
        assertThat(CoverageImporter.identifier("xen/common/x.c:f")).isEqualTo("f");
        assertThat(CoverageImporter.identifier("ns::A::f(int) const")).isEqualTo("f");
        assertThat(CoverageImporter.identifier("do_thing.part.0")).isEqualTo("do_thing");
        assertThat(CoverageImporter.identifier("_ZN3foo3barEv")).isNull();
        assertThat(CoverageImporter.identifier("operator==")).isNull();
        assertThat(CoverageImporter.identifier("_GLOBAL__sub_I_x")).isNull();
    }
}
