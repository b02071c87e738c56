package org.xenfusa.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.platform.FusaProperties;

/** A local repository is refused when git would read anything outside the allowed roots. */
// [utest->dsn~allowed-roots~1]
class AllowedRootsTest {
    @TempDir Path tmp;
    Path inside;
    Path outside;
    FusaProperties properties;

    @BeforeEach
    void roots() throws Exception {
        inside = Files.createDirectories(tmp.resolve("inside"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        properties = new FusaProperties(tmp.resolve("data"), List.of(inside), null, 0);
    }

    private static Path bare(Path dir) throws Exception {
        Git.init().setBare(true).setDirectory(dir.toFile()).call().close();
        return dir;
    }

    @Test
    void aGitFilePointingOutsideIsRefused() throws Exception {
        Path secret = bare(outside.resolve("secret.git"));
        Path workTree = Files.createDirectories(inside.resolve("innocent"));
        Files.writeString(workTree.resolve(".git"), "gitdir: " + secret + "\n");
        Path gitDir = GitRepositoryFolders.gitDir(workTree);
        assertThatThrownBy(() -> properties.checkFoldersRead(gitDir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reads git data from '" + secret.toRealPath() + "'")
                .hasMessageContaining("outside the allowed roots");
    }

    @Test
    void anAlternatePointingOutsideIsRefusedAlsoThroughAChainAndARelativePath() throws Exception {
        Path secret = bare(outside.resolve("secret.git"));
        Path direct = bare(inside.resolve("direct.git"));
        Files.writeString(direct.resolve("objects/info/alternates"), secret.resolve("objects") + "\n");
        assertThatThrownBy(() -> properties.checkFoldersRead(direct)).hasMessageContaining("outside the allowed roots");

        Path last = bare(inside.resolve("last.git"));
        Files.writeString(last.resolve("objects/info/alternates"), "# a comment\n\n../../../outside/secret.git/objects\n");
        Path first = bare(inside.resolve("first.git"));
        Files.writeString(first.resolve("objects/info/alternates"), last.resolve("objects") + "\n");
        assertThat(org.xenfusa.sloc.tree.GitRepositories.foldersRead(first)).contains(secret.resolve("objects").toRealPath());
        assertThatThrownBy(() -> properties.checkFoldersRead(first))
                .hasMessageContaining("'" + secret.resolve("objects").toRealPath() + "'");
    }

    @Test
    void aSymbolicLinkToAnObjectFolderOutsideIsRefused() throws Exception {
        Path secret = bare(outside.resolve("secret.git"));
        Path linked = bare(inside.resolve("linked.git"));
        try (var walk = Files.walk(linked.resolve("objects"))) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.createSymbolicLink(linked.resolve("objects"), secret.resolve("objects"));
        assertThatThrownBy(() -> properties.checkFoldersRead(linked)).hasMessageContaining("outside the allowed roots");
    }

    @Test
    void alternatesInsideTheRootsAndCyclesAreAccepted() throws Exception {
        Path a = bare(inside.resolve("a.git"));
        Path b = bare(inside.resolve("b.git"));
        Files.writeString(a.resolve("objects/info/alternates"), b.resolve("objects") + "\n");
        Files.writeString(b.resolve("objects/info/alternates"), a.resolve("objects") + "\n");
        properties.checkFoldersRead(a);
        assertThat(org.xenfusa.sloc.tree.GitRepositories.foldersRead(a)).containsExactly(a.toRealPath(), a.resolve("objects").toRealPath(),
                b.resolve("objects").toRealPath());
    }
}
