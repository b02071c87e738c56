package org.xenfusa.exports.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the documents are made from, for one commit: the analysis results of every configuration, the
 * requirements and their trace, MISRA C per configuration (when findings or records were given), structural
 * coverage per configuration (when a level or coverage data was given), and the input files to carry along. The
 * exports never look anywhere else.
 */
public record ReleaseEvidence(EvidenceContext context, List<ConfigurationFigures> configurations,
        List<RequirementRow> requirements, List<SuspectLinkRow> suspectLinks, List<TraceDefect> defects,
        List<UntracedCode> untracedCode, List<TestResult> testResults, List<AttachedFile> attachments,
        List<MisraFigures> misra, List<CoverageFigures> coverage) {
    public ReleaseEvidence {
        Objects.requireNonNull(context, "context");
        configurations = Copies.list(configurations);
        requirements = Copies.list(requirements);
        suspectLinks = Copies.list(suspectLinks);
        defects = Copies.list(defects);
        untracedCode = Copies.list(untracedCode);
        testResults = Copies.list(testResults);
        attachments = Copies.list(attachments);
        misra = Copies.list(misra);
        coverage = Copies.list(coverage);
        long distinct = configurations.stream().map(ConfigurationFigures::name).distinct().count();
        if (distinct != configurations.size()) {
            throw new IllegalArgumentException("two configurations have the same name");
        }
        if (coverage.stream().map(CoverageFigures::configuration).distinct().count() != coverage.size()) {
            throw new IllegalArgumentException("two coverage reports are of the same configuration");
        }
    }

    /** Evidence without structural coverage figures. */
    public ReleaseEvidence(EvidenceContext context, List<ConfigurationFigures> configurations,
            List<RequirementRow> requirements, List<SuspectLinkRow> suspectLinks, List<TraceDefect> defects,
            List<UntracedCode> untracedCode, List<TestResult> testResults, List<AttachedFile> attachments,
            List<MisraFigures> misra) {
        this(context, configurations, requirements, suspectLinks, defects, untracedCode, testResults, attachments,
                misra, List.of());
    }

    /** Evidence without MISRA C and coverage figures. */
    public ReleaseEvidence(EvidenceContext context, List<ConfigurationFigures> configurations,
            List<RequirementRow> requirements, List<SuspectLinkRow> suspectLinks, List<TraceDefect> defects,
            List<UntracedCode> untracedCode, List<TestResult> testResults, List<AttachedFile> attachments) {
        this(context, configurations, requirements, suspectLinks, defects, untracedCode, testResults, attachments,
                List.of());
    }

    /** The MISRA C figures of a configuration, when the evidence has them. */
    public Optional<MisraFigures> misra(String configuration) {
        return misra.stream().filter(m -> m.configuration().equals(configuration)).findFirst();
    }

    /** The structural coverage figures of a configuration, when the evidence has them. */
    public Optional<CoverageFigures> coverage(String configuration) {
        return coverage.stream().filter(c -> c.configuration().equals(configuration)).findFirst();
    }

    /** Whether any configuration has coverage data: the documents say nothing of coverage otherwise. */
    public boolean hasCoverageData() {
        return coverage.stream().anyMatch(CoverageFigures::hasData);
    }

    public Optional<ConfigurationFigures> configuration(String name) {
        return configurations.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** True when any figure carries a warning: documents must say so on their first page. */
    public boolean hasWarnings() {
        return configurations.stream().anyMatch(c -> !c.warnings().isEmpty());
    }
}
