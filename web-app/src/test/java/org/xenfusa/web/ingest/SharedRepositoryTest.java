package org.xenfusa.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.web.SyntheticRepository;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * Pages read repositories through one shared open instance per git folder: opened once, given back on close, seeing
 * refs made after it was opened, forgotten when the folder is replaced, and refusing what is not a repository as
 * {@link GitRepositoryFolders#open} does.
 */
class SharedRepositoryTest {
    @TempDir Path tmp;

    @Test
    void oneInstancePerFolderThatSeesNewRefsAndIsForgottenWhenTheFolderIsReplaced() throws Exception {
        try (SyntheticRepository source = SyntheticRepository.create(tmp)) {
            source.commit("one", "RELEASE-1.0", Map.of("xen/common/a.c", SyntheticRepository.cFile("a", 3)));
            Repository first;
            try (Repository repo = GitRepositoryFolders.openShared(source.dir())) {
                first = repo;
                assertThat(repo.resolve("RELEASE-1.0^{commit}")).isNotNull();
            }
            source.commit("two", "RELEASE-2.0", Map.of("xen/common/b.c", SyntheticRepository.cFile("b", 4)));
            try (Repository again = GitRepositoryFolders.openShared(source.dir())) {
                assertThat(again).as("the same open instance").isSameAs(first);
                assertThat(again.resolve("RELEASE-2.0^{commit}")).as("a tag made since").isNotNull();
                GitRepositoryFolders.forgetShared(again.getDirectory().toPath());
            }
            try (Repository fresh = GitRepositoryFolders.openShared(source.dir())) {
                assertThat(fresh).as("forgotten: opened anew").isNotSameAs(first);
            }
        }
    }

    @Test
    void aFolderThatIsNoRepositoryIsRefusedWithTheSameMessage() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> GitRepositoryFolders.openShared(plain)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a git repository");
        assertThatThrownBy(() -> GitRepositoryFolders.openShared(tmp.resolve("missing")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
    }
}
