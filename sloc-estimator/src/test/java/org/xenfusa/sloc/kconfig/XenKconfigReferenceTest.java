package org.xenfusa.sloc.kconfig;

import org.xenfusa.sloc.xen.XenArch;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xenfusa.sloc.reference.XenReference;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.tree.SourceTree;

/**
 * The engine against Xen's own kconfig on a real Xen clone with its tags ({@code XEN_SRC}): every
 * reference .config in {@code reference-data/xen-RELEASE-4.22.0/kconfig/} must come out byte for
 * byte from that tag; every release's Kconfig must read without errors for every architecture.
 */
// [utest->err~symbol-value-wrong~1]
class XenKconfigReferenceTest {


    static StartingPoint startingPoint(String arch, String target) {
        return switch (target) {
            case "defconfig" -> new StartingPoint.Defconfig(XenArch.of(arch).defaultDefconfig());
            case "allyesconfig" -> new StartingPoint.AllYes();
            case "allnoconfig" -> new StartingPoint.AllNo();
            default -> throw new IllegalArgumentException(target);
        };
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"x86_64,defconfig", "x86_64,allyesconfig", "x86_64,allnoconfig", "arm64,defconfig",
        "arm64,allyesconfig", "arm64,allnoconfig"})
    void referenceConfigIsIdentical(String arch, String target) throws IOException {
        Path reference = XenReference.file(XenReference.RELEASE, "kconfig/" + arch + "-" + target + ".config");
        String expected = Files.readString(reference, StandardCharsets.UTF_8);
        try (Repository repo = XenReference.xenRepository();
             SourceTree tree = XenReference.tree(repo, XenReference.RELEASE)) {
            KconfigTree kconfig = KconfigParser.parse(tree, "xen", arch, ToolchainProfile.defaultFor(arch));
            assertThat(kconfig.diagnostics()).filteredOn(d -> d.severity() != KconfigDiagnostic.Severity.INFO)
                    .isEmpty();
            Configuration config = kconfig.configure(startingPoint(arch, target), List.of());
            String actual = config.writeDotConfig();
            assertThat(actual).as(() -> diff(expected, actual)).isEqualTo(expected);
        }
    }

    @Test
    void everyReleaseReadsWithoutErrors() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Repository repo = XenReference.xenRepository()) {
            // every release tag from 4.14.0 to 4.22.x (release candidates included) and the default branch
            List<String> refs = new ArrayList<>();
            for (var ref : repo.getRefDatabase().getRefsByPrefix("refs/tags/RELEASE-4.")) {
                String name = ref.getName().substring("refs/tags/".length());
                String[] parts = name.substring("RELEASE-4.".length()).split("\\.");
                if (parts.length >= 1 && parts[0].matches("\\d+") && Integer.parseInt(parts[0]) >= 14
                        && Integer.parseInt(parts[0]) <= 22) {
                    refs.add(name);
                }
            }
            refs.add("HEAD");
            assertThat(refs).contains("RELEASE-4.14.0", "RELEASE-4.22.0");
            for (String tag : refs) {
                try (GitSourceTree tree = GitSourceTree.open(repo, tag)) {
                    for (XenArch arch : XenArch.values()) {
                        if (tree.file("xen/arch/" + arch.srcArch() + "/Kconfig").isEmpty()) {
                            continue;
                        }
                        KconfigTree k = KconfigParser.parse(tree, "xen", arch.targetArch(),
                                ToolchainProfile.defaultFor(arch.targetArch()));
                        k.diagnostics().stream().filter(d -> d.severity() != KconfigDiagnostic.Severity.INFO)
                                .forEach(d -> problems.add(tag + " " + arch.targetArch() + ": " + d));
                        List<StartingPoint> starts = new ArrayList<>(List.of(new StartingPoint.AllYes(),
                                new StartingPoint.AllNo()));
                        // riscv64 had only tiny64_defconfig before 4.18: Xen's own 'make defconfig' fails there too
                        if (tree.file("xen/arch/" + arch.srcArch() + "/configs/" + arch.defaultDefconfig()).isPresent()) {
                            starts.add(new StartingPoint.Defconfig(arch.defaultDefconfig()));
                        }
                        for (StartingPoint start : starts) {
                            Configuration c = k.configure(start, List.of());
                            assertThat(c.writeDotConfig()).as(tag + " " + arch.targetArch() + " " + start)
                                    .startsWith("#\n# Automatically generated file");
                            c.runDiagnostics().stream().filter(d -> d.severity() == KconfigDiagnostic.Severity.ERROR)
                                    .forEach(d -> problems.add(tag + " " + arch.targetArch() + " " + start + ": " + d));
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A compact line diff for failure messages. */
    static String diff(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int[][] lcs = new int[e.length + 1][a.length + 1];
        for (int i = e.length - 1; i >= 0; i--) {
            for (int j = a.length - 1; j >= 0; j--) {
                lcs[i][j] = e[i].equals(a[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder sb = new StringBuilder("diff expected actual:\n");
        int i = 0;
        int j = 0;
        while (i < e.length || j < a.length) {
            if (i < e.length && j < a.length && e[i].equals(a[j])) {
                i++;
                j++;
            } else if (j < a.length && (i == e.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                sb.append("+").append(a[j++]).append('\n');
            } else {
                sb.append("-").append(e[i++]).append('\n');
            }
        }
        return sb.toString();
    }
}
