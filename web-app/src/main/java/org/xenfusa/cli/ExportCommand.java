package org.xenfusa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.xenfusa.exports.docx.TraceabilityReport;
import org.xenfusa.exports.evidence.EvidencePackage;
import org.xenfusa.exports.evidence.EvidenceSignature;
import org.xenfusa.exports.evidence.ReadinessInputs;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.Sha256;
import org.xenfusa.exports.readiness.GateFileException;
import org.xenfusa.exports.readiness.GateFileParser;
import org.xenfusa.exports.readiness.ReadinessEvaluator;
import org.xenfusa.exports.reqif.ReqifExport;
import org.xenfusa.exports.xlsx.AssessorWorkbook;
import org.xenfusa.trace.impact.ImpactReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fusa export}: writes one assessor document (XLSX, DOCX, ReqIF) or the whole evidence package, from the
 * analysis of a repository at a ref ({@code --repo}, configurations) or from an evidence JSON file ({@code --input}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write an assessor document or the hashed evidence package.")
final class ExportCommand implements Callable<Integer> {
    /** The documents this command writes. */
    enum Format {
        xlsx, docx, reqif, evidence
    }

    @Option(names = "--format", required = true, description = "xlsx, docx, reqif or evidence.")
    Format format;

    @Option(names = "--out", required = true, description = "File to write.")
    Path out;

    @Option(names = "--input", description = "Evidence JSON, instead of the analysis options (--repo ...).")
    Path input;

    @Mixin
    EvidenceOptions analysis;

    @Option(names = "--gates", description = "Evidence package only: also evaluate and include this gate file.")
    Path gates;

    @Option(names = "--previous", description = "DOCX and evidence package: the previous release, as a ref of --repo "
            + "(the documents then have a section on the change impact since it, and the package's readiness compares "
            + "with it) or, for the package with --input and --gates, its evidence JSON.")
    String previous;

    @Option(names = "--sign-key", paramLabel = "FILE", description = "Evidence package only: sign its MANIFEST.json "
            + "with this OpenPGP secret key (armored, as gpg --armor --export-secret-keys writes it); the detached "
            + "signature is added as MANIFEST.json.asc.")
    Path signKey;

    @Option(names = "--sign-passphrase-env", paramLabel = "NAME", defaultValue = "FUSA_SIGN_PASSPHRASE",
            description = "The environment variable holding the secret key's passphrase (default ${DEFAULT-VALUE}; "
                    + "unset: the key has none).")
    String passphraseEnv;

    @Override
    public Integer call() throws Exception {
        if (format != Format.evidence && gates != null) {
            throw new FusaCommandLine.BadInputException("--gates goes with --format evidence only");
        }
        if (signKey != null && format != Format.evidence) {
            throw new FusaCommandLine.BadInputException("--sign-key goes with --format evidence only");
        }
        if (signKey != null && !Files.isRegularFile(signKey)) {
            throw new FusaCommandLine.BadInputException("secret key file not found: " + signKey);
        }
        if (previous != null && format != Format.evidence && format != Format.docx) {
            throw new FusaCommandLine.BadInputException("--previous goes with --format docx or evidence only");
        }
        if (previous != null && input != null && format == Format.docx) {
            throw new FusaCommandLine.BadInputException("--previous with --format docx needs the analysis options "
                    + "(--repo ...), not --input: the change impact is computed from the repository");
        }
        // the key is unlocked before the analysis: a wrong passphrase fails at once
        Optional<EvidenceSignature.SigningKey> key = signingKey();
        ReleaseEvidence evidence = load();
        byte[] bytes;
        try {
            bytes = switch (format) {
                case xlsx -> AssessorWorkbook.write(evidence);
                case docx -> TraceabilityReport.write(evidence, impacts());
                case reqif -> ReqifExport.write(evidence.context(), evidence.requirements());
                case evidence -> key.isEmpty() ? EvidencePackage.build(evidence, readiness(evidence), impacts())
                        : EvidenceSignature.sign(EvidencePackage.build(evidence, readiness(evidence), impacts()),
                                key.get());
            };
        } catch (IllegalArgumentException e) {
            // evidence JSON (--input) that names a coverage data file without its bytes cannot make a package
            throw new FusaCommandLine.BadInputException(e.getMessage(), e);
        }
        FusaCommandLine.requireFolderOf(out, "--out");
        Files.write(out, bytes);
        if (evidence.hasWarnings()) {
            System.err.println("fusa: warning: some figures carry warnings; the documents state them");
        }
        System.out.printf("%s %s %d bytes sha256 %s%n", format, out, bytes.length, Sha256.hex(bytes));
        return FusaCommandLine.OK;
    }

    private Optional<EvidenceSignature.SigningKey> signingKey() throws java.io.IOException {
        if (signKey == null) {
            return Optional.empty();
        }
        String pass = System.getenv(passphraseEnv);
        try (java.io.InputStream in = Files.newInputStream(signKey)) {
            return Optional.of(EvidenceSignature.unlock(in, pass == null ? new char[0] : pass.toCharArray(),
                    signKey.toString()));
        } catch (EvidenceSignature.KeyException e) {
            throw new FusaCommandLine.BadInputException(e.getMessage() + (pass == null ? " (environment variable "
                    + passphraseEnv + " is not set)" : ""), e);
        }
    }

    private ReleaseEvidence load() {
        if (input != null) {
            analysis.requireAbsent("--input and the analysis options (--repo, --arch, ...) exclude each other");
            return EvidenceInputs.load(input);
        }
        if (!analysis.given()) {
            throw new FusaCommandLine.BadInputException(EvidenceInputs.MISSING);
        }
        // suspect links need the previous snapshot, which only an evidence package with --previous names
        return analysis.evidence(analysis.ref, format == Format.evidence ? Optional.ofNullable(previous)
                : Optional.empty());
    }

    /** With --previous and the analysis options: the change impact since it, per configuration, as fusa impact has it. */
    private List<ImpactReport> impacts() {
        if (previous == null || input != null) {
            return List.of();
        }
        return analysis.impacts(analysis.ref, previous);
    }

    private Optional<ReleaseEvidence> previousEvidence() {
        if (previous == null) {
            return Optional.empty();
        }
        return Optional.of(input != null ? EvidenceInputs.load(Path.of(previous)) : analysis.evidence(previous,
                Optional.empty()));
    }

    private Optional<ReadinessInputs> readiness(ReleaseEvidence evidence) {
        if (gates == null) {
            if (previous != null && input != null) {
                throw new FusaCommandLine.BadInputException("--previous with --input needs --gates (the previous "
                        + "evidence JSON is read for the readiness comparison only)");
            }
            return Optional.empty();
        }
        String text = EvidenceInputs.readText(gates, "gate file (--gates)");
        Optional<ReleaseEvidence> before = previousEvidence();
        try {
            return Optional.of(new ReadinessInputs(gates.getFileName().toString(), text, before,
                    ReadinessEvaluator.evaluate(GateFileParser.parse(text, gates.toString()), evidence, before)));
        } catch (GateFileException e) {
            throw new FusaCommandLine.BadInputException(e.getMessage(), e);
        }
    }
}
