package org.xenfusa.exports.model;

import org.xenfusa.sloc.config.DirectoryFigures;
import org.xenfusa.sloc.effort.SlocFigure;
import org.xenfusa.sloc.config.LineFigures;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything measured for one Kconfig configuration (optionally on a board): its name, what it is (arch, starting
 * point and overrides, as {@code ConfigurationRequest.label()} states it), its {@code .config}, the three
 * code-size figures in total, per directory and per file, the effort per level, and the warnings that qualify them.
 */
public record ConfigurationFigures(String name, String specification, String arch, Optional<String> board,
        String configText,
        LineFigures makeCloc, LineFigures withHeaders, LineFigures activeLines, List<DirectoryFigures> directories,
        List<FileSlocRow> files, List<LevelEffort> effort, List<String> warnings) {
    public ConfigurationFigures {
        name = Copies.required(name, "configuration name");
        specification = Copies.text(specification);
        arch = Copies.required(arch, "arch of " + name);
        board = Copies.optional(board);
        configText = Copies.text(configText);
        Objects.requireNonNull(makeCloc, "makeCloc of " + name);
        Objects.requireNonNull(withHeaders, "withHeaders of " + name);
        Objects.requireNonNull(activeLines, "activeLines of " + name);
        directories = Copies.list(directories);
        for (DirectoryFigures d : directories) {
            Copies.required(d.directory(), "directory path in " + name);
        }
        files = Copies.list(files);
        effort = Copies.list(effort);
        warnings = Copies.list(warnings);
    }

    /** SHA-256 of the {@code .config} bytes (UTF-8), computed here so it can never disagree with the text. */
    public String configSha256() {
        return Sha256.hex(configText.getBytes(StandardCharsets.UTF_8));
    }

    public LineFigures figure(SlocFigure kind) {
        return kind.pick(makeCloc, withHeaders, activeLines);
    }

    /**
     * How documents name this configuration, overrides included: "x86_64-defconfig + HVM=n", "no-hvm
     * (x86_64-defconfig + HVM=n)", "minimal-rcar (arm64-defconfig + ...) on R-Car H3".
     */
    public String title() {
        String named = specification.isEmpty() || specification.equals(name) ? name : name + " (" + specification + ")";
        return board.map(b -> named + " on " + b).orElse(named);
    }
}
