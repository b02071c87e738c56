package org.xenfusa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.xenfusa.exports.docx.ReadinessDocument;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.readiness.GateFileException;
import org.xenfusa.exports.readiness.GateFileParser;
import org.xenfusa.exports.readiness.GateResult;
import org.xenfusa.exports.readiness.ReadinessEvaluator;
import org.xenfusa.exports.readiness.ReadinessGates;
import org.xenfusa.exports.readiness.ReadinessReport;
import org.xenfusa.exports.xlsx.ReadinessWorkbook;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fusa readiness}: evaluates the gate file on a release (analysed from {@code --repo} at {@code --ref}, or an
 * evidence JSON); exit 1 when a gate fails, for CI.
 */
@Command(name = "readiness", mixinStandardHelpOptions = true,
        description = "Evaluate release-readiness gates (exit 1 when a gate fails).")
final class ReadinessCommand implements Callable<Integer> {
    @Option(names = "--gates", description = "Gate file (YAML); default: the shipped gates, "
            + "assessor-exports/src/main/resources/readiness-gates.yaml.")
    Path gates;

    @Option(names = "--input", description = "Evidence JSON of the release, instead of the analysis options.")
    Path input;

    @Mixin
    EvidenceOptions analysis;

    @Option(names = "--previous", description = "The previous release, for deltas, growth and suspect links: a ref "
            + "of --repo, or (with --input) its evidence JSON.")
    String previous;

    @Option(names = "--docx", description = "Also write the readiness report as DOCX.")
    Path docx;

    @Option(names = "--xlsx", description = "Also write the readiness report as XLSX.")
    Path xlsx;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (gates != null && !Files.isRegularFile(gates)) {
            throw new FusaCommandLine.BadInputException("gate file (--gates) not found: " + gates);
        }
        ReadinessGates parsed;
        try {
            // the gate file is checked before the (long) analysis, so a typo fails in a second
            parsed = gates == null ? GateFileParser.parse(ReadinessGates.shippedText(), ReadinessGates.SHIPPED_NAME)
                    : GateFileParser.parse(EvidenceInputs.readText(gates, "gate file"), gates.toString());
        } catch (GateFileException e) {
            throw new FusaCommandLine.BadInputException(e.getMessage(), e);
        }
        ReleaseEvidence current;
        Optional<ReleaseEvidence> before;
        if (input != null) {
            analysis.requireAbsent("--input and the analysis options (--repo, --arch, ...) exclude each other");
            current = EvidenceInputs.load(input);
            before = EvidenceInputs.loadOptional(previous == null ? null : Path.of(previous));
        } else if (analysis.given()) {
            current = analysis.evidence(analysis.ref, Optional.ofNullable(previous));
            before = previous == null ? Optional.empty() : Optional.of(analysis.evidence(previous, Optional.empty()));
        } else {
            throw new FusaCommandLine.BadInputException(EvidenceInputs.MISSING);
        }
        ReadinessReport report;
        try {
            report = ReadinessEvaluator.evaluate(parsed, current, before);
        } catch (GateFileException e) {
            throw new FusaCommandLine.BadInputException(e.getMessage(), e);
        }
        if (docx != null) {
            // from a repository with --previous, the report has the change impact since the previous release
            List<org.xenfusa.trace.impact.ImpactReport> impacts = input == null && previous != null
                    ? analysis.impacts(analysis.ref, previous) : List.of();
            Files.write(docx, ReadinessDocument.write(current, report, impacts));
        }
        if (xlsx != null) {
            Files.write(xlsx, ReadinessWorkbook.write(report));
        }
        if (json) {
            System.out.println(toJson(report));
        } else {
            System.out.printf("%s %s (%s): %s%n", current.context().repository(), current.context().ref(),
                    current.context().commit(), report.passed() ? "READY" : "NOT READY");
            System.out.printf("trace policy %s%n", current.context().tracePolicy().label());
            for (GateResult r : report.results()) {
                System.out.printf("%-8s %-24s %-40s threshold %-8s value %-8s %s%n", r.verdict(), r.configuration(),
                        r.gate().key(), number(r.threshold()), r.value().map(ReadinessCommand::number).orElse("n/a"),
                        r.detail());
            }
            report.reasons().forEach(why -> System.out.println("not ready: " + why));
        }
        return report.passed() ? FusaCommandLine.OK : FusaCommandLine.CHECK_FAILED;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String toJson(ReadinessReport report) {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(ReadinessJson.of(report));
    }
}
