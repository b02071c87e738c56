package org.xenfusa.cli;

import static org.xenfusa.exports.evidence.EvidenceVerifier.printable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.xenfusa.exports.evidence.EvidenceSignature;
import org.xenfusa.exports.evidence.EvidenceVerifier;
import org.xenfusa.exports.evidence.NotAnEvidencePackageException;
import org.xenfusa.exports.evidence.VerificationResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fusa verify-evidence}: exit 0 when every hash matches and the signature, if any, is not refused; 1 naming the
 * files that differ, or a signature of another key or over another manifest (or none when {@code --public-key} asks
 * for one); 2 not a package (or one that expands beyond the verifier's limits, as a zip bomb does).
 */
@Command(name = "verify-evidence", mixinStandardHelpOptions = true,
        description = "Recompute every SHA-256 of an evidence package, name the files that changed and check its signature.")
final class VerifyEvidenceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.zip", description = "The evidence package.")
    Path file;

    @Option(names = "--public-key", paramLabel = "FILE", description = "Check the package's signature (MANIFEST.json.asc)"
            + " with this OpenPGP public key (armored, as gpg --armor --export writes it); a package not signed by it,"
            + " or not signed at all, then fails.")
    Path publicKey;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new FusaCommandLine.BadInputException("evidence package not found: " + file);
        }
        if (publicKey != null && !Files.isRegularFile(publicKey)) {
            throw new FusaCommandLine.BadInputException("public key file not found: " + publicKey);
        }
        VerificationResult r;
        try {
            r = EvidenceVerifier.verify(file, EvidenceVerifier.Limits.DEFAULT, Optional.ofNullable(publicKey));
        } catch (NotAnEvidencePackageException e) {
            throw new FusaCommandLine.BadInputException(e.getMessage(), e);
        }
        // names come from the package: escaped, so that a newline in one cannot forge an "OK" line
        r.changed().forEach(p -> System.out.println("CHANGED " + printable(p)));
        r.added().forEach(p -> System.out.println("ADDED   " + printable(p)));
        r.removed().forEach(p -> System.out.println("REMOVED " + printable(p)));
        String name = printable(file.toString());
        EvidenceSignature.Check sig = r.signature();
        // the signature line first (an unsigned package says so on its OK line): OK is printed only when hashes and
        // signature are both accepted
        if (sig.state() != EvidenceSignature.State.NOT_SIGNED || publicKey != null) {
            System.out.println(switch (sig.state()) {
                case VALID -> "SIGNED " + printable(sig.detail());
                case NOT_SIGNED, NOT_CHECKED -> "SIGNATURE " + printable(sig.detail());
                case OTHER_KEY, INVALID -> "BAD SIGNATURE " + printable(sig.detail());
            });
        }
        boolean signatureRequired = publicKey != null && sig.state() == EvidenceSignature.State.NOT_SIGNED;
        if (r.accepted() && !signatureRequired) {
            System.out.printf("OK %s: %d files match MANIFEST.json (commit %s)%s%n", name, r.intact().size(),
                    printable(r.manifestCommit()), sig.state() == EvidenceSignature.State.VALID ? ", signature valid"
                            : sig.state() == EvidenceSignature.State.NOT_SIGNED ? ", not signed" : ", signature not checked");
            return FusaCommandLine.OK;
        }
        if (r.intactPackage()) {
            System.out.printf("REFUSED %s: %d files match MANIFEST.json but %s%n", name, r.intact().size(),
                    signatureRequired ? "the package is not signed and --public-key asks for a signature"
                            : "the signature is refused");
            return FusaCommandLine.CHECK_FAILED;
        }
        System.out.printf("TAMPERED %s: %d changed, %d added, %d removed, %d intact%n", name, r.changed().size(),
                r.added().size(), r.removed().size(), r.intact().size());
        return FusaCommandLine.CHECK_FAILED;
    }
}
