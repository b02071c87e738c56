package org.xenfusa.sloc.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.count.ClocSummary.Duplicate;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.sloc.tree.SourceTree;

/**
 * cloc's duplicate rule and report totals, on a small tree whose expected figures are what
 * {@code cloc --by-file --csv --ignored} printed for the same files (cloc 1.96, relative folder).
 */
// [utest->dsn~cloc-summary~1] [utest->err~totals-wrong~1]
class ClocSummaryTest {

    /** The tree: identical "int a;" as .c, .h and README; identical makefiles; an empty file; an odd .inc. */
    private static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("t/a/x.c", "int a;\n");
        files.put("t/b/x.h", "int a;\n");
        files.put("t/c/README", "int a;\n");
        files.put("t/c/empty.c", "");
        files.put("t/c/odd.inc", "int x;\n");
        files.put("t/c/Makefile", "# c\nX=1\n");
        files.put("t/c/rules.mk", "# c\nX=1\n");
        files.put("t/c/Kconfig", "zz\n");
        return files;
    }

    @Test
    void identicalFilesKeepTheLastPathAndItsLanguage(@TempDir Path dir) throws IOException, GitAPIException {
        ClocSummary summary = summarize(commitTree(dir));

        // cloc: "C/C++ Header,t/b/x.h,0,0,1" and "make,t/c/rules.mk,0,1,1"
        assertThat(summary.countedFiles()).extracting(CountedFile::path).containsExactly("t/b/x.h", "t/c/rules.mk");
        assertThat(summary.duplicates()).containsExactly(
                new Duplicate("t/a/x.c", "t/b/x.h"), new Duplicate("t/c/Makefile", "t/c/rules.mk"));
        assertThat(summary.languages()).containsExactly(
                new LanguageTotals("C/C++ Header", 1, 0, 0, 1), new LanguageTotals("make", 1, 0, 1, 1));
        assertThat(summary.sum()).isEqualTo(new LanguageTotals("SUM", 2, 0, 1, 2));
    }

    @Test
    void ignoredCountIsWhatClocPrints(@TempDir Path dir) throws IOException, GitAPIException {
        ClocSummary summary = summarize(commitTree(dir));

        // cloc --ignored lists x.c and Makefile (duplicates), Kconfig and README; the README's content
        // equals x.c's but it never joins the duplicate check; empty.c and odd.inc are not listed
        assertThat(summary.ignoredFiles()).isEqualTo(4);
        assertThat(summary.duplicatesRemoved()).isEqualTo(2);
    }

    @Test
    void languagesAreOrderedByCodeThenName() {
        List<CountedFile> files = List.of(
                new CountedFile("b.py", "1", 1, FileCount.counted("Python", 0, 0, 5)),
                new CountedFile("a.sh", "2", 1, FileCount.counted("Bourne Shell", 0, 0, 5)),
                new CountedFile("c.c", "3", 1, FileCount.counted("C", 1, 1, 9)));
        assertThat(ClocSummary.of(files).languages()).extracting(LanguageTotals::language)
                .containsExactly("C", "Bourne Shell", "Python");
    }

    private static ClocSummary summarize(SourceTree tree) throws IOException {
        ClocCounter counter = new ClocCounter();
        List<CountedFile> counted = new ArrayList<>();
        for (SourceFile f : tree.files()) {
            counted.add(new CountedFile(f.path(), f.blobId(), f.size(), counter.count(f.path(), tree.read(f))));
        }
        tree.close();
        return ClocSummary.of(counted);
    }

    private static SourceTree commitTree(Path dir) throws IOException, GitAPIException {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            for (Map.Entry<String, String> e : files().entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.ISO_8859_1);
            }
            git.add().addFilepattern(".").call();
            git.commit().setMessage("tree").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                    .setSign(false).call();
            return GitSourceTree.open(git.getRepository(), "HEAD");
        }
    }
}
