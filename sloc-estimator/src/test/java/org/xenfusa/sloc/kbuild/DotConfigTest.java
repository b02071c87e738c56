package org.xenfusa.sloc.kbuild;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** .config text to the values make sees through auto.conf. */
class DotConfigTest {
    @Test
    void keepsSetSymbolsAsWritten() {
        DotConfig c = DotConfig.parse("""
                #
                # Xen/x86 configuration
                #
                CONFIG_X86_64=y
                # CONFIG_BAR is not set
                CONFIG_NR_CPUS=256
                CONFIG_DTB_FILE=""
                CONFIG_CMDLINE="console=\\"com1\\""
                """);
        assertThat(c.values()).containsOnlyKeys("CONFIG_X86_64", "CONFIG_NR_CPUS", "CONFIG_DTB_FILE", "CONFIG_CMDLINE");
        assertThat(c.values().get("CONFIG_DTB_FILE")).isEqualTo("\"\"");
        assertThat(DotConfig.unquote(c.values().get("CONFIG_CMDLINE"))).isEqualTo("console=\"com1\"");
        assertThat(KbuildEvaluator.autoConfValue("")).isEqualTo("\"\"");
        assertThat(KbuildEvaluator.autoConfValue("y")).isEqualTo("y");
    }
}
