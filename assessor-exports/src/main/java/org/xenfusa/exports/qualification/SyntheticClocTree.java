package org.xenfusa.exports.qualification;

import java.util.Map;
import java.util.TreeMap;

/**
 * A small tree whose files exercise what cloc's counting depends on (block and line comments, comment markers in
 * strings, blank lines with spaces, continuation lines, files of one language by name, not extension), in the
 * languages Xen and this platform are written in. The kit writes it and has the installed cloc count it.
 */
final class SyntheticClocTree {
    private SyntheticClocTree() {
    }

    static final Map<String, String> FILES = files();

    private static Map<String, String> files() {
        Map<String, String> f = new TreeMap<>();
        f.put("xen/common/sched.c", """
                /*
                 * A block comment
                 */
                #include <xen/sched.h>

                static const char *s = "/* not a comment */"; // trailing
                int f(int a) /* inline */ {
                    \t
                    return a + 1; /* end */
                }
                #if 0
                int dead;
                #endif
                """);
        f.put("xen/include/xen/sched.h", """
                #ifndef XEN_SCHED_H
                #define XEN_SCHED_H
                // line comment
                #define TWO(a, b) \\
                    ((a) + (b))

                #endif /* XEN_SCHED_H */
                """);
        f.put("xen/arch/x86/entry.S", """
                /* entry points */
                #include <asm/asm_defns.h>
                ENTRY(start)
                        mov  %rax, %rbx   # comment
                        ret
                """);
        f.put("xen/Makefile", """
                # the build
                obj-y += sched.o

                all:
                \t$(MAKE) -C common
                """);
        f.put("tools/scripts/check.sh", """
                #!/bin/sh
                # a shell comment
                echo "# not a comment"

                exit 0
                """);
        f.put("tools/python/setup.py", """
                \"\"\"A docstring
                over lines.\"\"\"
                # comment
                import os

                print("x")  # trailing
                """);
        f.put("src/Main.java", """
                /** Javadoc. */
                public class Main {
                    // comment
                    String s = "// not a comment";

                    /* block */ int x;
                }
                """);
        f.put("pom.xml", """
                <?xml version="1.0"?>
                <!-- a comment
                     on two lines -->
                <project>

                  <name>x</name>
                </project>
                """);
        f.put("docs/README.md", """
                # Title

                Some text.
                <!-- a comment -->
                """);
        f.put("deploy/compose.yaml", """
                # comment
                services:

                  web: {image: x}
                """);
        return f;
    }
}
