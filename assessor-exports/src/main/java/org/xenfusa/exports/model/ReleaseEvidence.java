package org.xenfusa.exports.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the documents are made from, for one commit: the analysis results of every configuration, the
 * requirements and their trace, and the input files to carry along. The exports never look anywhere else.
 */
public record ReleaseEvidence(EvidenceContext context, List<ConfigurationFigures> configurations,
        List<RequirementRow> requirements, List<SuspectLinkRow> suspectLinks, List<TraceDefect> defects,
        List<UntracedCode> untracedCode, List<TestResult> testResults, List<AttachedFile> attachments) {
    public ReleaseEvidence {
        Objects.requireNonNull(context, "context");
        configurations = Copies.list(configurations);
        requirements = Copies.list(requirements);
        suspectLinks = Copies.list(suspectLinks);
        defects = Copies.list(defects);
        untracedCode = Copies.list(untracedCode);
        testResults = Copies.list(testResults);
        attachments = Copies.list(attachments);
        long distinct = configurations.stream().map(ConfigurationFigures::name).distinct().count();
        if (distinct != configurations.size()) {
            throw new IllegalArgumentException("two configurations have the same name");
        }
    }

    public Optional<ConfigurationFigures> configuration(String name) {
        return configurations.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** True when any figure carries a warning: documents must say so on their first page. */
    public boolean hasWarnings() {
        return configurations.stream().anyMatch(c -> !c.warnings().isEmpty());
    }
}
