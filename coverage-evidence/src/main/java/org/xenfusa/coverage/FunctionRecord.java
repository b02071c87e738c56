package org.xenfusa.coverage;

import java.util.Objects;

/**
 * A function as the coverage data names it: its name, the line the tool gives for it (gcov: the line of its name;
 * lcov {@code FN}; Cobertura {@code method}'s first line; llvm-cov: the start of its first region), its last line when
 * the data has it (0 otherwise) and how often it was called.
 */
public record FunctionRecord(String name, int line, int endLine, long calls) {
    public FunctionRecord {
        Objects.requireNonNull(name, "name");
        if (line < 1 || endLine < 0 || calls < 0) {
            throw new IllegalArgumentException(name + " line " + line + " end " + endLine + " calls " + calls);
        }
    }

    public FunctionRecord plus(FunctionRecord other) {
        return new FunctionRecord(name, line, Math.max(endLine, other.endLine), calls + other.calls);
    }
}
