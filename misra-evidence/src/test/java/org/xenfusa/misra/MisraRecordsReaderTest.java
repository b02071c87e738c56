package org.xenfusa.misra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.tree.DirectorySourceTree;

class MisraRecordsReaderTest {
    @TempDir
    Path dir;

    private MisraRecords read() throws Exception {
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            return MisraRecordsReader.read(tree);
        }
    }

    @Test
    void readsEveryRecordOfTheTree() throws Exception {
        SyntheticMisraTree.write(dir);
        MisraRecords r = read();

        assertThat(r.problems()).isEmpty();
        assertThat(r.accepted()).extracting(a -> a.id().toString()).containsExactly("Dir 4.1", "Rule 8.4", "Rule 15.6",
                "Rule 20.7");
        AcceptedGuideline r84 = r.acceptedGuideline(GuidelineId.parse("Rule 8.4").orElseThrow()).orElseThrow();
        assertThat(r84.category()).isEqualTo("Required");
        assertThat(r84.notes()).isEqualTo("Allowed for asm-only functions, see deviations");
        assertThat(r84.line()).isEqualTo(25);

        assertThat(r.deviations()).hasSize(4);
        assertThat(r.deviations().get(3).subject()).isEqualTo("while-0 loops");
        assertThat(r.deviations().get(3).guidelines()).isEmpty();
        DeviationRecord wide = r.deviations().get(0);
        assertThat(wide.guidelines()).extracting(Object::toString).containsExactly("Rule 20.7");
        assertThat(wide.projectWide()).isTrue();
        assertThat(r.deviations().get(1).files()).containsExactly("xen/common/imported.c");
        assertThat(r.deviations().get(1).projectWide()).isFalse();
        assertThat(r.deviations().get(2).guidelines()).extracting(Object::toString).containsExactly("Rule 8.4",
                "Rule 8.6");

        assertThat(r.safIds()).extracting(SafRecord::id).containsExactly("SAF-0-safe", "SAF-1-safe", "SAF-2-safe",
                "SAF-0-false-positive-cppcheck", "SAF-1-false-positive-cppcheck");
        assertThat(r.safRecord("SAF-0-safe").orElseThrow().analyser()).isEqualTo(Map.of("eclair", "MC3A2.R8.4",
                "cppcheck", "misra-c2012-8.4"));
        assertThat(r.safRecord("SAF-0-safe").orElseThrow().line()).isEqualTo(4);
        assertThat(r.safRecord("SAF-0-false-positive-cppcheck").orElseThrow().analyser())
                .isEqualTo(Map.of("cppcheck", "misra-c2012-15.6"));
        assertThat(r.safRecord("SAF-2-safe").orElseThrow().sentinel()).isTrue();

        assertThat(r.safComments()).containsExactly(new SafComment("xen/common/a.c", 1, "SAF-0-safe", false),
                new SafComment("xen/common/a.c", 5, "SAF-1-safe", true),
                new SafComment("xen/common/a.c", 7, "SAF-0-false-positive-cppcheck", false),
                new SafComment("xen/common/a.c", 10, "SAF-9-safe", false));
        assertThat(r.danglingComments()).extracting(SafComment::id).containsExactly("SAF-9-safe");

        assertThat(r.excludes()).extracting(ExcludeEntry::relPath).containsExactly("arch/*/imported/*.c",
                "common/lib.c");
        assertThat(r.clean()).extracting(Object::toString).containsExactlyInAnyOrder("Dir 4.1", "Rule 8.4");
        assertThat(r.clean("x86_64")).extracting(Object::toString).containsExactly("Dir 4.1", "Rule 8.4",
                "Rule 20.7");
        assertThat(r.clean("arm64")).extracting(Object::toString).containsExactly("Dir 4.1", "Rule 8.4");
        assertThat(r.monitored()).extracting(Object::toString).containsExactlyInAnyOrder("Dir 4.1", "Rule 8.4",
                "Rule 15.6");
    }

    @Test
    void aTreeWithoutRecordsHasNone() throws Exception {
        SyntheticMisraTree.put(dir, "xen/common/a.c", "int a;\n");
        MisraRecords r = read();
        assertThat(r.accepted()).isEmpty();
        assertThat(r.safIds()).isEmpty();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void badRecordsAreProblemsNamingFileAndLineAndTheRestIsRead() throws Exception {
        SyntheticMisraTree.write(dir);
        SyntheticMisraTree.put(dir, "docs/misra/safe.json", """
                {
                    "version": "1.0",
                    "content": [
                        {
                            "id": "SAF-0-safe",
                            "analyser": { "eclair": "MC3A2.R8.4" },
                            "name": "fine",
                            "text": "fine"
                        },
                        {
                            "id": "SAFE-1",
                            "name": "no SAF id"
                        },
                        {
                            "id": "SAF-0-safe",
                            "analyser": {},
                            "name": "twice",
                            "text": ""
                        }
                    ]
                }
                """);
        SyntheticMisraTree.put(dir, "docs/misra/false-positive-cppcheck.json", "{\n  \"content\": [\n    {\"id\": \n");
        SyntheticMisraTree.put(dir, "docs/misra/rules.rst", SyntheticMisraTree.RULES.replace("`Rule 15.6 <",
                "`Rule 15.99 <"));
        MisraRecords r = read();

        assertThat(r.problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                "docs/misra/rules.rst:31: unknown guideline id 'Rule 15.99'",
                "docs/misra/safe.json:10: entry without a SAF id of the form SAF-<n>-safe or"
                        + " SAF-<n>-false-positive-<tool>: 'SAFE-1'",
                "docs/misra/safe.json:14: 'SAF-0-safe' is defined twice",
                r.problems().stream().filter(p -> p.file().endsWith("false-positive-cppcheck.json")).findFirst()
                        .orElseThrow().toString());
        MisraProblem json = r.problems().stream().filter(p -> p.file().endsWith("false-positive-cppcheck.json"))
                .findFirst().orElseThrow();
        assertThat(json.line()).isEqualTo(4);
        assertThat(json.message()).startsWith("not valid JSON");
        assertThat(r.safIds()).extracting(SafRecord::id).containsExactly("SAF-0-safe");
        assertThat(r.accepted()).hasSize(3);
        assertThat(r.danglingComments()).extracting(SafComment::id).containsExactly("SAF-1-safe",
                "SAF-0-false-positive-cppcheck", "SAF-9-safe");
    }

    @Test
    void safCommentsAreFoundAsXenAnalysisFindsThem() {
        String text = """
                /* SAF-3-safe on its own */
                \t/* SAF-4-false-positive-eclair indented */
                x = 1; /* SAF-5-safe after code */
                /*SAF-6-safe no blank after the comment opener */
                /* SAF-7-safe comment that goes on
                 * to the next line */
                /* SAF-8-safe */ x = 2;
                // SAF-9-safe C++ comment
                /* SAF-10-unsafe */
                """;
        assertThat(SafCommentScanner.scan("xen/x.c", text)).containsExactly(
                new SafComment("xen/x.c", 1, "SAF-3-safe", false),
                new SafComment("xen/x.c", 2, "SAF-4-false-positive-eclair", false),
                new SafComment("xen/x.c", 3, "SAF-5-safe", true));
    }
}
