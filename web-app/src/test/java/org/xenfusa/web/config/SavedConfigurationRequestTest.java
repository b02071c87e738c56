package org.xenfusa.web.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.sloc.kconfig.StartingPoint;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.web.platform.InvalidInputException;

/** A saved configuration's words mean what the command line's mean: the library's parser, the web's exception. */
class SavedConfigurationRequestTest {
    private static SavedConfiguration saved(String arch, StartKind kind, String value, String overrides, String toolchain) {
        return new SavedConfiguration("c", 1L, "RELEASE-4.22.0", arch, kind, value, overrides, toolchain, "", "me");
    }

    @Test
    void everyStartKindAndTheLabelThePagesShow() throws Exception {
        assertThat(ConfigurationService.request(saved("x86_64", StartKind.DEFCONFIG, "", "CONFIG_HVM=n\n", ""), List.of())
                .label()).isEqualTo("x86_64-defconfig + HVM=n");
        assertThat(ConfigurationService.request(saved("x86_64", StartKind.DEFCONFIG, "pvshim_defconfig", "", ""),
                List.of(new SymbolAssignment("DEBUG", "y"))).label()).isEqualTo("x86_64-pvshim_defconfig + DEBUG=y");
        assertThat(ConfigurationService.request(saved("arm64", StartKind.ALLYES, "", "", ""), List.of()).start())
                .isEqualTo(new StartingPoint.AllYes());
        assertThat(ConfigurationService.request(saved("arm64", StartKind.ALLNO, "", "# none\n", ""), List.of()).label())
                .isEqualTo("arm64-allnoconfig");
        assertThat(ConfigurationService.request(saved("riscv64", StartKind.RANDCONFIG, "7", "", ""), List.of()).start())
                .isEqualTo(new StartingPoint.Random(7));
        assertThat(ConfigurationService.request(saved("arm32", StartKind.DOTCONFIG, "CONFIG_A=y\n", "", ""), List.of())
                .start()).isEqualTo(new StartingPoint.ExistingConfig(".config", "CONFIG_A=y\n"));
        assertThat(ConfigurationService.request(saved("arm64", StartKind.ALLNO, "", "", "debian12-gcc12-armhf"), List.of())
                .profile().name()).isEqualTo("debian12-gcc12-armhf");
    }

    @Test
    void wrongWordsAreRefusedWithTheLibrarysMessage() {
        assertThatThrownBy(() -> ConfigurationService.request(saved("arm64", StartKind.RANDCONFIG, "x", "", ""), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("randconfig needs a whole number as seed, not 'x'");
        assertThatThrownBy(() -> ConfigurationService.request(saved("aarch64", StartKind.ALLNO, "", "", ""), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown architecture 'aarch64'; the architectures are x86_64, arm64, arm32, riscv64, ppc64");
        assertThatThrownBy(() -> ConfigurationService.request(saved("arm64", StartKind.ALLNO, "", "", "gcc-99"), List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("unknown toolchain profile 'gcc-99'");
        assertThatThrownBy(() -> ConfigurationService.normaliseOverrides("FOO=y\nnot an assignment\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("overrides line 2: expected SYMBOL=value: not an assignment");
        assertThatThrownBy(() -> ConfigurationService.parseAssignment("FOO"))
                .isInstanceOf(InvalidInputException.class).hasMessage("override 'FOO': expected SYMBOL=value");
    }
}
