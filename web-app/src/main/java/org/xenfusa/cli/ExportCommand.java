package org.xenfusa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.xenfusa.exports.docx.TraceabilityReport;
import org.xenfusa.exports.evidence.EvidencePackage;
import org.xenfusa.exports.evidence.ReadinessInputs;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.Sha256;
import org.xenfusa.exports.readiness.GateFileException;
import org.xenfusa.exports.readiness.GateFileParser;
import org.xenfusa.exports.readiness.ReadinessEvaluator;
import org.xenfusa.exports.reqif.ReqifExport;
import org.xenfusa.exports.xlsx.AssessorWorkbook;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fusa export}: writes one assessor document (XLSX, DOCX, ReqIF) or the whole evidence package. */
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

    @Option(names = "--input", required = true,
            description = "Evidence JSON (until the analysis options --repo/--ref/configuration are wired here).")
    Path input;

    @Option(names = "--gates", description = "Evidence package only: also evaluate and include this gate file.")
    Path gates;

    @Option(names = "--previous", description = "Evidence package only: previous release's evidence JSON.")
    Path previous;

    @Override
    public Integer call() throws Exception {
        ReleaseEvidence evidence = EvidenceInputs.load(input);
        if (format != Format.evidence && (gates != null || previous != null)) {
            throw new FusaCommandLine.BadInputException("--gates and --previous go with --format evidence only");
        }
        byte[] bytes = switch (format) {
            case xlsx -> AssessorWorkbook.write(evidence);
            case docx -> TraceabilityReport.write(evidence);
            case reqif -> ReqifExport.write(evidence.context(), evidence.requirements());
            case evidence -> EvidencePackage.build(evidence, readiness(evidence));
        };
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new FusaCommandLine.BadInputException("folder " + parent + " does not exist");
        }
        Files.write(out, bytes);
        if (evidence.hasWarnings()) {
            System.err.println("fusa: warning: some figures carry warnings; the documents state them");
        }
        System.out.printf("%s %s %d bytes sha256 %s%n", format, out, bytes.length, Sha256.hex(bytes));
        return FusaCommandLine.OK;
    }

    private Optional<ReadinessInputs> readiness(ReleaseEvidence evidence) {
        if (gates == null) {
            if (previous != null) {
                throw new FusaCommandLine.BadInputException("--previous needs --gates");
            }
            return Optional.empty();
        }
        String text = EvidenceInputs.readText(gates, "gate file");
        Optional<ReleaseEvidence> before = EvidenceInputs.loadOptional(previous);
        try {
            return Optional.of(new ReadinessInputs(gates.getFileName().toString(), text, before,
                    ReadinessEvaluator.evaluate(GateFileParser.parse(text, gates.toString()), evidence, before)));
        } catch (GateFileException e) {
            throw new FusaCommandLine.BadInputException(e.getMessage(), e);
        }
    }
}
