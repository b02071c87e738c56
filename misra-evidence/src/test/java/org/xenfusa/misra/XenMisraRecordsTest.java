package org.xenfusa.misra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Assumptions;
import org.xenfusa.sloc.tree.GitRepositories;
import org.xenfusa.sloc.tree.GitSourceTree;

/**
 * Xen's own records at RELEASE-4.22.0, read from git (no checkout): the counts a reader of docs/misra and the ECLAIR
 * configuration finds by hand ({@code git grep}), so that a parsing slip shows. Needs {@code XEN_SRC}.
 */
class XenMisraRecordsTest {
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"RELEASE-4.17.0", "RELEASE-4.19.0", "RELEASE-4.21.0", "RELEASE-4.22.0"})
    void readsXenRecords(String release) throws Exception {
        String xen = System.getenv("XEN_SRC");
        Assumptions.assumeTrue(xen != null && !xen.isBlank(), "XEN_SRC not set: point it at a Xen clone with its tags"
                + " (e.g. XEN_SRC=/path/to/xen mvn verify) to read Xen 4.22.0's MISRA records");
        try (Repository repo = GitRepositories.open(Path.of(xen));
                GitSourceTree tree = GitSourceTree.open(repo, release)) {
            MisraRecords r = MisraRecordsReader.read(tree);
            System.out.printf(release + ": accepted %d, deviations %d, saf ids %d, saf comments %d, excludes %d, clean %d,"
                    + " monitored %d, dangling %d, problems %s%n", r.accepted().size(), r.deviations().size(),
                    r.safIds().size(), r.safComments().size(), r.excludes().size(), r.clean().size(),
                    r.monitored().size(), r.danglingComments().size(), r.problems());
            assertThat(r.problems()).isEmpty();
            assertThat(r.danglingComments()).isEmpty();
            if (release.equals("RELEASE-4.22.0")) {
                // counted by hand: rows of rules.rst and deviations.rst's identifier tables, entries of the JSON files,
                // `git grep "SAF-"` in xen/**/*.[ch], MC3A2 ids of the clean selector, -enable= lines of monitored.ecl
                assertThat(r.accepted()).hasSize(120);
                // 5 directive rows, 94 rule rows, 2 idioms ("Other deviations")
                assertThat(r.deviations()).hasSize(101);
                assertThat(r.safIds()).hasSize(19);
                assertThat(r.safIds().stream().filter(SafRecord::sentinel)).hasSize(4);
                assertThat(r.safComments()).hasSize(41);
                assertThat(r.excludes()).hasSize(61);
                assertThat(r.clean()).hasSize(98);
                assertThat(r.monitored()).hasSize(114);
                assertThat(r.safComments()).contains(new SafComment("xen/arch/x86/mm.c", 152, "SAF-1-safe", true),
                        new SafComment("xen/include/xen/kernel.h", 43, "SAF-0-safe", false));
            }
        }
    }
}
