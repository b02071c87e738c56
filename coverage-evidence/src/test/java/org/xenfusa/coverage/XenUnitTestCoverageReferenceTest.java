package org.xenfusa.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xenfusa.sloc.reference.ReferenceCase;
import org.xenfusa.sloc.reference.ReferenceData;

/**
 * Issue 14's reference on real Xen: the recorded coverage of five of Xen 4.22's unit tests (gcov JSON, gcovr JSON,
 * Cobertura, lcov, llvm-cov 14 and 19) and of an unexecuted hypervisor build, imported against RELEASE-4.22.0, equal
 * per file to the figures of the tools that made them (see {@link CoverageReference}). Needs {@code XEN_SRC}.
 */
// [utest->dsn~coverage-import~1]
class XenUnitTestCoverageReferenceTest {
    private static Repository repo;
    private static ReferenceData data;

    @BeforeAll
    static void open() throws Exception {
        String xen = System.getenv("XEN_SRC");
        Assumptions.assumeTrue(xen != null && !xen.isBlank(), "XEN_SRC not set: point it at a Xen clone with its tags"
                + " (e.g. XEN_SRC=/path/to/xen mvn verify) to compare the import of recorded coverage data of Xen's"
                + " unit tests with gcovr's, lcov's and llvm-cov's figures");
        data = ReferenceData.above(Path.of("")).orElseThrow();
        repo = ReferenceData.openClone(Path.of(xen));
    }

    @AfterAll
    static void close() {
        if (repo != null) {
            repo.close();
        }
    }

    @ParameterizedTest
    @EnumSource(CoverageReference.Input.class)
    void everyUnitTestInEveryFormatEqualsItsToolsFigures(CoverageReference.Input input) throws Exception {
        List<String> failed = new ArrayList<>();
        for (String test : CoverageReference.TESTS) {
            ReferenceCase c = CoverageReference.unitTest(data, repo, "RELEASE-4.22.0", input, test);
            System.out.println(c.summary());
            c.deviations().forEach(d -> System.out.println("  known: " + d.subject() + ": " + d.analysis()));
            if (!c.passed()) {
                failed.add(c.summary());
            }
        }
        assertThat(failed).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = CoverageReference.Input.class, names = {"GCOV_JSON", "GCOVR_JSON", "COBERTURA"})
    void theHypervisorsBuildEqualsGcovrs(CoverageReference.Input input) throws Exception {
        ReferenceCase c = CoverageReference.hypervisor(data, repo, "RELEASE-4.22.0", input);
        System.out.println(c.summary());
        c.deviations().forEach(d -> System.out.println("  known: " + d.subject() + ": " + d.analysis()));
        assertThat(c.differences()).isEmpty();
        assertThat(c.expected()).isEqualTo("438 files");
    }

    @Test
    void theVpciFiguresAreGcovrs() throws Exception {
        ReferenceCase c = CoverageReference.unitTest(data, repo, "RELEASE-4.22.0", CoverageReference.Input.GCOV_JSON,
                "vpci");
        assertThat(c.passed()).as(c.summary()).isTrue();
        assertThat(c.expected()).isEqualTo("3 files");
    }
}
