package org.xenfusa.exports.evidence;

import java.util.List;

/**
 * What verifying an evidence package found: intact files, those changed, added or removed since it was built, and the
 * check of its manifest's signature ({@link EvidenceSignature}).
 */
public record VerificationResult(String manifestCommit, List<String> intact, List<String> changed,
        List<String> added, List<String> removed, EvidenceSignature.Check signature) {
    public VerificationResult {
        intact = List.copyOf(intact);
        changed = List.copyOf(changed);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** Every file matches the manifest (the signature aside). */
    public boolean intactPackage() {
        return changed.isEmpty() && added.isEmpty() && removed.isEmpty();
    }

    /** Intact, and its signature, if any, was not refused (a wrong key or a rewritten manifest). */
    public boolean accepted() {
        return intactPackage() && signature.acceptable();
    }
}
