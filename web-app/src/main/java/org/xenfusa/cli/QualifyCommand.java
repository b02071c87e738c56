package org.xenfusa.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.xenfusa.exports.qualification.QualificationDocument;
import org.xenfusa.exports.qualification.QualificationException;
import org.xenfusa.exports.qualification.QualificationJson;
import org.xenfusa.exports.qualification.QualificationKit;
import org.xenfusa.exports.qualification.QualificationReport;
import org.xenfusa.sloc.reference.ReferenceCase;
import org.xenfusa.sloc.reference.ReferenceData;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fusa qualify}: the tool qualification kit. Re-runs the reference comparisons against the figures the
 * repository holds in {@code reference-data/} and writes the qualification report; exit 0 when no case failed, 1
 * naming the failed cases, 2 on bad input (no reference data; {@code --xen} not a Xen clone with the tags).
 */
@Command(name = "qualify", mixinStandardHelpOptions = true,
        description = "Re-run the reference comparisons on this machine and write the tool qualification report.")
final class QualifyCommand implements Callable<Integer> {
    @Option(names = "--xen", paramLabel = "PATH", description = "A Xen clone with every tag reference-data/ has figures"
            + " for (default: $XEN_SRC). Without one, the cases that need Xen are stated as not run.")
    Path xen;

    @Option(names = "--json", description = "Print the report as one JSON document.")
    boolean json;

    @Option(names = "--docx", paramLabel = "FILE", description = "Also write the report as a Word document.")
    Path docx;

    @Option(names = "--reference-data", paramLabel = "DIR", description = "The reference figures (default: the"
            + " reference-data/ folder of the repository this command runs from).")
    Path referenceData;

    @Override
    public Integer call() throws Exception {
        ReferenceData data = referenceData();
        Optional<Path> clone = Optional.ofNullable(xen).or(() -> Optional.ofNullable(System.getenv("XEN_SRC"))
                .filter(s -> !s.isBlank()).map(Path::of));
        if (clone.isPresent() && !Files.isDirectory(clone.get())) {
            throw new FusaCommandLine.BadInputException("--xen " + clone.get() + ": not a folder");
        }
        if (docx != null && docx.toAbsolutePath().getParent() != null
                && !Files.isDirectory(docx.toAbsolutePath().getParent())) {
            throw new FusaCommandLine.BadInputException("folder of --docx not found: " + docx.toAbsolutePath().getParent());
        }
        Path project = data.root().toAbsolutePath().getParent();
        Path work = Files.createTempDirectory("fusa-qualify");
        QualificationReport report;
        try {
            report = QualificationKit.run(data, clone, Optional.ofNullable(project), work);
        } catch (QualificationException e) {
            throw new FusaCommandLine.BadInputException(e.getMessage(), e);
        } finally {
            delete(work);
        }
        if (docx != null) {
            Files.write(docx, QualificationDocument.write(report));
        }
        if (json) {
            System.out.println(QualificationJson.write(report));
        } else {
            report.cases().forEach(c -> System.out.println(c.summary()));
            System.out.printf("%s: %d passed, %d failed, %d not run (%s, commit %s)%n",
                    !report.passed() ? "FAILED" : report.count(ReferenceCase.Outcome.NOT_RUN) == 0 ? "QUALIFIED"
                            : "PASSED, NOT COMPLETE", report.count(ReferenceCase.Outcome.PASS),
                    report.count(ReferenceCase.Outcome.FAIL), report.count(ReferenceCase.Outcome.NOT_RUN), report.tool(),
                    report.toolCommit());
        }
        if (!report.passed()) {
            System.err.println("fusa: failed cases: " + String.join(", ",
                    report.failed().stream().map(ReferenceCase::id).toList()));
            return FusaCommandLine.CHECK_FAILED;
        }
        return FusaCommandLine.OK;
    }

    private ReferenceData referenceData() {
        if (referenceData != null) {
            if (!Files.isDirectory(referenceData)) {
                throw new FusaCommandLine.BadInputException("--reference-data " + referenceData + ": not a folder");
            }
            return new ReferenceData(referenceData);
        }
        Optional<ReferenceData> found = ReferenceData.above(Path.of(""));
        if (found.isEmpty()) {
            try {
                found = ReferenceData.above(Path.of(QualifyCommand.class.getProtectionDomain().getCodeSource()
                        .getLocation().toURI()));
            } catch (URISyntaxException | RuntimeException e) {
                found = Optional.empty();
            }
        }
        return found.orElseThrow(() -> new FusaCommandLine.BadInputException("no reference-data/ folder here or above:"
                + " run fusa qualify in a clone of xen-fusa, or give --reference-data DIR"));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
