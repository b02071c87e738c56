package org.xenfusa.trace.policy;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a configuration states that applicability conditions are decided on. Anything it does not state (no
 * architecture, no Kconfig values, no board) decides nothing: a condition on it holds, since "not applicable" needs a
 * reason.
 *
 * @param architecture Xen's target architecture ({@code arm64}, {@code x86_64})
 * @param symbols      the {@code .config}'s values by symbol ({@code CONFIG_X -> y}); empty when unknown
 * @param board        the board the configuration is for
 */
public record Target(Optional<String> architecture, Map<String, String> symbols, Optional<String> board) {
    public static final Target UNKNOWN = new Target(Optional.empty(), Map.of(), Optional.empty());

    public Target {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(board, "board");
        symbols = Map.copyOf(symbols);
    }
}
