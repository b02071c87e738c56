package org.xenfusa.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.xenfusa.exports.model.EvidenceJson;
import org.xenfusa.exports.model.ReleaseEvidence;

/**
 * Loads the evidence JSON the export commands take with {@code --input} until they are wired to the analysis;
 * any problem with the file is bad input (exit 2).
 */
final class EvidenceInputs {
    /** What {@code export} and {@code readiness} say when given neither an evidence file nor a repository. */
    static final String MISSING = "no input to read: give --input EVIDENCE.json (as `fusa export --format evidence` "
            + "writes it), or --repo PATH [--ref REF] with at least one configuration (--arch A [--defconfig|--allno|...]) "
            + "or --board ID";

    private EvidenceInputs() {
    }

    static ReleaseEvidence load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FusaCommandLine.BadInputException("evidence file (--input) not found: " + file);
        }
        try {
            return EvidenceJson.read(file);
        } catch (IllegalArgumentException e) {
            throw new FusaCommandLine.BadInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new FusaCommandLine.BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Optional<ReleaseEvidence> loadOptional(Path file) {
        return file == null ? Optional.empty() : Optional.of(load(file));
    }

    static String readText(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new FusaCommandLine.BadInputException(what + " not found: " + file);
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new FusaCommandLine.BadInputException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
