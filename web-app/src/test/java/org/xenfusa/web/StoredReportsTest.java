package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.kconfig.StartingPoint;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.sloc.xen.XenArch;
import org.xenfusa.web.exports.StoredReports;

/**
 * An export part's report as the database keeps it reads back equal to the one computed, for every way a
 * configuration starts, and is the same bytes when written again (what the assembly reads is what the part computed).
 */
class StoredReportsTest {
    @TempDir
    Path dir;

    @Test
    void aReportReadBackEqualsTheOneComputedAndIsWrittenToTheSameBytes() throws Exception {
        Map<String, String> files = new HashMap<>(SyntheticKconfig.FILES);
        files.putAll(SyntheticKconfig.BUILD);
        for (var f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        ToolchainProfile profile = ToolchainProfile.defaultFor("x86_64");
        List<ConfigurationRequest> requests = List.of(ConfigurationRequest.defconfig(XenArch.X86_64),
                ConfigurationRequest.defconfig(XenArch.X86_64).with(new SymbolAssignment("FEATURE_A", "n")),
                new ConfigurationRequest(XenArch.X86_64, StartingPoint.allYes(), List.of(), profile),
                new ConfigurationRequest(XenArch.X86_64, StartingPoint.allNo(), List.of(), profile),
                new ConfigurationRequest(XenArch.X86_64, new StartingPoint.AllDefault(), List.of(), profile),
                new ConfigurationRequest(XenArch.X86_64, new StartingPoint.Random(7), List.of(), profile),
                new ConfigurationRequest(XenArch.X86_64, new StartingPoint.DefconfigText("mine_defconfig",
                        "CONFIG_FEATURE_A=y\n"), List.of(), profile),
                new ConfigurationRequest(XenArch.X86_64, new StartingPoint.ExistingConfig("old/.config",
                        "CONFIG_FEATURE_A=y\n"), List.of(), profile));
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            ConfigurationCounter counter = ConfigurationCounter.of(tree);
            for (ConfigurationRequest request : requests) {
                ConfigurationReport report = counter.report(request);
                byte[] stored = StoredReports.write(report);
                ConfigurationReport back = StoredReports.read(stored);
                assertThat(back).as(request.label()).isEqualTo(report);
                assertThat(back.files()).as("the files, compared one by one").containsExactlyElementsOf(report.files());
                assertThat(back.lineActivity()).isEqualTo(report.lineActivity());
                assertThat(back.values().keySet()).as("in the computed order").containsExactlyElementsOf(
                        report.values().keySet());
                assertThat(StoredReports.write(back)).as("written again: the same bytes").isEqualTo(stored);
            }
        }
    }
}
