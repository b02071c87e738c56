package org.xenfusa.misra;

import java.util.ArrayList;
import java.util.List;

/**
 * What importing analyser reports gave: the findings, one source per input file (name, format, SHA-256 of its bytes,
 * findings taken), how many findings were of checks that are not MISRA C guidelines (counted, not kept), and the
 * problems. A file that cannot be read as a whole gives no finding at all; a finding that cannot be placed (unknown
 * guideline, file not in the snapshot) is a problem and the file's other findings are kept.
 */
public record FindingsImport(List<MisraFinding> findings, List<Source> sources, int notMisra,
        List<MisraProblem> problems) {
    public FindingsImport {
        findings = List.copyOf(findings);
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
    }

    /** One imported file. {@code format} is {@code sarif}, {@code cppcheck-xml} or {@code xen-analysis-text}. */
    public record Source(String name, String format, String sha256, int findings, String tool, String toolVersion) {
    }

    public static FindingsImport empty() {
        return new FindingsImport(List.of(), List.of(), 0, List.of());
    }

    /** This import and {@code other} together, in order. */
    public FindingsImport plus(FindingsImport other) {
        List<MisraFinding> f = new ArrayList<>(findings);
        f.addAll(other.findings);
        List<Source> s = new ArrayList<>(sources);
        s.addAll(other.sources);
        List<MisraProblem> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        return new FindingsImport(f, s, notMisra + other.notMisra, p);
    }
}
