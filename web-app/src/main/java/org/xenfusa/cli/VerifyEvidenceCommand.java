package org.xenfusa.cli;

import static org.xenfusa.exports.evidence.EvidenceVerifier.printable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.xenfusa.exports.evidence.EvidenceVerifier;
import org.xenfusa.exports.evidence.NotAnEvidencePackageException;
import org.xenfusa.exports.evidence.VerificationResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fusa verify-evidence}: exit 0 when every hash matches, 1 naming the files that differ, 2 not a
 * package (or one that expands beyond the verifier's limits, as a zip bomb does).
 */
@Command(name = "verify-evidence", mixinStandardHelpOptions = true,
        description = "Recompute every SHA-256 of an evidence package and name the files that changed.")
final class VerifyEvidenceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.zip", description = "The evidence package.")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new FusaCommandLine.BadInputException("evidence package not found: " + file);
        }
        VerificationResult r;
        try {
            r = EvidenceVerifier.verify(file);
        } catch (NotAnEvidencePackageException e) {
            throw new FusaCommandLine.BadInputException(e.getMessage(), e);
        }
        // names come from the package: escaped, so that a newline in one cannot forge an "OK" line
        r.changed().forEach(p -> System.out.println("CHANGED " + printable(p)));
        r.added().forEach(p -> System.out.println("ADDED   " + printable(p)));
        r.removed().forEach(p -> System.out.println("REMOVED " + printable(p)));
        String name = printable(file.toString());
        if (r.intactPackage()) {
            System.out.printf("OK %s: %d files match MANIFEST.json (commit %s)%n", name, r.intact().size(),
                    printable(r.manifestCommit()));
            return FusaCommandLine.OK;
        }
        System.out.printf("TAMPERED %s: %d changed, %d added, %d removed, %d intact%n", name, r.changed().size(),
                r.added().size(), r.removed().size(), r.intact().size());
        return FusaCommandLine.CHECK_FAILED;
    }
}
