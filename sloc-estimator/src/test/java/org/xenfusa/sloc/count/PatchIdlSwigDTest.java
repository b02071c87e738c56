package org.xenfusa.sloc.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The languages a whole Xen repository has beyond its C, assembly and scripts, which this counter
 * once left out (diff, IDL, SWIG) or could not resolve (".d"). Expected figures are what cloc 1.96
 * printed for the same bytes ({@code cloc --by-file --csv --skip-uniqueness --ignored}).
 */
class PatchIdlSwigDTest {
    private final ClocCounter counter = new ClocCounter();

    private FileCount count(String path, String text) {
        return counter.count(path, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void diffCountsChangedLinesAsCodeAndContextAsComment() {
        // '#', '---' and '+++' lines and context lines (a space or tab first) are comment; '-', '+', '@@' code
        assertThat(count("a.diff", "diff --git a/x.c b/x.c\n# a hash line\n--- a/x.c\n+++ b/x.c\n@@ -1,3 +1,3 @@\n"
                + " context line\n-removed\n+added\n\n\tcontext with tab\n+/* added comment */\n"))
                .isEqualTo(FileCount.counted("diff", 1, 5, 5));
        assertThat(count("b.patch", "Index: y\n--- y.orig\n+++ y\n-a\n+b\n \n"))
                .isEqualTo(FileCount.counted("diff", 1, 2, 3));
    }

    @Test
    void idlCommentsAreSemicolonLinesAndOnlyDoubleDollarContinues() {
        // '//' and '/* */' are not IDL comments; cloc's IDL continuation regex is "\$\$", not a final '$':
        // a blank line after "$$" is code, a blank after a single '$' is blank
        assertThat(count("a.idl", "// IDL comment\n; semicolon comment\ninterface A {\n  void f(); /* block */\n};\n"
                + "x = 1 $$\n\n$$\n\ny = 2 $\n\n"))
                .isEqualTo(FileCount.counted("IDL", 1, 1, 9));
    }

    @Test
    void swigInterfaceFilesUseCppComments() {
        // SWIG has no continuation rule: unlike C, the blank line after a line ending in '\' stays blank
        assertThat(count("a.i", "%module example\n/* block\n   comment */\n%{\n#include \"x.h\"\n%}\n// line\n"
                + "int f(int); \\\n\nextern int g;\n"))
                .isEqualTo(FileCount.counted("SWIG", 1, 3, 6));
    }

    @Test
    void dotDIsDUnlessItStartsWithAnInterpreter() {
        assertThat(count("a.d", "// D comment\n/+ nested\n   +/\nimport std.stdio;\nvoid main() { writeln(\"x\"); } /* c */\n"))
                .isEqualTo(FileCount.counted("D", 0, 3, 2));
        // an init.d script: the language of its '#!' line
        assertThat(count("s/b.d", "#!/bin/sh\n# init script\necho start\n\nexit 0\n"))
                .isEqualTo(FileCount.counted("Bourne Shell", 1, 1, 3));
        FileCount unknown = count("c.d", "#!/usr/bin/env unknownsh\necho x\n");
        assertThat(unknown.isCounted()).isFalse();
        assertThat(unknown.ignoredReason()).isEqualTo("Unrecognized script language, 'unknownsh'");
        assertThat(ClocCounter.isListedAsIgnored(unknown)).isTrue();
    }
}
