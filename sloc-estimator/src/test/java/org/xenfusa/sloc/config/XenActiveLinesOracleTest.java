package org.xenfusa.sloc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xenfusa.sloc.reference.ActiveLinesReference;
import org.xenfusa.sloc.reference.XenReference;

/**
 * Active lines against gcc (env XEN_SRC), compared by {@link ActiveLinesReference} (which fusa qualify runs too): {@code reference-data/xen-TAG/active-lines/NAME/} holds, per
 * configuration built with gcc 12, the lines of every file no compile command kept ({@code inactive.txt}, made by
 * {@code tools/active-lines-oracle}, which re-runs each compile command of the build with {@code -E} on a copy of
 * the tree marked at every conditional group). The report of the recorded {@code .config} must give every file
 * the same active code lines as those ranges, except the files named in {@link #KNOWN} with their cause, and the
 * same total to 0.01%.
 */
// [utest->err~active-line-wrong~1]
class XenActiveLinesOracleTest {
    /** Files whose difference has a stated cause the platform cannot remove (at most two per configuration). */
    static final Map<String, Map<String, String>> KNOWN = Map.of();

    @ParameterizedTest
    @CsvSource({"RELEASE-4.22.0, x86_64, x86_64-defconfig", "RELEASE-4.22.0, arm64, arm64-defconfig",
        "RELEASE-4.22.0, x86_64, x86_64-no-hvm", "RELEASE-4.22.0, arm64, arm64-rcar3", "RELEASE-4.21.0, x86_64, x86_64-defconfig"})
    void activeLinesEqualWhatGccKeeps(String tag, String arch, String name) throws IOException {
        try (Repository repo = XenReference.xenRepository()) {
            assertThat(ActiveLinesReference.archOf(XenReference.data(), tag, name)).isEqualTo(arch);
            ActiveLinesReference.Comparison c = ActiveLinesReference.compare(XenReference.data(), repo, tag, arch, name,
                    KNOWN.getOrDefault(name, Map.of()));
            System.out.printf(tag + " %s: %d files, active code lines %d, gcc %d (%+d, %.4f%%); %d files differ:%n", name,
                    c.report().files().size(), c.platformTotal(), c.gccTotal(), c.platformTotal() - c.gccTotal(),
                    100.0 * (c.platformTotal() - c.gccTotal()) / c.gccTotal(), c.fileDifferences().size());
            c.fileDifferences().forEach((p, d) -> System.out.println("  " + p + ": " + d));
            assertThat(c.result().differences()).isEmpty();
            assertThat(c.result().passed()).isTrue();
        }
    }
}
