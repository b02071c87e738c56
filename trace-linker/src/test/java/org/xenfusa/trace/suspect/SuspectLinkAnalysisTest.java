package org.xenfusa.trace.suspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.link.CodeLink;
import org.xenfusa.trace.link.LinkFileReader;
import org.xenfusa.trace.spec.SpecificationScanner;

/** Suspect links between two snapshots: changed functions and revised requirements, with before and after. */
// [utest->dsn~suspect-links~1] [utest->err~changed-code-not-flagged~1]
class SuspectLinkAnalysisTest {
    @TempDir Path tmp;

    private Path snapshot(String name, String code, int revision) throws IOException {
        Path root = tmp.resolve(name);
        Files.createDirectories(root.resolve("xen"));
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("xen/a.c"), code);
        Files.writeString(root.resolve("docs/r.rst"), "`XenSwdgn~a~" + revision + "`\n\n`XenSwdgn~b~1`\n");
        return root;
    }

    @Test
    void aChangedFunctionOrARevisedRequirementMakesTheLinkSuspect() throws IOException {
        String v1 = "int a(void)\n{\n    return 1;\n}\n\nint b(void)\n{\n    return 2;\n}\n";
        String v2 = "/* moved down */\n\nint a(void)\n{\n    return 1;\n}\n\nint b(void)\n{\n    return 3;\n}\n";
        Path before = snapshot("before", v1, 1);
        Path after = snapshot("after", v2, 2);
        List<CodeLink> links = LinkFileReader.read("l.yaml", """
                version: 1
                links:
                  - requirement: XenSwdgn~a~1
                    code:
                      - {file: xen/a.c, function: a}
                  - requirement: XenSwdgn~b~1
                    code:
                      - {file: xen/a.c, function: b}
                """.getBytes(StandardCharsets.UTF_8)).code();
        try (DirectorySourceTree tb = DirectorySourceTree.open(before); DirectorySourceTree ta = DirectorySourceTree.open(after)) {
            FunctionIndex ib = FunctionIndex.of(tb);
            var sb = new SuspectLinkAnalysis.Snapshot(ib, SpecificationScanner.under("").scan(tb).items());
            var sa = new SuspectLinkAnalysis.Snapshot(ib.forTree(ta), SpecificationScanner.under("").scan(ta).items());
            List<SuspectLink> suspects = SuspectLinkAnalysis.compare(links, sb, sa);
            assertThat(suspects).hasSize(2);
            SuspectLink a = suspects.get(0);
            // a moved but did not change: suspect only because its requirement went to revision 2
            assertThat(a.reasons()).containsExactly(SuspectReason.REQUIREMENT_REVISED);
            assertThat(a.revisionBefore()).contains(1);
            assertThat(a.revisionAfter()).contains(2);
            SuspectLink b = suspects.get(1);
            assertThat(b.reasons()).containsExactly(SuspectReason.FUNCTION_CHANGED);
            assertThat(b.textBefore()).hasValueSatisfying(t -> assertThat(t).contains("return 2;"));
            assertThat(b.textAfter()).hasValueSatisfying(t -> assertThat(t).contains("return 3;"));
            assertThat(b.functionAfter().orElseThrow().startLine()).isEqualTo(8);
        }
    }
}
