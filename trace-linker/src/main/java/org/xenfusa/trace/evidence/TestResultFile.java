package org.xenfusa.trace.evidence;

import java.util.List;
import java.util.Objects;

/** An imported result file: its path, the SHA-256 of its bytes (evidence must be traceable to the file) and its cases. */
public record TestResultFile(String path, String sha256, List<TestCaseResult> cases) {
    public TestResultFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        cases = List.copyOf(cases);
    }
}
