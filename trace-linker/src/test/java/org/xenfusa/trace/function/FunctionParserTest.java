package org.xenfusa.trace.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The light C and assembly parsers: names, line ranges, and hashes that survive moving code. */
// [utest->dsn~function-index~1]
class FunctionParserTest {
    private static final String C = """
            #include <xen/lib.h>
            /* a { brace in a comment */
            static const char *names[] = { "a{", "b" };
            struct s { int x; };

            static int __init
            first(int a)
            {
                if ( a ) { return 1; }
                return "}"[0];
            }

            int __attribute__((unused)) second(void) { return 0; }
            #define NOT_A_FUNCTION(x) { x }
            """;

    @Test
    void cFunctionsAreFoundWithTheirLinesAndNotInitialisers() {
        List<SourceFunction> fs = FunctionParser.parse("xen/a.c", C.getBytes(StandardCharsets.UTF_8));
        assertThat(fs).extracting(SourceFunction::name).containsExactly("first", "second");
        assertThat(fs.get(0).startLine()).isEqualTo(6);
        assertThat(fs.get(0).endLine()).isEqualTo(11);
        assertThat(fs.get(1).startLine()).isEqualTo(13);
        assertThat(fs.get(1).endLine()).isEqualTo(13);
    }

    @Test
    void movingAFunctionKeepsItsHashAndEditingItChangesIt() {
        String moved = "int pad;\n\n\n" + C;
        String edited = C.replace("return 1;", "return 2;");
        SourceFunction a = FunctionParser.parse("a.c", C.getBytes(StandardCharsets.UTF_8)).get(0);
        SourceFunction b = FunctionParser.parse("a.c", moved.getBytes(StandardCharsets.UTF_8)).get(0);
        SourceFunction c = FunctionParser.parse("a.c", edited.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(b.startLine()).isEqualTo(a.startLine() + 3);
        assertThat(b.contentHash()).isEqualTo(a.contentHash());
        assertThat(c.contentHash()).isNotEqualTo(a.contentHash()).startsWith("sha256:");
    }

    @Test
    void assemblyFunctionsRunFromTheirMarkerToTheirEnd() {
        String s = """
                #include <asm/asm_defns.h>
                FUNC(entry_one)
                        mov x0, x1
                        ret
                END(entry_one)

                        .type helper, %function
                helper:
                        nop
                        ret

                ENTRY(last)
                        b .
                """;
        List<SourceFunction> fs = FunctionParser.parse("xen/arch/arm/entry.S", s.getBytes(StandardCharsets.UTF_8));
        assertThat(fs).extracting(SourceFunction::name).containsExactly("entry_one", "helper", "last");
        assertThat(fs.get(0).endLine()).isEqualTo(5);
        assertThat(fs.get(1).startLine()).isEqualTo(8);
        assertThat(fs.get(1).endLine()).isEqualTo(10);
        assertThat(fs.get(2).endLine()).isEqualTo(13);
    }
}
