package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.web.SyntheticRepository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code fusa kconfig} and {@code fusa config-sloc} contract on a small Xen-like repository of our own. */
class ConfigurationCommandsTest {
    /** Kconfig, Makefiles and sources; figures below are counted by hand. */
    static final Map<String, String> TREE = new LinkedHashMap<>();

    static {
        TREE.put("xen/Makefile", "XEN_VERSION = 4\nXEN_SUBVERSION = 99\nALL_OBJS-y := common/built_in.o\n"
                + "ALL_OBJS-y += arch/$(SRCARCH)/built_in.o\n");
        TREE.put("xen/Rules.mk", "# modelled by the evaluator\n");
        TREE.put("xen/scripts/Kbuild.include", "empty :=\n");
        TREE.put("xen/Kconfig", "mainmenu \"Synthetic Xen $(XEN_FULLVERSION)\"\n\nconfig ARM_64\n\tdef_bool y\n\n"
                + "config FOO\n\tbool \"Foo support\"\n\tdefault y\n\nconfig BAR\n\tbool \"Bar support\"\n\tdepends on FOO\n\tdefault y\n");
        TREE.put("xen/arch/arm/configs/arm64_defconfig", "");
        TREE.put("xen/arch/arm/arch.mk", "");
        TREE.put("xen/arch/arm/Makefile", "obj-y += setup.o\n");
        TREE.put("xen/arch/arm/setup.c", "int setup;\n");
        TREE.put("xen/common/Makefile", "obj-y += core.o\nobj-$(CONFIG_FOO) += foo.o\nobj-$(CONFIG_BAR) += bar.o\n");
        // 6 code lines, line 4 inactive unless BAR
        TREE.put("xen/common/core.c", "#include <xen/lib.h>\nint core;\n#ifdef CONFIG_BAR\nint bar_hook;\n#endif\nint end;\n");
        TREE.put("xen/common/foo.c", "int foo;\n");
        TREE.put("xen/common/bar.c", "int bar;\nint bar2;\n");
        TREE.put("xen/include/xen/config.h", "#define XEN_CONFIG 1\n");
        TREE.put("xen/include/xen/lib.h", "int lib(void);\n");
    }

    @TempDir Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;
    private SyntheticRepository repo;
    private RevCommit commit;

    @BeforeEach
    void setUp() throws Exception {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        repo = SyntheticRepository.create(tmp);
        commit = repo.commit("synthetic xen", "RELEASE-9.9.0", TREE);
    }

    @AfterEach
    void restore() {
        repo.close();
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int run(String... args) {
        return FusaCommandLine.run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void kconfigWritesTheDotConfigToStdoutOrAFile() throws Exception {
        assertThat(run("kconfig", "--repo", repo.dir().toString(), "--ref", "RELEASE-9.9.0", "--arch", "arm64", "--defconfig"))
                .as(err()).isZero();
        assertThat(out()).contains("CONFIG_FOO=y", "CONFIG_BAR=y");
        Path file = tmp.resolve("allno.config");
        assertThat(run("kconfig", "--repo", repo.dir().toString(), "--arch", "arm64", "--allno", "--out", file.toString()))
                .as(err()).isZero();
        assertThat(Files.readString(file)).contains("# CONFIG_FOO is not set");
        assertThat(FusaCommandLine.isCommand(new String[] {"kconfig"})).isTrue();
        // an --out in a folder that does not exist is bad input (exit 2), said before any work, not a stack trace
        Path nowhere = tmp.resolve("no-such-folder").resolve("x.config");
        assertThat(run("kconfig", "--repo", repo.dir().toString(), "--arch", "arm64", "--allno", "--out",
                nowhere.toString())).isEqualTo(2);
        assertThat(err()).contains("folder of --out not found: " + nowhere.getParent()).doesNotContain("Exception");
    }

    /** make cloc's list can name two files of one content (Xen's mm/guest_walk_*.c): both listed, counted once. */
    @Test
    void configSlocSaysHowManyFilesOfMakeClocsListAreCounted() throws Exception {
        java.util.Map<String, String> twins = new java.util.HashMap<>(TREE);
        twins.put("xen/common/Makefile", TREE.get("xen/common/Makefile") + "obj-y += twin.o\n");
        twins.put("xen/common/twin.c", TREE.get("xen/common/bar.c"));
        twins.put("xen/common/bar.c", TREE.get("xen/common/bar.c"));
        repo.commit("a twin", "RELEASE-9.9.1", twins);
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--ref", "RELEASE-9.9.1", "--arch", "arm64",
                "--defconfig", "--set", "BAR=y")).as(err()).isZero();
        assertThat(out()).containsPattern("(\\d+) files in make cloc's list \\(\\d+ counted: files of the same content"
                + " once, as cloc counts them\\)");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) files in make cloc's list \\((\\d+) counted")
                .matcher(out());
        assertThat(m.find()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(Integer.parseInt(m.group(2)) + 1);
        assertThat(out()).containsPattern("SUM:\\s+" + m.group(2) + "\\s");
    }

    @Test
    void kconfigExplainsASymbol() {
        assertThat(run("kconfig", "--repo", repo.dir().toString(), "--arch", "arm64", "--set", "FOO=n", "--explain", "BAR"))
                .as(err()).isZero();
        assertThat(out()).contains("CONFIG_BAR=n").contains("depends on FOO");
    }

    @Test
    void badInputExitsWithTwoAndSaysWhy() {
        assertThat(run("kconfig", "--repo", repo.dir().toString(), "--arch", "arm64", "--set", "NOPE=y")).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err()).contains("--set NOPE=y: no Kconfig file defines CONFIG_NOPE");
        assertThat(run("kconfig", "--repo", repo.dir().toString(), "--arch", "sparc")).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err()).contains("unknown architecture 'sparc'");
        // another spelling is not guessed: every command that takes --arch refuses it and lists the valid ones
        for (String command : new String[] {"kconfig", "config-sloc", "trace", "export", "readiness"}) {
            err.reset();
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command, "--repo", repo.dir().toString(),
                    "--arch", "aarch64"));
            if (command.equals("export")) {
                args.addAll(java.util.List.of("--format", "xlsx", "--out", tmp.resolve("x.xlsx").toString()));
            }
            assertThat(run(args.toArray(String[]::new))).as(command).isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(err()).as(command).contains("unknown architecture 'aarch64'; the architectures are x86_64, arm64, arm32, riscv64, ppc64");
        }
        for (String bench : new String[] {"kconfig", "config-sloc"}) {
            err.reset();
            assertThat(run("bench", bench, "--repo", repo.dir().toString(), "--arch", "aarch64")).as(bench)
                    .isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(err()).as(bench).contains("unknown architecture 'aarch64'");
        }
        err.reset();
        Path missing = tmp.resolve("missing.config");
        assertThat(run("kconfig", "--repo", repo.dir().toString(), "--arch", "arm64", "--config", missing.toString()))
                .isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err()).contains(".config file (--config) not found: " + missing);
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--arch", "arm64", "--toolchain", tmp.resolve("my.profile").toString()))
                .isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err()).contains("toolchain profile file (--toolchain) not found: " + tmp.resolve("my.profile"));
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--arch", "arm64", "--toolchain", "no-such-profile"))
                .isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err()).contains("unknown toolchain profile 'no-such-profile'");
    }

    @Test
    void aReleaseBeforeKconfigMacrosIsRefusedWithExitTwo() throws Exception {
        RevCommit old = repo.commit("old kconfig", "RELEASE-4.12.0", Map.of(
                "xen/Makefile", "export XEN_VERSION = 4\nexport XEN_SUBVERSION = 12\nexport XEN_EXTRAVERSION ?= .0\n",
                "xen/Kconfig", "mainmenu \"Synthetic Xen/$SRCARCH\"\n\nconfig SRCARCH\n\tstring\n\toption env=\"SRCARCH\"\n\n"
                        + "config FOO\n\tbool \"Foo support\"\n\tdefault y\n"));
        for (String command : new String[] {"kconfig", "config-sloc"}) {
            out.reset();
            err.reset();
            assertThat(run(command, "--repo", repo.dir().toString(), "--ref", "RELEASE-4.12.0", "--arch", "arm64"))
                    .as(command).isEqualTo(FusaCommandLine.BAD_INPUT);
            assertThat(err()).as(command).contains("at RELEASE-4.12.0: unsupported Xen release: Xen 4.12.0 at commit " + old.name())
                    .contains("option env=\"SRCARCH\" at xen/Kconfig:5").contains("supported: Xen 4.14 (RELEASE-4.14.0) and later");
            assertThat(out()).as(command + ": no .config and no figure").isEmpty();
        }
    }

    /** TREE plus a source the build makes with a tool (as Xen's x86 boot/built-in-32.S), whose content no tree holds. */
    private RevCommit commitGenerated() throws Exception {
        return repo.commit("generated source", "GEN", Map.of(
                "xen/common/Makefile", "obj-y += core.o\nobj-$(CONFIG_FOO) += foo.o\nobj-$(CONFIG_BAR) += bar.o\n"
                        + "obj-y += gen.o\n$(obj)/gen.S: $(srctree)/tools/mkgen FORCE\n\t$(srctree)/tools/mkgen > $@\n",
                "xen/tools/mkgen", "#!/bin/sh\n"));
    }

    private long makeClocCode() throws Exception {
        return JsonMapper.builder().build().readTree(out()).get("makeCloc").get("code").asLong();
    }

    @Test
    void aDeclaredCountMeasuredElsewhereIsAWarningAndTheUsersOwnCountIsExact() throws Exception {
        RevCommit gen = commitGenerated();
        Path profile = tmp.resolve("measured.profile");
        Files.writeString(profile, "name measured-elsewhere\nbuild-output arm64 common/gen.S => Assembly 1 3 50 measured at "
                + commit.name() + "\n");
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--ref", "GEN", "--arch", "arm64", "--toolchain",
                profile.toString(), "--json")).as(err()).isZero();
        long withDeclared = makeClocCode();
        assertThat(err()).contains("fusa: warning: kbuild: xen/common/gen.S: count declared by toolchain profile "
                + "measured-elsewhere (50 code lines) was measured under other conditions, so it is approximate: commit "
                + gen.name().substring(0, 12) + " (measured at " + commit.name().substring(0, 12) + ")");

        out.reset();
        err.reset();
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--ref", "GEN", "--arch", "arm64", "--toolchain",
                profile.toString(), "--generated-count", "common/gen.S=1,3,7", "--json")).as(err()).isZero();
        assertThat(makeClocCode()).isEqualTo(withDeclared - 50 + 7);
        assertThat(err()).doesNotContain("gen.S");

        // the default profile declares nothing for it: not counted (with a warning) unless the user gives the count
        out.reset();
        err.reset();
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--ref", "GEN", "--arch", "arm64", "--json"))
                .as(err()).isZero();
        assertThat(makeClocCode()).isEqualTo(withDeclared - 50);
        assertThat(err()).contains("xen/common/gen.S: made at build time");
        out.reset();
        err.reset();
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--ref", "GEN", "--arch", "arm64",
                "--generated-count", "xen/common/gen.S=7")).as(err()).isZero();
        assertThat(err()).doesNotContain("gen.S");
        assertThat(out()).containsPattern("SUM:\\s+\\d+\\s+" + (withDeclared - 50 + 7) + "\\s");

        err.reset();
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--ref", "GEN", "--arch", "arm64",
                "--generated-count", "common/core.c=3")).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err()).contains("--generated-count common/core.c: not a source this configuration's build makes "
                + "from compiled binaries; those are: [common/gen.S]");
        err.reset();
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--ref", "GEN", "--arch", "arm64",
                "--generated-count", "common/gen.S=many")).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(err()).contains("--generated-count common/gen.S=many: counts are whole numbers >= 0");
    }

    @Test
    void configSlocJsonCarriesTheContractFields() throws Exception {
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--ref", "RELEASE-9.9.0", "--arch", "arm64", "--json"))
                .as(err()).isZero();
        JsonNode j = JsonMapper.builder().build().readTree(out());
        assertThat(j.get("commit").asString()).isEqualTo(commit.name());
        assertThat(j.get("arch").asString()).isEqualTo("arm64");
        // setup.c 1, core.c 6, foo.c 1, bar.c 2
        assertThat(j.get("makeCloc").get("files").asInt()).isEqualTo(4);
        assertThat(j.get("makeCloc").get("code").asInt()).isEqualTo(10);
        assertThat(j.get("withHeaders").get("code").asInt()).isEqualTo(12);
        assertThat(j.get("activeLines").get("code").asInt()).isEqualTo(12);
        assertThat(j.get("compiledFiles")).hasSize(4);
        assertThat(j.get("headers").get(0).asString()).isEqualTo("xen/include/xen/config.h");
        assertThat(j.get("directories").get("xen/common").get("makeCloc").get("code").asInt()).isEqualTo(9);
        assertThat(j.get("effort").get("DAL_A").get("hours").asDouble()).isEqualTo(10 * 0.67, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(j.get("effort").get("DAL_B").get("interpolated").asBoolean()).isTrue();
        assertThat(j.get("effort").get("DAL_C").get("interpolated").asBoolean()).isFalse();
        assertThat(j.get("warnings")).isEmpty();
        assertThat(j.get("undecidedConditions").asInt()).isZero();
        assertThat(j.has("generated")).isTrue();
    }

    @Test
    void configSlocComparesWithAnOptionSwitchedAndPrintsATable() throws Exception {
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--arch", "arm64", "--diff-set", "BAR=n", "--json"))
                .as(err()).isZero();
        JsonNode d = JsonMapper.builder().build().readTree(out()).get("diff");
        assertThat(d.get("sourcesRemoved").get(0).asString()).isEqualTo("xen/common/bar.c");
        assertThat(d.get("makeCloc").get("code").asInt()).isEqualTo(-2);
        // bar.c and core.c's line 4
        assertThat(d.get("activeLines").get("code").asInt()).isEqualTo(-3);
        out.reset();
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--arch", "arm64", "--rank", "2")).as(err()).isZero();
        assertThat(out()).containsPattern("SUM:\\s+4\\s+10\\s+2\\s+12\\s+12").contains("DAL B").contains("(interpolated)");
        assertThat(out()).containsPattern("FOO\\s+3\\s+3\\s+4\\s+2\\s+CONFIG_BAR");
    }

    private static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void configSlocJsonFieldsComeInTheirContractOrder() throws Exception {
        // a file byte-identical to another, so that one carries duplicateOf
        repo.commit("duplicate", "DUP", Map.of("xen/common/bar.c", "int foo;\n"));
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--ref", "DUP", "--arch", "arm64", "--set", "FOO=y",
                "--json", "--diff-set", "BAR=n", "--rank", "1")).as(err()).isZero();
        JsonNode j = JsonMapper.builder().build().readTree(out());
        assertThat(fields(j)).containsExactly("commit", "arch", "configuration", "toolchain", "dotConfigSha256", "makeCloc",
                "withHeaders", "activeLines", "compiledFiles", "headers", "generated", "directories", "files", "effort",
                "effortModel", "warnings", "undecidedConditions", "diff", "ranking");
        assertThat(j.get("configuration").asString()).isEqualTo("arm64-defconfig + FOO=y");
        assertThat(fields(j.get("makeCloc"))).containsExactly("files", "blank", "comment", "code");
        assertThat(fields(j.get("directories").get("xen/common"))).containsExactly("makeCloc", "withHeaders", "activeLines");
        JsonNode bar = j.get("files").get(1);
        assertThat(bar.get("path").asString()).isEqualTo("xen/common/bar.c");
        assertThat(fields(bar)).containsExactly("path", "role", "language", "blank", "comment", "code", "activeCode",
                "counted", "duplicateOf");
        assertThat(fields(j.get("files").get(0))).doesNotContain("duplicateOf");
        assertThat(fields(j.get("effort"))).containsExactly("DAL_A", "DAL_B", "DAL_C", "DAL_D", "DAL_E");
        assertThat(fields(j.get("effort").get("DAL_A"))).containsExactly("hours", "personYears", "interpolated");
        assertThat(fields(j.get("effortModel"))).containsExactly("name", "description", "figure", "hoursPerPersonYear",
                "asilToDal");
        assertThat(j.get("effortModel").get("asilToDal").get("ASIL_D").asString()).isEqualTo("DAL_A");
        JsonNode diff = j.get("diff");
        assertThat(fields(diff)).containsExactly("sourcesAdded", "sourcesRemoved", "headersAdded", "headersRemoved",
                "makeCloc", "withHeaders", "activeLines", "directories", "symbols", "effort");
        assertThat(fields(diff.get("directories").get("xen/common"))).containsExactly("makeCloc", "withHeaders", "activeLines");
        assertThat(fields(diff.get("symbols").get(0))).containsExactly("symbol", "before", "after");
        assertThat(fields(j.get("ranking").get(0))).containsExactly("symbol", "switchable", "makeClocSaved",
                "withHeadersSaved", "activeLinesSaved", "sourcesRemoved", "alsoOff");
        // without --diff-set and --rank neither appears
        out.reset();
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--ref", "DUP", "--arch", "arm64", "--json"))
                .as(err()).isZero();
        assertThat(fields(JsonMapper.builder().build().readTree(out()))).doesNotContain("diff", "ranking");
        // the text report names the configuration the same way
        out.reset();
        assertThat(run("config-sloc", "--repo", repo.dir().toString(), "--ref", "DUP", "--arch", "arm64", "--allno",
                "--set", "FOO=y")).as(err()).isZero();
        assertThat(out()).startsWith("commit ").contains(", arm64-allnoconfig + FOO=y, toolchain debian12-gcc12-aarch64,");
    }
}
