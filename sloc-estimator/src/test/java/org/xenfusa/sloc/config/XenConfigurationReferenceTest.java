package org.xenfusa.sloc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xenfusa.sloc.reference.ConfigurationReference;
import org.xenfusa.sloc.reference.XenReference;
import org.xenfusa.sloc.tree.SourceTree;
import org.xenfusa.sloc.xen.XenArch;

/**
 * Both reference configurations of reference-data/xen-RELEASE-4.22.0 against that tag of a real
 * Xen clone (env XEN_SRC): the .config, make cloc's totals and per-language rows, the file list, and the
 * per-directory rows of sloc-summary.txt for sources and (tracked) headers.
 */
class XenConfigurationReferenceTest {

    @ParameterizedTest
    @CsvSource({"x86_64, x86_64-defconfig", "arm64, arm64-defconfig"})
    void figuresEqualMakeClocOfARealBuild(String arch, String folder) throws IOException {
        try (Repository repo = XenReference.xenRepository();
             SourceTree tree = XenReference.tree(repo, XenReference.RELEASE)) {
            ConfigurationReference.Comparison c = ConfigurationReference.compare(XenReference.data(), repo,
                    XenReference.RELEASE, arch, folder);
            ConfigurationReport report = c.report();
            System.out.printf("%s: %s; withHeaders %s; activeLines %s; tracked headers %s; reference's generated"
                    + " headers (not counted here) %s; undecided %d; warnings %d%n", folder, c.result().summary(),
                    report.withHeaders(), report.activeLines(), c.trackedHeaders(), c.generatedHeadersInReference(),
                    report.undecidedConditions(), report.warnings().size());
            report.warnings().forEach(w -> System.out.println("  " + w));
            c.result().differences().forEach(d -> System.out.println("  " + d));
            assertThat(c.result().differences()).isEmpty();
            assertThat(c.result().passed()).isTrue();
            assertThat(c.result().deviations()).extracting(d -> d.subject()).hasSize(arch.equals("x86_64") ? 2 : 1);

            assertThat(report.withHeaders()).isEqualTo(report.makeCloc().plus(c.trackedHeaders()));
            assertThat(report.activeLines().code()).isLessThan(report.withHeaders().code());
            ConfigurationReport again = ConfigurationCounter.of(tree).report(ConfigurationRequest.defconfig(XenArch.of(arch)));
            assertThat(again.makeCloc()).isEqualTo(report.makeCloc());
            assertThat(again.activeLines()).isEqualTo(report.activeLines());
        }
    }
}
