package org.xenfusa.sloc.kbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xenfusa.sloc.reference.CompiledFilesReference;
import org.xenfusa.sloc.reference.XenReference;

/** Compares both reference configurations of reference-data/xen-RELEASE-4.22.0 with that tag of a real Xen clone (env XEN_SRC). */
// [utest->err~compiled-file-missed~1]
class XenCompiledFilesReferenceTest {

    @ParameterizedTest
    @CsvSource({"x86_64, x86_64-defconfig", "arm64, arm64-defconfig"})
    void matchesMakeClocOfARealBuild(String arch, String folder) throws IOException {
        try (Repository repo = XenReference.xenRepository()) {
            CompiledFilesReference.Comparison c = CompiledFilesReference.compare(XenReference.data(), repo,
                    XenReference.RELEASE, arch, folder);
            CompiledFileSet result = c.files();
            System.out.printf("%s: %s; warnings %d; undecided conditions %d%n", folder, c.result().summary(),
                    result.warnings().size(), result.undecidedConditions());
            assertThat(c.makeClocDifferences()).as("make cloc list of %s (- missing, + extra)", folder).isEmpty();
            assertThat(c.unitDifferences()).as("translation units of %s (- missing, + extra)", folder).isEmpty();
            assertThat(c.result().passed()).isTrue();
            // the generated 32-bit boot code is listed with its analysis, never dropped silently
            assertThat(c.result().deviations()).extracting(d -> d.subject())
                    .isEqualTo(arch.equals("x86_64") ? List.of(CompiledFilesReference.BUILT_IN_32) : List.of());
        }
    }
}
