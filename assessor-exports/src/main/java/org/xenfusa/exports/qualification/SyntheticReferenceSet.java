package org.xenfusa.exports.qualification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.xenfusa.trace.oracle.OftReference;

/**
 * A synthetic reference set for tests and demonstrations of the kit: a small git repository ({@code xen/}, tags
 * RELEASE-9.9.0 and RELEASE-9.9.1) and {@code reference-data/} with cloc figures for both tags, 9.9.1's optionally
 * wrong (b.c counted 3 code lines instead of 2), and OpenFastTrace's recorded verdicts copied from the real set.
 */
public final class SyntheticReferenceSet {
    public static final List<String> TAGS = List.of("RELEASE-9.9.0", "RELEASE-9.9.1");
    /** The case the wrong figure fails. */
    public static final String WRONG_CASE = "cloc-whole-repository-RELEASE-9.9.1";
    static final String CLOC_TXT = """
            -------------------------------------------------------------------------------
            Language                     files          blank        comment           code
            -------------------------------------------------------------------------------
            C                                2              1              1              3
            -------------------------------------------------------------------------------
            SUM:                             2              1              1              3
            -------------------------------------------------------------------------------
            """;

    private SyntheticReferenceSet() {
    }

    /** The clone and the reference data, written below {@code dir}. */
    public record Written(Path xen, Path referenceData) {
    }

    public static Written write(Path dir, boolean wrongFigure, Path realReferenceData) throws IOException {
        Path xen = Files.createDirectories(dir.resolve("xen"));
        Files.writeString(xen.resolve("a.c"), "int a;\n\n/* c */\n");
        Files.writeString(xen.resolve("b.c"), "int b;\nint c;\n");
        try (Git git = Git.init().setDirectory(xen.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("synthetic").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                    .setSign(false).call();
            for (String tag : TAGS) {
                git.tag().setName(tag).setAnnotated(false).call();
            }
        } catch (GitAPIException e) {
            throw new IOException("cannot make the synthetic repository in " + xen, e);
        }
        Path data = dir.resolve("reference-data");
        for (String tag : TAGS) {
            Path d = Files.createDirectories(data.resolve("xen-" + tag + "/whole-repository"));
            String bCode = tag.equals(TAGS.get(1)) && wrongFigure ? "3" : "2";
            Files.writeString(d.resolve("cloc-by-file.csv"), "language,filename,blank,comment,code\n" + "C,xen-" + tag
                    + "/a.c,1,1,1\nC,xen-" + tag + "/b.c,0,0," + bCode + "\nSUM,,1,1,3\n");
            Files.writeString(d.resolve("cloc.txt"), CLOC_TXT);
        }
        Files.createDirectories(data.resolve("openfasttrace"));
        Files.copy(realReferenceData.resolve(OftReference.RECORDING), data.resolve(OftReference.RECORDING));
        return new Written(xen, data);
    }
}
