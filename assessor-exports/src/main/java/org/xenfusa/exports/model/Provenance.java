package org.xenfusa.exports.model;

import org.xenfusa.sloc.effort.SlocFigure;
import java.util.ArrayList;
import java.util.List;

/** How each figure in the documents was obtained, stated the same way in every document. */
public final class Provenance {
    private Provenance() {
    }

    /** One figure and the reference tool its value equals. */
    public record Source(String figure, String obtainedBy) {
    }

    public static List<Source> sources(EvidenceContext context) {
        List<Source> rows = new ArrayList<>();
        rows.add(new Source("Per-file blank / comment / code lines",
                "Same rules as cloc 1.96, the counter Xen's `make cloc` runs; checked file by file against cloc."));
        for (SlocFigure kind : SlocFigure.values()) {
            rows.add(new Source("SLOC, " + kind.label(), kind.reference()));
        }
        rows.add(new Source(".config of each configuration",
                "Resolved as Xen's bundled kconfig resolves it (make defconfig / olddefconfig); the SHA-256 is of"
                        + " the .config bytes carried in this evidence."));
        rows.add(new Source("Trace verdicts, defects, coverage",
                "Same verdicts as OpenFastTrace 4.4.0 `trace` on the same specification files, code and test tags."));
        rows.add(new Source("Effort per level",
                context.effortModel().isBlank() ? "Effort model not stated." : context.effortModel()));
        return List.copyOf(rows);
    }
}
