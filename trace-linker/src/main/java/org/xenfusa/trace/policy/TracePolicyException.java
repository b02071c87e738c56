package org.xenfusa.trace.policy;

import java.util.List;
import java.util.stream.Collectors;

import org.xenfusa.trace.spec.ImportProblem;

/** A policy that cannot be used, with every problem found (file, line, what); the caller keeps its previous policy. */
public class TracePolicyException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ImportProblem> problems;

    public TracePolicyException(List<ImportProblem> problems) {
        super(problems.stream().map(ImportProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
