package org.xenfusa.sloc.kconfig;

import java.util.List;
import java.util.Optional;

/**
 * Why a symbol has its value in one configuration: its prompts and whether they are visible, the
 * value the user (defconfig, .config, override) gave, the default that applied, the symbols that
 * select or imply it, its direct dependencies, and a one-paragraph summary for people.
 */
public record SymbolExplanation(
        String symbol,
        SymbolType type,
        String value,
        boolean written,
        List<PromptState> prompts,
        String visibility,
        Optional<String> userValue,
        Optional<AppliedDefault> appliedDefault,
        List<Reason> selectedBy,
        List<Reason> impliedBy,
        String dependsOn,
        String dependsOnValue,
        Optional<String> unmetDependency,
        Optional<String> choice,
        List<String> definedAt,
        String summary) {

    /** A prompt, where it is, its condition and whether it is visible now. */
    public record PromptState(String text, String location, String condition, String visible) {
    }

    /** The default that gave the value: its expression, condition, location and result. */
    public record AppliedDefault(String expression, String condition, String location, String result) {
    }

    /** One selecting or implying term: {@code SYMBOL && condition} and its current value. */
    public record Reason(String symbol, String expression, String value) {
    }
}
