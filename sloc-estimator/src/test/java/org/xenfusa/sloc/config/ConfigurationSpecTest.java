package org.xenfusa.sloc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.config.ConfigurationSpec.StartKind;
import org.xenfusa.sloc.config.InvalidConfigurationException.Part;
import org.xenfusa.sloc.kconfig.StartingPoint;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.sloc.xen.XenArch;

/** The one parser of a configuration's words: what each means, and the message for each mistake. */
// [utest->dsn~configuration-spec~1]
class ConfigurationSpecTest {
    @TempDir
    Path dir;
    DirectorySourceTree tree;
    ConfigurationCounter counter;

    @BeforeEach
    void open() throws IOException {
        SyntheticConfigTree.write(dir);
        tree = DirectorySourceTree.open(dir);
        counter = ConfigurationCounter.of(tree);
    }

    @AfterEach
    void close() throws IOException {
        tree.close();
    }

    private static InvalidConfigurationException refused(Runnable r) {
        try {
            r.run();
        } catch (InvalidConfigurationException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void everyStartingPointAndItsLabel() {
        ConfigurationSpec x86 = ConfigurationSpec.of("x86_64");
        assertThat(x86.request()).isEqualTo(ConfigurationRequest.defconfig(XenArch.X86_64));
        assertThat(x86.withOverrides(List.of("HVM=n")).request().label()).isEqualTo("x86_64-defconfig + HVM=n");
        assertThat(x86.startingFrom(StartKind.DEFCONFIG, "pvshim_defconfig").withOverrides(List.of("CONFIG_DEBUG=y"))
                .request().label()).isEqualTo("x86_64-pvshim_defconfig + DEBUG=y");
        assertThat(x86.startingFrom(StartKind.DEFCONFIG, " x86_64_defconfig ").request().start())
                .isEqualTo(new StartingPoint.Defconfig("x86_64_defconfig"));
        assertThat(x86.startingFrom(StartKind.ALLYES, "").request().label()).isEqualTo("x86_64-allyesconfig");
        assertThat(ConfigurationSpec.of("arm64").startingFrom(StartKind.ALLNO, null).request().label())
                .isEqualTo("arm64-allnoconfig");
        assertThat(ConfigurationSpec.of("riscv64").startingFrom(StartKind.RANDCONFIG, " 42 ").request().start())
                .isEqualTo(new StartingPoint.Random(42));
        assertThat(ConfigurationSpec.of("riscv64").startingFrom(StartKind.RANDCONFIG, "-3").request().label())
                .isEqualTo("riscv64-randconfig--3");
        ConfigurationRequest dot = ConfigurationSpec.of("arm32").startingFromConfig("/tmp/board/my.config", "CONFIG_FOO=y\n")
                .request();
        assertThat(dot.start()).isEqualTo(new StartingPoint.ExistingConfig("/tmp/board/my.config", "CONFIG_FOO=y\n"));
        assertThat(dot.label()).isEqualTo("arm32-my.config");
        assertThat(ConfigurationSpec.of("ppc64").startingFrom(StartKind.DOTCONFIG, "CONFIG_A=y\n").request().label())
                .isEqualTo("ppc64-.config");
        // later overrides win and both stay in the name, as the person gave them
        assertThat(ConfigurationSpec.of("arm64").withOverrides(List.of("FOO=n", "CONFIG_FOO=y")).request().overrides())
                .containsExactly(new SymbolAssignment("FOO", "n"), new SymbolAssignment("FOO", "y"));
    }

    @Test
    void anArchitectureIsSpeltAsXenSpellsIt() {
        InvalidConfigurationException e = refused(() -> ConfigurationSpec.of("aarch64").request());
        assertThat(e).hasMessage("unknown architecture 'aarch64'; the architectures are x86_64, arm64, arm32, riscv64, ppc64");
        assertThat(e.part()).isEqualTo(Part.ARCHITECTURE);
        assertThat(e.given()).isEqualTo("aarch64");
        assertThat(refused(() -> ConfigurationSpec.architecture("X86_64"))).hasMessageStartingWith("unknown architecture 'X86_64'");
        assertThat(refused(() -> ConfigurationSpec.architecture(""))).hasMessageStartingWith("unknown architecture ''");
        assertThat(ConfigurationSpec.architecture(" arm32 ")).isEqualTo(XenArch.ARM32);
    }

    @Test
    void aSeedIsAWholeNumberAndADefconfigAFileName() {
        InvalidConfigurationException seed = refused(() -> ConfigurationSpec.of("arm64")
                .startingFrom(StartKind.RANDCONFIG, "twelve").request());
        assertThat(seed).hasMessage("randconfig needs a whole number as seed, not 'twelve'");
        assertThat(seed.part()).isEqualTo(Part.STARTING_POINT);
        assertThat(refused(() -> ConfigurationSpec.seed("1.5"))).hasMessageContaining("not '1.5'");
        assertThat(refused(() -> ConfigurationSpec.seed("99999999999"))).hasMessageContaining("whole number");
        assertThat(refused(() -> ConfigurationSpec.of("x86_64").startingFrom(StartKind.DEFCONFIG, "../../Kconfig").request()))
                .hasMessage("defconfig '../../Kconfig': a file name of xen/arch/x86/configs/, not a path");
    }

    @Test
    void anOverrideIsSymbolEqualsValue() {
        for (String bad : new String[] {"HVM", "=y", "CONFIG_=y", "two words=y", ""}) {
            InvalidConfigurationException e = refused(() -> ConfigurationSpec.of("x86_64").withOverrides(List.of(bad)).request());
            assertThat(e).as(bad).hasMessage("override '" + bad + "': expected SYMBOL=value");
            assertThat(e.part()).isEqualTo(Part.OVERRIDE);
            assertThat(e.given()).isEqualTo(bad);
            assertThat(e.problem()).isEqualTo("expected SYMBOL=value");
        }
        assertThat(ConfigurationSpec.assignment(" CONFIG_LABEL=\"a=b\" ")).isEqualTo(new SymbolAssignment("LABEL", "\"a=b\""));
        assertThat(ConfigurationSpec.assignment("EMPTY=")).isEqualTo(new SymbolAssignment("EMPTY", ""));
    }

    @Test
    void overridesOneALineSkipCommentsAndNameTheBadLine() {
        assertThat(ConfigurationSpec.overrideLines("# mine\n\nCONFIG_FOO=n\n  BAR=y  \n")).containsExactly("CONFIG_FOO=n", "BAR=y");
        assertThat(ConfigurationSpec.overrideLines("")).isEmpty();
        InvalidConfigurationException e = refused(() -> ConfigurationSpec.overrideLines("FOO=n\n# c\nnot an assignment\n"));
        assertThat(e).hasMessage("overrides line 3: expected SYMBOL=value: not an assignment");
        assertThat(e.part()).isEqualTo(Part.OVERRIDE);
    }

    @Test
    void aToolchainIsAShippedNameOrAProfilesText() {
        assertThat(ConfigurationSpec.of("arm64").request().profile().name()).isEqualTo("debian12-gcc12-aarch64");
        assertThat(ConfigurationSpec.of("arm64").withToolchain("debian12-gcc12-armhf").request().profile().name())
                .isEqualTo("debian12-gcc12-armhf");
        assertThat(ConfigurationSpec.of("arm64").withToolchain("name mine\ncommand true => y\n").request().profile().name())
                .isEqualTo("mine");
        InvalidConfigurationException unknown = refused(() -> ConfigurationSpec.of("arm64").withToolchain("clang-99").request());
        assertThat(unknown).hasMessage("unknown toolchain profile 'clang-99'; the shipped ones are debian12-gcc12-x86_64, "
                + "debian12-gcc12-aarch64, debian12-gcc12-armhf, debian12-gcc12-riscv64, debian12-gcc12-ppc64");
        assertThat(unknown.part()).isEqualTo(Part.TOOLCHAIN);
        InvalidConfigurationException text = refused(() -> ConfigurationSpec.of("arm64").withToolchain("name x\nbogus\n").request());
        assertThat(text).hasMessageStartingWith("toolchain profile: line 2: ");
        assertThat(text.part()).isEqualTo(Part.TOOLCHAIN);
    }

    @Test
    void againstATreeEveryOverridesSymbolAndTheDefconfigMustExist() {
        ConfigurationSpec arm64 = ConfigurationSpec.of("arm64");
        assertThat(arm64.withOverrides(List.of("FOO=n", "CONFIG_LIMIT=12")).request(counter).label())
                .isEqualTo("arm64-defconfig + FOO=n + LIMIT=12");
        InvalidConfigurationException e = refused(() -> arm64.withOverrides(List.of("FOO=n", "NOPE=y")).request(counter));
        assertThat(e).hasMessage("override 'NOPE=y': no Kconfig file defines CONFIG_NOPE");
        assertThat(e.given()).isEqualTo("NOPE=y");
        assertThat(e.problem()).isEqualTo("no Kconfig file defines CONFIG_NOPE");
        assertThat(refused(() -> arm64.withOverrides(List.of("CONFIG_NOPE=y"))
                .request(counter.kconfig(XenArch.ARM64, arm64.request().profile())))).hasMessageEndingWith("CONFIG_NOPE");
        assertThat(refused(() -> arm64.startingFrom(StartKind.DEFCONFIG, "tiny_defconfig").request(counter)))
                .hasMessage("defconfig 'tiny_defconfig': no such file in xen/arch/arm/configs/; there are arm64_defconfig");
        // the other starting points need no file of the tree
        assertThat(arm64.startingFrom(StartKind.ALLNO, "").request(counter).start()).isEqualTo(new StartingPoint.AllNo());
    }
}
