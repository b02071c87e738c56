package org.xenfusa.web.analysis;

/** What a stored analysis result holds. */
public enum AnalysisKind {
    /** The three SLOC figures per directory and in total, and the certification effort per level. */
    SLOC,
    /** Requirements by verdict, compiled code traced and untraced, suspect links since the previous release. */
    TRACE,
    /** The readiness verdict and every gate, against the previous release. */
    READINESS,
    /** Structural coverage of the compiled code from the imported data, and the criteria of the target level. */
    COVERAGE,
    /** MISRA C violations, justified findings and findings outside the configuration, from the imported findings. */
    MISRA
}
