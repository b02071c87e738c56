package org.xenfusa.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The child JVM of {@link DeterministicOutputAcrossJvmsTest}: writes every document and JSON output of {@code fusa}
 * on the synthetic repository into a folder, and which order this JVM's immutable collections iterate in.
 *
 * <p>Arguments: the output folder, the repository, the folder of the other inputs (gate file, findings), and the Xen
 * clone and reference data of a synthetic qualification set.
 */
public final class DeterministicOutputChild {
    private DeterministicOutputChild() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args[0]));
        write(out, Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), Path.of(args[4]));
        System.exit(0);
    }

    /** This JVM's salt of Set.of and Map.of, as the order it gives twenty numbers and two. */
    static String saltProbe() {
        return Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19) + " " + Set.of(0, 1);
    }

    /** Runs the commands; a command that fails is an {@link IllegalStateException} with what it printed. */
    static void write(Path out, Path repo, Path inputs, Path qualifyXen, Path referenceData) throws Exception {
        Files.writeString(out.resolve("salt.txt"), saltProbe());
        String gates = inputs.resolve("gates.yaml").toString();
        String findings = inputs.resolve("cppcheck.txt").toString();
        List<String> exportArgs = List.of("--repo", repo.toString(), "--ref", "RELEASE-9.9.0", "--generated-at",
                "2025-06-01T12:00:00Z", "--misra-findings", findings, "--arch", "arm64", "--defconfig", "--arch",
                "arm64", "--defconfig", "--set", "FOO=n", "--name", "arm64-no-foo");
        String lcov = inputs.resolve("foo.info").toString();
        run(out, null, with(List.of("export", "--format", "evidence", "--out", out.resolve("evidence.zip").toString(),
                "--gates", gates, "--previous", "RELEASE-9.8.0", "--coverage-data", lcov, "--coverage-path-map",
                "/build/xen=", "--coverage-test", "tools/tests/foo", "--level", "DAL_B"), exportArgs));
        run(out, null, with(List.of("export", "--format", "xlsx", "--out", out.resolve("workbook.xlsx").toString()),
                exportArgs));
        run(out, null, with(List.of("export", "--format", "docx", "--out", out.resolve("report.docx").toString(),
                "--previous", "RELEASE-9.8.0"), exportArgs));
        run(out, null, with(List.of("export", "--format", "reqif", "--out", out.resolve("requirements.reqif")
                .toString()), exportArgs));
        List<String> analysis = List.of("--repo", repo.toString(), "--ref", "RELEASE-9.9.0", "--arch", "arm64");
        run(out, "trace.json", with(List.of("trace", "--json"), analysis));
        run(out, "readiness.json", with(List.of("readiness", "--json", "--gates", gates, "--previous",
                "RELEASE-9.8.0"), exportArgs));
        run(out, "misra.json", with(List.of("misra", "--json", "--findings", findings), analysis));
        run(out, "config-sloc.json", with(List.of("config-sloc", "--json"), analysis));
        run(out, "coverage.json", with(List.of("coverage", "--json", "--data", lcov, "--path-map", "/build/xen=",
                "--test", "tools/tests/foo", "--level", "DAL_B"), analysis));
        run(out, "sloc.json", List.of("sloc", "--repo", repo.toString(), "--ref", "RELEASE-9.9.0", "--json"));
        run(out, "impact.json", List.of("impact", "--repo", repo.toString(), "--from", "RELEASE-9.8.0", "--to",
                "RELEASE-9.9.0", "--arch", "arm64", "--json"));
        run(out, null, List.of("suggest-links", "--repo", repo.toString(), "--ref", "RELEASE-9.9.0", "--out",
                out.resolve("suggested-links.yaml").toString()));
        run(out, "qualify.json", List.of("qualify", "--xen", qualifyXen.toString(), "--reference-data",
                referenceData.toString(), "--json"));
        // the report states when it was made (fusa qualify has no option to fix it): the rest must be the same
        Path qualify = out.resolve("qualify.json");
        Files.writeString(qualify, Files.readString(qualify).replaceAll("\"generatedAt\" : \"[^\"]*\"",
                "\"generatedAt\" : \"(when)\""));
    }

    private static List<String> with(List<String> first, List<String> then) {
        List<String> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    /** Runs one command; {@code stdoutFile} (when not null) receives what it printed. Exit 0 or 1 (a verdict) is fine. */
    private static void run(Path out, String stdoutFile, List<String> args) throws Exception {
        try (CliCapture c = new CliCapture()) {
            int code = FusaCommandLine.run(args.toArray(String[]::new));
            String printed = c.out();
            String err = c.err();
            c.close();
            if (code != 0 && code != 1) {
                throw new IllegalStateException(String.join(" ", args) + ": exit " + code + "\n" + err + printed);
            }
            if (stdoutFile != null) {
                Files.writeString(out.resolve(stdoutFile), printed, StandardCharsets.UTF_8);
            }
        }
    }
}
