package org.xenfusa.web.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.xenfusa.model.config.StartKind;

/**
 * A new saved configuration as its form gives it: name, repository and ref, architecture, starting point (and its
 * value: defconfig name, seed or {@code .config} text), overrides one {@code CONFIG_X=value} a line, toolchain
 * profile (empty: the architecture's default) and description.
 */
public record ConfigurationForm(
        @NotBlank(message = "give the configuration a name") @Size(max = 200, message = "the name is limited to 200 characters") String name,
        @NotNull(message = "choose the repository") Long repositoryId,
        @NotBlank(message = "give the ref (a tag, branch or commit)") @Size(max = 500, message = "the ref is limited to 500 characters") String ref,
        @NotBlank(message = "choose the architecture") @Size(max = 20, message = "not an architecture") String arch,
        @NotNull(message = "choose the starting point") StartKind startKind,
        @Size(max = ConfigurationForm.MAX_TEXT, message = "the starting point's value is limited to 1,000,000 characters") String startValue,
        @Size(max = ConfigurationForm.MAX_TEXT, message = "the overrides are limited to 1,000,000 characters") String overrides,
        @Size(max = 100, message = "not a toolchain profile") String toolchain,
        @Size(max = 10_000, message = "the description is limited to 10,000 characters") String description) {
    static final int MAX_TEXT = 1_000_000;

    /** A field the form does not send is empty, never null. */
    public ConfigurationForm {
        name = orEmpty(name);
        ref = orEmpty(ref);
        arch = orEmpty(arch);
        startValue = orEmpty(startValue);
        overrides = orEmpty(overrides);
        toolchain = orEmpty(toolchain);
        description = orEmpty(description);
    }

    /** The empty form: the first repository, a defconfig. */
    static ConfigurationForm blank() {
        return new ConfigurationForm("", null, "", "", StartKind.DEFCONFIG, "", "", "", "");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
