package org.xenfusa.misra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small Xen-like tree with MISRA records written by the tests: two accepted rules and a directive, deviations, a
 * SAF database, an exclude list, ECLAIR's clean and monitored sets, and C files with SAF comments.
 */
final class SyntheticMisraTree {
    static final String RULES = """
            MISRA C rules for Xen
            =====================

            .. list-table::
               :header-rows: 1

               * - Dir number
                 - Severity
                 - Summary
                 - Notes

               * - `Dir 4.1 <https://example.org/D_04_01.c>`_
                 - Required
                 - Run-time failures shall be minimized
                 -

            .. list-table::
               :header-rows: 1

               * - Rule number
                 - Severity
                 - Summary
                 - Notes

               * - `Rule 8.4 <https://example.org/R_08_04.c>`_
                 - Required
                 - A compatible declaration shall be visible
                 - Allowed for asm-only functions,
                   see deviations

               * - `Rule 15.6 <https://example.org/R_15_06.c>`_
                 - Required
                 - The body of an iteration-statement shall be a compound statement
                 -

               * - `Rule 20.7 <https://example.org/R_20_07.c>`_
                 - Required
                 - Macro parameters shall be enclosed in parentheses
                 -
            """;

    static final String DEVIATIONS = """
            Deviations related to MISRA C:2012 Rules:
            -----------------------------------------

            .. list-table::
               :header-rows: 1

               * - Rule identifier
                 - Justification
                 - Notes

               * - R20.7
                 - Project-wide deviation for the macros of the public headers.
                 - Tagged as `safe` for ECLAIR.

               * - R15.6
                 - The imported code in 'xen/common/imported.c' keeps its style.
                 - Tagged as `deliberate` for ECLAIR.

               * - R8.4, R8.6
                 - Functions only called from assembly need no declaration.
                 - Tagged as `safe` for ECLAIR.

            Other deviations:
            -----------------

            .. list-table::
               :header-rows: 1

               * - Deviation
                 - Justification

               * - while-0 loops
                 - Allowed.
            """;

    static final String SAFE = """
            {
                "version": "1.0",
                "content": [
                    {
                        "id": "SAF-0-safe",
                        "analyser": {
                            "eclair": "MC3A2.R8.4",
                            "cppcheck": "misra-c2012-8.4"
                        },
                        "name": "Rule 8.4: asm-only definition",
                        "text": "Used only by asm."
                    },
                    {
                        "id": "SAF-1-safe",
                        "analyser": {
                            "eclair": "MC3A2.R15.6"
                        },
                        "name": "Rule 15.6: eclair only",
                        "text": "Only ECLAIR's finding is translated."
                    },
                    {
                        "id": "SAF-2-safe",
                        "analyser": {},
                        "name": "Sentinel",
                        "text": "Next ID to be used"
                    }
                ]
            }
            """;

    static final String FALSE_POSITIVE_CPPCHECK = """
            {
                "version": "1.0",
                "content": [
                    {
                        "id": "SAF-0-false-positive-cppcheck",
                        "violation-id": "misra-c2012-15.6",
                        "tool-version": "2.7",
                        "name": "R15.6 macro body",
                        "text": "cppcheck misreads the macro."
                    },
                    {
                        "id": "SAF-1-false-positive-cppcheck",
                        "violation-id": "",
                        "tool-version": "",
                        "name": "Sentinel",
                        "text": "Next ID to be used"
                    }
                ]
            }
            """;

    static final String EXCLUDE_LIST = """
            {
                "version": "1.0",
                "content": [
                    {
                        "rel_path": "arch/*/imported/*.c",
                        "comment": "Imported from Linux"
                    },
                    {
                        "rel_path": "common/lib.c",
                        "comment": "Imported"
                    }
                ]
            }
            """;

    static final String TAGGING = """
            -doc_begin="Clean guidelines: new violations for these guidelines are not accepted."

            -service_selector={clean_guidelines_common,
            "MC3A2.D4.1||
            MC3A2.R8.4"
            }

            -setq=target,getenv("XEN_TARGET_ARCH")

            if(string_equal(target,"x86_64"),
                service_selector({"additional_clean_guidelines","MC3A2.R20.7"})
            )

            if(string_equal(target,"arm64"),
                service_selector({"additional_clean_guidelines","none()"})
            )
            -doc_end
            """;

    static final String MONITORED = """
            -doc_begin="A set of guidelines that are clean or that only have few violations left."
            -enable=MC3A2.D4.1
            -enable=MC3A2.R8.4
            -enable=MC3A2.R15.6
            -doc_end
            """;

    /** xen/common/a.c: line 2 is under SAF-0-safe (line 1), line 5 has SAF-1-safe at its end, line 8 under the cppcheck false positive (line 7), line 11 under a dangling SAF-9-safe (line 10). */
    static final String A_C = """
            /* SAF-0-safe asm-only */
            void asm_only(void) {}

            int x;
            int y; if (x) y = 1; /* SAF-1-safe */

            /* SAF-0-false-positive-cppcheck */
            while (x) x--;

            /* SAF-9-safe no such id */
            int z;
            """;

    private SyntheticMisraTree() {
    }

    static Path write(Path root) throws IOException {
        put(root, "docs/misra/rules.rst", RULES);
        put(root, "docs/misra/deviations.rst", DEVIATIONS);
        put(root, "docs/misra/safe.json", SAFE);
        put(root, "docs/misra/false-positive-cppcheck.json", FALSE_POSITIVE_CPPCHECK);
        put(root, "docs/misra/exclude-list.json", EXCLUDE_LIST);
        put(root, "automation/eclair_analysis/ECLAIR/tagging.ecl", TAGGING);
        put(root, "automation/eclair_analysis/ECLAIR/monitored.ecl", MONITORED);
        put(root, "xen/common/a.c", A_C);
        put(root, "xen/common/b.c", "int b;\nint c;\n");
        put(root, "xen/common/imported.c", "int i;\n");
        put(root, "xen/common/lib.c", "int l;\n");
        put(root, "xen/arch/x86/imported/boot.c", "int boot;\n");
        put(root, "xen/arch/arm/only.c", "int arm;\n");
        put(root, "xen/include/xen/h.h", "#define M(x) x\n");
        return root;
    }

    static void put(Path root, String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
