package org.xenfusa.sloc.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.lib.Repository;
import org.xenfusa.sloc.kconfig.Configuration;
import org.xenfusa.sloc.kconfig.KconfigDiagnostic;
import org.xenfusa.sloc.kconfig.KconfigParser;
import org.xenfusa.sloc.kconfig.KconfigTree;
import org.xenfusa.sloc.kconfig.StartingPoint;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.xen.XenArch;

/** The Kconfig engine against Xen's own kconfig: each {@code xen-TAG/kconfig/ARCH-TARGET.config}, byte for byte. */
public final class KconfigReference {
    public static final String USE_CASE = "evaluate Kconfig (write the .config of a starting point)";
    /** The architectures and targets recorded in {@code kconfig/}. */
    public static final List<String> ARCHES = List.of("x86_64", "arm64");
    public static final List<String> TARGETS = List.of("defconfig", "allyesconfig", "allnoconfig");

    private KconfigReference() {
    }

    public static String path(String arch, String target) {
        return "kconfig/" + arch + "-" + target + ".config";
    }

    public static StartingPoint startingPoint(String arch, String target) {
        return switch (target) {
            case "defconfig" -> new StartingPoint.Defconfig(XenArch.of(arch).defaultDefconfig());
            case "allyesconfig" -> new StartingPoint.AllYes();
            case "allnoconfig" -> new StartingPoint.AllNo();
            default -> throw new IllegalArgumentException(target);
        };
    }

    /** The engine's .config for {@code arch}/{@code target} at {@code tag} against the one Xen's kconfig wrote. */
    public static ReferenceCase config(ReferenceData data, Repository repo, String tag, String arch, String target)
            throws IOException {
        String expected = Files.readString(data.file(tag, path(arch, target)), StandardCharsets.UTF_8);
        List<String> differences = new ArrayList<>();
        String actual;
        try (GitSourceTree tree = GitSourceTree.open(repo, tag)) {
            KconfigTree kconfig = KconfigParser.parse(tree, "xen", arch, ToolchainProfile.defaultFor(arch));
            kconfig.diagnostics().stream().filter(d -> d.severity() != KconfigDiagnostic.Severity.INFO)
                    .forEach(d -> differences.add("diagnostic: " + d));
            Configuration config = kconfig.configure(startingPoint(arch, target), List.of());
            actual = config.writeDotConfig();
        }
        if (!actual.equals(expected)) {
            differences.add(diff(expected, actual));
        }
        return ReferenceCase.of("kconfig-" + tag + "-" + arch + "-" + target, USE_CASE,
                "make " + target + " for " + arch + " at " + tag + ": the .config byte for byte (toolchain profile "
                        + ToolchainProfile.defaultFor(arch).name() + ")",
                "sha256 " + sha256(expected) + ", " + expected.lines().count() + " lines",
                "sha256 " + sha256(actual) + ", " + actual.lines().count() + " lines", differences, List.of());
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A compact line diff ({@code -} only in expected, {@code +} only in actual). */
    public static String diff(String expected, String actual) {
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
