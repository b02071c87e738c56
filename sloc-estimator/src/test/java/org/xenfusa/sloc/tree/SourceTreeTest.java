package org.xenfusa.sloc.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit read through JGit and the same files read from a folder give the same tree. */
// [utest->dsn~source-tree~1]
class SourceTreeTest {
    @TempDir Path dir;

    private void write(String path, String content) throws Exception {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    @Test
    void gitAndFolderTreesAgreeAndFollowLinksToFilesOnly() throws Exception {
        write("xen/arch/riscv/configs/tiny64_defconfig", "CONFIG_X=y\n");
        write("xen/common/a.c", "int a;\n");
        write("xen/common/empty.c", "");
        Files.createSymbolicLink(dir.resolve("xen/arch/riscv/configs/riscv64_defconfig"), Path.of("tiny64_defconfig"));
        Files.createSymbolicLink(dir.resolve("xen/link-to-dir"), Path.of("common"));
        Files.createSymbolicLink(dir.resolve("xen/dangling"), Path.of("nothing-here"));
        Files.createSymbolicLink(dir.resolve("xen/outside"), Path.of("../../etc/hostname"));
        Files.createSymbolicLink(dir.resolve("xen/chain"), Path.of("arch/riscv/configs/riscv64_defconfig"));
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("m").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                    .setSign(false).call();
            try (GitSourceTree fromGit = GitSourceTree.open(git.getRepository(), "HEAD");
                    DirectorySourceTree fromFolder = DirectorySourceTree.open(dir)) {
                assertThat(fromGit.files()).extracting(SourceFile::path).containsExactly(
                        "xen/arch/riscv/configs/riscv64_defconfig", "xen/arch/riscv/configs/tiny64_defconfig",
                        "xen/chain", "xen/common/a.c", "xen/common/empty.c");
                assertThat(fromFolder.files()).isEqualTo(fromGit.files());
                SourceFile link = fromGit.file("xen/arch/riscv/configs/riscv64_defconfig").orElseThrow();
                assertThat(link.blobId()).isEqualTo(fromGit.file("xen/arch/riscv/configs/tiny64_defconfig")
                        .orElseThrow().blobId());
                assertThat(new String(fromGit.read("xen/chain").orElseThrow(), StandardCharsets.UTF_8))
                        .isEqualTo("CONFIG_X=y\n");
                assertThat(fromGit.filesUnder("xen/common")).hasSize(2);
                assertThat(fromGit.commit()).isPresent();
                assertThat(fromFolder.commit()).isEmpty();
            }
            assertThatThrownBy(() -> GitSourceTree.open(git.getRepository(), "no-such-ref"))
                    .isInstanceOf(GitSourceTree.UnknownRefException.class).hasMessage("unknown ref 'no-such-ref'");
        }
    }

    @Test
    void linkResolutionStaysInsideTheTree() {
        assertThat(SymbolicLinks.normalise("a/./b/../c")).contains("a/c");
        assertThat(SymbolicLinks.normalise("a/../../c")).isEmpty();
        assertThat(SymbolicLinks.resolve("x", java.util.Map.of("x", "y", "y", "x"), p -> true)).isEmpty();
        assertThat(SymbolicLinks.resolve("d/x", java.util.Map.of("d/x", "../f"), p -> p.equals("f"))).contains("f");
        assertThat(SymbolicLinks.resolve("x", java.util.Map.of("x", "/etc/passwd"), p -> true)).isEmpty();
    }
}
