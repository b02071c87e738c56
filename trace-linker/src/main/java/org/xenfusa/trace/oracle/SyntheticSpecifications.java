package org.xenfusa.trace.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.xenfusa.trace.spec.ShortTagRule;

/**
 * A small tree of specification files and tagged code, written for the OpenFastTrace oracle and the qualification
 * kit, in which every
 * verdict OFT gives occurs at least once (covered shallow and deep, uncovered, orphaned,
 * outdated, predated, ambiguous, unwanted, duplicate, cycle, rejected) and every syntax form is used.
 */
public final class SyntheticSpecifications {
    private SyntheticSpecifications() {
    }

    static final String MARKDOWN = """
            # Requirements

            `feat~login~1`
            Users can log in.

            Needs: req

            ### Password login
            `req~password-login~2`
            Description:
            The system checks passwords
            against the store.

            Rationale:
            Security.

            Comment:
            A comment line.
            Another one.

            Covers:
            * `feat~login~1`

            Needs: dsn, arch

            `req~orphan-cover~1`
            Covers:
            * feat~does-not-exist~1

            Needs: dsn

            `req~duplicate~1`
            First copy.
            Needs: dsn

            `req~duplicate~1`
            Second copy.
            Needs: dsn

            `dsn~ambiguous-cover~1`
            Covers:
            - req~duplicate~1
            Needs:
            * impl

            This text follows the needs list.

            `req~rejected~1`
            Status: rejected
            Needs: dsn

            `req~draft~1`
            Status: draft
            Needs: dsn

            Tags: alpha, beta

            `dsn~depends~1`
            Depends:
            - req~draft~1
            Covers:
            + req~draft~1
            Needs: impl, utest
            Tags:
            * gamma
            * delta

            ```text
            `feat~in-code-block~1`
            ```

            <!-- oft:off -->
            `feat~disabled~1`
            <!-- oft:on -->

            arch --> dsn : req~password-login~2

            Underlined title
            ================
            `arch~layers~1`
            Covers:
            - req~password-login~2

            `feat~needs-list~1`
            Needs:
            - req
            - dsn

            `XenProd~almost-id`
            """;

    static final String RESTRUCTURED_TEXT = """
            .. SPDX-License-Identifier: CC-BY-4.0

            Design
            ======

            Product part
            ------------

            `XenProd~console~1`

            Description:
            Xen shall provide a console.

            Rationale:

            Comments:
            Comments is not OFT's keyword: this stays in the rationale.

            Covers:
             - `XenMkt~console~1`

            Needs:
             - XenSwdgn

            `XenMkt~console~1`

            Description:
            Market need.

            Needs:
             - XenProd

            Console driver
            --------------

            `XenSwdgn~console_driver~1`

            Status: proposed

            Description:
            Xen shall drive the UART.

            Covers:
             - `XenProd~console~1`
             - `XenProd~console~2`
             - `XenProd~console~0`

            Needs:
             - impl

            Unwanted
            --------

            `XenSwdgn~unwanted~1`

            Covers:
             - `XenMkt~console~1`

            Cycle one
            ~~~~~~~~~

            `cyca~one~1`

            Covers:
             - cycb~two~1

            Needs: cycb

            `cycb~two~1`

            Covers:
             - cyca~one~1

            Needs: cyca

            `XenSwdgn~forward_src~1`

            Needs: impl

            impl --> utest, itest : XenSwdgn~forward_src~1

            Tags: t1, t2

            `XenSwdgn~deep_ok~1`

            Covers:
             - XenProd~deep_target~1

            `XenProd~deep_target~1`

            Needs: XenSwdgn

            Depends:
             - `XenMkt~console~1`
            """;

    static final String C_SOURCE = """
            /* [impl->XenSwdgn~console_driver~1] */
            int console_init(void) { return 0; } // [impl->dsn~depends~1] [utest->dsn~depends~1]
            // [impl~~2->dsn~ambiguous-cover~1]
            // [impl~custom-name~3->dsn~depends~1]
            // [ dsn -> req~draft~1 >> impl , utest ]
            // [impl->req~password-login~2]
            // [impl->XenSwdgn~forward_src~1]
            // [impl->XenSwdgn~unknown~1]
            """;

    static final String TEST_SOURCE = """
            class ConsoleTest {
                // [utest->dsn~depends~1]
                // [utest->XenSwdgn~forward_src~1]
                // [itest->XenSwdgn~forward_src~1]
                void works() { }
            }
            """;

    static final String SHORT_TAGS = """
            // [[console_driver:1]]
            // [[console_driver:2]] [[nothing:1]]
            """;

    /** The short-tag rule of {@code src/short/} (OFT's {@code PathConfig} in the oracle test says the same). */
    public static List<ShortTagRule> shortTagRules() {
        return List.of(new ShortTagRule(p -> p.startsWith("src/short/") && p.endsWith(".c"), "impl", "XenSwdgn", ""));
    }

    /** Path (relative) to content. */
    public static Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        files.put("docs/reqs.md", MARKDOWN);
        files.put("docs/fusa/design.rst", RESTRUCTURED_TEXT);
        files.put("docs/README.txt", "`feat~ignored~1` (not a spec format)\n");
        files.put("src/console.c", C_SOURCE);
        files.put("src/ConsoleTest.java", TEST_SOURCE);
        files.put("src/short/console.c", SHORT_TAGS);
        files.put("src/windows.c", "// [impl->XenSwdgn~console_driver~1]\r\n\r\n// [impl->XenSwdgn~deep_ok~1]\r");
        return files;
    }

    public static void write(Path root) throws IOException {
        for (Map.Entry<String, String> e : files().entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
    }
}
