package org.xenfusa.sloc.kconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A toolchain profile keeps its variables and answers sorted, however they were given: with Map.copyOf (which it
 * used) it read them in an order that changed from one JVM to the next.
 */
class ToolchainProfileOrderTest {
    @Test
    void itsMapsAreSortedAndItsTextIsTheSameHoweverTheyWereGiven() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("LD", "ld");
        variables.put("CC", "gcc");
        variables.put("AS", "as");
        Map<String, String> ccOptions = new LinkedHashMap<>();
        ccOptions.put("-mno-outline-atomics", "y");
        ccOptions.put("-fcf-protection=none", "y");
        Map<ToolchainProfile.ProbeKind, Map<String, String>> answers = new LinkedHashMap<>();
        answers.put(ToolchainProfile.ProbeKind.SHELL, Map.of("echo hi", "hi"));
        answers.put(ToolchainProfile.ProbeKind.CC_OPTION, ccOptions);
        ToolchainProfile p = new ToolchainProfile("p", "d", variables, answers, variables, List.of(), List.of());
        assertThat(p.variables().keySet()).containsExactly("AS", "CC", "LD");
        assertThat(p.makeVariables().keySet()).containsExactly("AS", "CC", "LD");
        assertThat(p.answers().keySet()).containsExactly(ToolchainProfile.ProbeKind.CC_OPTION,
                ToolchainProfile.ProbeKind.SHELL);
        assertThat(p.answersOf(ToolchainProfile.ProbeKind.CC_OPTION).keySet()).containsExactly("-fcf-protection=none",
                "-mno-outline-atomics");
        ToolchainProfile again = new ToolchainProfile("p", "d", new java.util.TreeMap<>(variables),
                Map.of(ToolchainProfile.ProbeKind.CC_OPTION, new java.util.TreeMap<>(ccOptions),
                        ToolchainProfile.ProbeKind.SHELL, Map.of("echo hi", "hi")),
                new java.util.TreeMap<>(variables), List.of(), List.of());
        assertThat(again.toString()).isEqualTo(p.toString());
        assertThat(again).isEqualTo(p);
    }
}
