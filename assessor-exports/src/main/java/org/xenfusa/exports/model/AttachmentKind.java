package org.xenfusa.exports.model;

/** The kinds of input file an evidence package carries besides the {@code .config} files. */
public enum AttachmentKind {
    LINKS("links"), TEST_RESULTS("test-results"), OTHER("other"),
    /** Xen's MISRA C records at the commit (docs/misra, the ECLAIR configuration), as the report read them. */
    MISRA_RECORDS("misra-records"),
    /** Analyser findings (SARIF, cppcheck XML, xen-analysis.py text) as given. */
    MISRA_FINDINGS("misra-findings"),
    /** Structural coverage data files (gcov JSON, gcovr JSON, lcov, Cobertura, llvm-cov JSON), byte for byte. */
    COVERAGE_DATA("coverage-data");

    private final String folder;

    AttachmentKind(String folder) {
        this.folder = folder;
    }

    /** The folder under {@code inputs/} that holds files of this kind in an evidence package. */
    public String folder() {
        return folder;
    }
}
