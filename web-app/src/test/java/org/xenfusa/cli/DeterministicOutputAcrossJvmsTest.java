package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.exports.qualification.SyntheticReferenceSet;
import org.xenfusa.sloc.reference.ReferenceData;
import org.xenfusa.web.SyntheticRepository;

/**
 * The same inputs give the same bytes in every JVM: the evidence package (its MANIFEST, JSON and documents), the
 * workbook, the DOCX, the ReqIF, the JSON of {@code fusa trace|readiness|misra|coverage|sloc|config-sloc|impact|qualify}
 * and the links {@code fusa suggest-links} drafts, written by two child JVMs and by this one. Set.of, Map.of and their
 * copyOf iterate in an order salted per JVM, which one JVM writing twice cannot see; three JVMs differ in their salt
 * all but never, and in the direction a two-element Set.of iterates in three times out of four
 * ({@link DeterministicOutputChild#saltProbe()} shows each JVM's).
 */
class DeterministicOutputAcrossJvmsTest {
    /** Two releases with requirements, a code tag, MISRA records naming three analysers, for two configurations. */
    static final Map<String, String> TREE = new LinkedHashMap<>(ExportFromRepositoryCommandTest.TREE);

    static {
        TREE.put("docs/misra/rules.rst", MisraCommandTest.RULES);
        TREE.put("docs/misra/safe.json", """
                {
                    "version": "1.0",
                    "content": [
                        {
                            "id": "SAF-0-safe",
                            "analyser": { "eclair": "MC3A2.R8.4", "coverity": "misra_c_2012_rule_8_4_violation",
                                "cppcheck": "misra-c2012-8.4" },
                            "name": "Rule 8.4: asm-only",
                            "text": "Used only by asm."
                        }
                    ]
                }
                """);
        TREE.put("automation/eclair_analysis/ECLAIR/tagging.ecl",
                "-service_selector={clean_guidelines_common,\n\"MC3A2.R8.4\"\n}\n");
        // a requirement naming both phrases RequirementQuery knows the C words of, and a function with them
        TREE.put("docs/fusa/reqs/platform.md", """
                # Platform

                `dsn~timer-frequency~1`

                Xen reads the timer frequency from the device tree, else from the system register.

                Needs: impl
                """);
        TREE.put("xen/common/fdt.c", "int timer_frequency(void)\n{\n    return fdt_timer(READ_SYSREG(CNTFRQ), dt);\n}\n");
        TREE.put("xen/common/foo.c", "/* [impl->dsn~foo-feature~1] */\n/* SAF-0-safe asm only */\nint foo(void)\n{\n"
                + "    return 1;\n}\n");
    }

    @TempDir Path tmp;

    @Test
    void everyOutputHasTheSameBytesInEveryJvm() throws Exception {
        Path inputs = Files.createDirectories(tmp.resolve("inputs"));
        Files.writeString(inputs.resolve("gates.yaml"), """
                all:
                  design-covered-by-code-min-percent: 40
                  suspect-links-max: 0
                  sloc-growth-max-percent: 1000
                configurations:
                  arm64-no-foo:
                    design-covered-by-code-min-percent: 0
                """);
        Files.writeString(inputs.resolve("cppcheck.txt"), MisraCommandTest.REPORT);
        Files.writeString(inputs.resolve("foo.info"), CoverageExportCommandTest.LCOV);
        Path written;
        try (SyntheticRepository repo = SyntheticRepository.create(Files.createDirectories(tmp.resolve("repo")))) {
            repo.commit("one", "RELEASE-9.8.0", ConfigurationCommandsTest.TREE);
            repo.commit("two", "RELEASE-9.9.0", TREE);
            written = repo.dir();
        }
        SyntheticReferenceSet.Written qualify = SyntheticReferenceSet.write(Files.createDirectories(
                inputs.resolve("qualify")), false, ReferenceData.above(Path.of("")).orElseThrow().root());
        List<String> args = List.of(written.toString(), inputs.toString(), qualify.xen().toString(),
                qualify.referenceData().toString());
        Process first = child(tmp.resolve("first"), args);
        Process second = child(tmp.resolve("second"), args);
        DeterministicOutputChild.write(Files.createDirectories(tmp.resolve("here")), written, inputs, qualify.xen(),
                qualify.referenceData());
        for (Process p : List.of(first, second)) {
            assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("child JVM ended").isTrue();
        }
        assertThat(first.exitValue()).as(Files.readString(tmp.resolve("first.log"))).isZero();
        assertThat(second.exitValue()).as(Files.readString(tmp.resolve("second.log"))).isZero();

        List<String> names = names(tmp.resolve("here"));
        assertThat(names).contains("evidence.zip", "workbook.xlsx", "report.docx", "requirements.reqif", "trace.json",
                "readiness.json", "misra.json", "config-sloc.json", "impact.json", "suggested-links.yaml",
                "qualify.json", "coverage.json", "sloc.json");
        // the package carries what the analysis read: the findings, the coverage data, the gate file, the previous
        assertThat(entries(Files.readAllBytes(tmp.resolve("here").resolve("evidence.zip"))).keySet())
                .anySatisfy(e -> assertThat(e).startsWith("inputs/coverage-data/"))
                .anySatisfy(e -> assertThat(e).startsWith("inputs/misra-findings/"))
                .anySatisfy(e -> assertThat(e).startsWith("inputs/gates/"))
                .anySatisfy(e -> assertThat(e).startsWith("inputs/previous-evidence.json"));
        String salts = "salts: here " + salt("here") + ", first " + salt("first") + ", second " + salt("second");
        for (String other : List.of("first", "second")) {
            assertThat(names(tmp.resolve(other))).as(other).isEqualTo(names);
            for (String name : names) {
                if (name.equals("salt.txt")) {
                    continue;
                }
                byte[] mine = Files.readAllBytes(tmp.resolve("here").resolve(name));
                byte[] theirs = Files.readAllBytes(tmp.resolve(other).resolve(name));
                if (name.endsWith(".zip") || name.endsWith(".xlsx") || name.endsWith(".docx")) {
                    sameEntries(name, mine, theirs, other + " (" + salts + ")");
                }
                assertThat(Arrays.equals(theirs, mine)).as(name + " of " + other + " is the same as here (" + salts
                        + ")\n" + firstDifference(mine, theirs)).isTrue();
            }
        }
    }

    private String salt(String run) throws IOException {
        return Files.readString(tmp.resolve(run).resolve("salt.txt"));
    }

    private Process child(Path out, List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // the quick compiler and the serial collector: less CPU on a busy machine
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), DeterministicOutputChild.class.getName(),
                out.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(out.getFileName() + ".log").toFile()).start();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Entry by entry (and in the same order), nested packages and documents too, naming the first that differs. */
    private static void sameEntries(String name, byte[] mine, byte[] theirs, String other) throws IOException {
        Map<String, byte[]> a = entries(mine);
        Map<String, byte[]> b = entries(theirs);
        assertThat(new ArrayList<>(b.keySet())).as(name + " entries of " + other)
                .isEqualTo(new ArrayList<>(a.keySet()));
        for (var e : a.entrySet()) {
            String entry = e.getKey();
            byte[] x = e.getValue();
            byte[] y = b.get(entry);
            if (entry.endsWith(".docx") || entry.endsWith(".xlsx") || entry.endsWith(".zip")) {
                sameEntries(name + "!" + entry, x, y, other);
            }
            assertThat(Arrays.equals(y, x)).as(name + "!" + entry + " of " + other + " is the same as here\n"
                    + firstDifference(x, y)).isTrue();
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName() + " @" + e.getTime(), in.readAllBytes());
            }
        }
        return out;
    }

    /** The first line that differs, as text, so that a failure shows what moved. */
    private static String firstDifference(byte[] a, byte[] b) {
        String[] x = new String(a, StandardCharsets.UTF_8).split("\n", -1);
        String[] y = new String(b, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return "line " + (i + 1) + ":\n  here:  " + abbreviate(x[i]) + "\n  there: " + abbreviate(y[i]);
            }
        }
        return x.length == y.length ? "" : "lengths " + x.length + " and " + y.length + " lines";
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "...";
    }
}
