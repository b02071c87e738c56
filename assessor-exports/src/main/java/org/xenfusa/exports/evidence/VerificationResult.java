package org.xenfusa.exports.evidence;

import java.util.List;

/** What verifying an evidence package found: intact files, and those changed, added or removed since it was built. */
public record VerificationResult(String manifestCommit, List<String> intact, List<String> changed,
        List<String> added, List<String> removed) {
    public VerificationResult {
        intact = List.copyOf(intact);
        changed = List.copyOf(changed);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    public boolean intactPackage() {
        return changed.isEmpty() && added.isEmpty() && removed.isEmpty();
    }
}
