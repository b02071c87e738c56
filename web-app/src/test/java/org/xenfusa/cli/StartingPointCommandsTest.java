package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.exports.model.EvidenceJson;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.web.SyntheticRepository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every command that evaluates a configuration ({@code kconfig}, {@code config-sloc}, {@code trace}, {@code export},
 * {@code readiness}) takes every starting point with the same options, names the configuration the same way
 * ({@code arm64-allnoconfig + FOO=n}), and refuses the same wrong input with the same message and exit 2.
 */
class StartingPointCommandsTest {
    static final List<String> COMMANDS = List.of("kconfig", "config-sloc", "trace", "export", "readiness");

    @TempDir Path tmp;
    SyntheticRepository repo;
    Path dotConfig;
    String out = "";
    String err = "";

    @BeforeEach
    void setUp() throws Exception {
        repo = SyntheticRepository.create(Files.createDirectories(tmp.resolve("repo")));
        repo.commit("synthetic xen", "RELEASE-9.9.0", ConfigurationCommandsTest.TREE);
        dotConfig = tmp.resolve("board").resolve("my.config");
        Files.createDirectories(dotConfig.getParent());
        Files.writeString(dotConfig, "CONFIG_FOO=y\n# CONFIG_BAR is not set\n");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private int run(String command, List<String> configuration) {
        List<String> args = new ArrayList<>(List.of(command, "--repo", repo.dir().toString(), "--ref", "RELEASE-9.9.0"));
        if (command.equals("export")) {
            args.addAll(List.of("--format", "evidence", "--out", tmp.resolve("e.zip").toString(), "--generated-at",
                    "2025-06-01T12:00:00Z"));
        }
        if (command.equals("config-sloc") || command.equals("trace") || command.equals("readiness")) {
            args.add("--json");
        }
        args.addAll(configuration);
        try (CliCapture c = new CliCapture()) {
            int code = FusaCommandLine.run(args.toArray(String[]::new));
            out = c.out();
            err = c.err();
            return code;
        }
    }

    /** The configuration's name as {@code command} printed or wrote it. */
    private String name(String command) throws Exception {
        switch (command) {
            case "kconfig" -> {
                assertThat(err).startsWith("fusa: configuration ");
                return err.lines().findFirst().orElseThrow().substring("fusa: configuration ".length());
            }
            case "config-sloc" -> {
                return JsonMapper.builder().build().readTree(out).get("configuration").asString();
            }
            case "trace" -> {
                JsonNode configurations = JsonMapper.builder().build().readTree(out).get("configurations");
                assertThat(configurations).hasSize(1);
                return configurations.get(0).get("name").asString();
            }
            case "export" -> {
                ReleaseEvidence evidence;
                try (ZipFile z = new ZipFile(tmp.resolve("e.zip").toFile());
                        InputStream in = z.getInputStream(z.getEntry("inputs/evidence.json"))) {
                    evidence = EvidenceJson.read(in, "evidence.json");
                }
                assertThat(evidence.configurations()).hasSize(1);
                return evidence.configurations().get(0).name();
            }
            case "readiness" -> {
                JsonNode gates = JsonMapper.builder().build().readTree(out).get("gates");
                assertThat(gates).isNotEmpty();
                return gates.get(0).get("configuration").asString();
            }
            default -> throw new AssertionError(command);
        }
    }

    @Test
    void everyCommandTakesEveryStartingPointAndNamesItWithItsOverrides() throws Exception {
        Map<List<String>, String> starts = new java.util.LinkedHashMap<>();
        starts.put(List.of(), "arm64-defconfig + FOO=n");
        starts.put(List.of("--defconfig"), "arm64-defconfig + FOO=n");
        starts.put(List.of("--defconfig", "arm64_defconfig"), "arm64-defconfig + FOO=n");
        starts.put(List.of("--allyes"), "arm64-allyesconfig + FOO=n");
        starts.put(List.of("--allno"), "arm64-allnoconfig + FOO=n");
        starts.put(List.of("--randconfig", "7"), "arm64-randconfig-7 + FOO=n");
        starts.put(List.of("--config", dotConfig.toString()), "arm64-my.config + FOO=n");
        for (String command : COMMANDS) {
            for (Map.Entry<List<String>, String> s : starts.entrySet()) {
                List<String> configuration = new ArrayList<>(List.of("--arch", "arm64"));
                configuration.addAll(s.getKey());
                configuration.addAll(List.of("--set", "FOO=n", "--toolchain", "debian12-gcc12-aarch64"));
                int code = run(command, configuration);
                // readiness says NOT READY (1) on a tree without tests; everything else passes
                assertThat(code).as(command + " " + configuration + ": " + err)
                        .isEqualTo(command.equals("readiness") ? FusaCommandLine.CHECK_FAILED : FusaCommandLine.OK);
                assertThat(name(command)).as(command + " " + configuration).isEqualTo(s.getValue());
            }
        }
    }

    @Test
    void theStartingPointDecidesTheConfiguration() throws Exception {
        assertThat(run("kconfig", List.of("--arch", "arm64", "--allno"))).as(err).isZero();
        assertThat(out).contains("# CONFIG_FOO is not set");
        assertThat(run("kconfig", List.of("--arch", "arm64", "--config", dotConfig.toString()))).as(err).isZero();
        assertThat(out).contains("CONFIG_FOO=y", "# CONFIG_BAR is not set");
        assertThat(run("trace", List.of("--arch", "arm64", "--allno"))).as(err).isZero();
        JsonNode allno = JsonMapper.builder().build().readTree(out).get("configurations").get(0);
        // setup.c 1 + core.c 6: no FOO, no BAR
        assertThat(allno.get("compiledCode").asInt()).isEqualTo(7);
        assertThat(run("trace", List.of("--arch", "arm64", "--allyes"))).as(err).isZero();
        assertThat(JsonMapper.builder().build().readTree(out).get("configurations").get(0).get("compiledCode").asInt())
                .isEqualTo(10);
    }

    @Test
    void wrongInputIsExitTwoWithTheSameMessageInEveryCommand() {
        Map<List<String>, String> wrong = new java.util.LinkedHashMap<>();
        wrong.put(List.of("--arch", "arm64", "--randconfig", "seven"), "randconfig needs a whole number as seed, not 'seven'");
        wrong.put(List.of("--arch", "arm64", "--allyes", "--allno"), "mutually exclusive");
        wrong.put(List.of("--arch", "arm64", "--defconfig", "tiny_defconfig"),
                "defconfig 'tiny_defconfig': no such file in xen/arch/arm/configs/; there are arm64_defconfig");
        wrong.put(List.of("--arch", "arm64", "--defconfig", "../../Kconfig"),
                "defconfig '../../Kconfig': a file name of xen/arch/arm/configs/, not a path");
        wrong.put(List.of("--arch", "arm64", "--set", "FOO"), "--set FOO: expected SYMBOL=value");
        wrong.put(List.of("--arch", "arm64", "--set", "NOPE=y"), "--set NOPE=y: no Kconfig file defines CONFIG_NOPE");
        wrong.put(List.of("--arch", "arm64", "--config", tmp.resolve("none.config").toString()),
                ".config file (--config) not found: " + tmp.resolve("none.config"));
        wrong.put(List.of("--arch", "arm64", "--toolchain", "gcc-99"), "unknown toolchain profile 'gcc-99'; the shipped ones"
                + " are debian12-gcc12-x86_64, debian12-gcc12-aarch64, debian12-gcc12-armhf, debian12-gcc12-riscv64,"
                + " debian12-gcc12-ppc64 (or give a profile file)");
        wrong.put(List.of("--arch", "aarch64", "--allno"),
                "unknown architecture 'aarch64'; the architectures are x86_64, arm64, arm32, riscv64, ppc64");
        for (String command : COMMANDS) {
            for (Map.Entry<List<String>, String> w : wrong.entrySet()) {
                assertThat(run(command, w.getKey())).as(command + " " + w.getKey()).isEqualTo(FusaCommandLine.BAD_INPUT);
                String expected = w.getValue();
                if (expected.equals("mutually exclusive") && (command.equals("export") || command.equals("readiness"))) {
                    // there configurations repeat, each starting with --arch: a second starting point starts another
                    expected = "Missing required argument(s): --arch";
                }
                assertThat(err).as(command + " " + w.getKey()).contains(expected);
                assertThat(out).as(command + " " + w.getKey() + ": nothing on stdout").isEmpty();
            }
        }
    }

    @Test
    void aToolchainProfileFileIsReadAndItsMistakesNamed() throws Exception {
        Path profile = tmp.resolve("one-line.profile");
        // one line, no final line break: still a profile, not a name
        Files.writeString(profile, "name mine");
        assertThat(run("config-sloc", List.of("--arch", "arm64", "--toolchain", profile.toString()))).as(err).isZero();
        assertThat(JsonMapper.builder().build().readTree(out).get("toolchain").asString()).isEqualTo("mine");
        Files.writeString(profile, "name mine\nbogus entry\n");
        assertThat(run("config-sloc", List.of("--arch", "arm64", "--toolchain", profile.toString())))
                .isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err).contains(profile + ": line 2: ");
    }

    @Test
    void traceRefusesAStartingPointWithoutArchOrBesideConfigFiles() throws Exception {
        Path files = tmp.resolve("files.txt");
        Files.writeString(files, "xen/common/core.c\n");
        assertThat(run("trace", List.of("--allno"))).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err).contains("a starting point (--defconfig, --allyes, --allno, --randconfig, --config), --set and"
                + " --toolchain need --arch");
        assertThat(run("trace", List.of("--arch", "arm64", "--randconfig", "3", "--config-files", files.toString())))
                .isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err).contains("or as --config-files");
        assertThat(run("trace", List.of("--arch", "arm64", "--config-files", files.toString()))).as(err).isZero();
        assertThat(JsonMapper.builder().build().readTree(out).get("configurations").get(0).get("name").asString())
                .isEqualTo("compiled files of files.txt");
    }
}
