package org.xenfusa.trace.impact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.xenfusa.sloc.config.ConfigurationDiff;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortEstimate;
import org.xenfusa.trace.suspect.SuspectLink;

/**
 * What changed between two snapshots of one repository in one configuration, and what must be done again because of
 * it. Every page, command and document renders this one report.
 *
 * @param fromRef       the earlier snapshot (a tag, branch or commit)
 * @param toRef         the later snapshot
 * @param configuration the configuration's name
 * @param compiledFrom  how many files the earlier snapshot compiles
 * @param compiledTo    how many files the later snapshot compiles
 * @param changedFiles  compiled files (on either side) whose content differs, or that only one side compiles, sorted
 * @param functions     the compiled functions added, removed or changed, by path, then line
 * @param files         per file with a function change, by path
 * @param directories   per directory with a function change, by name
 * @param suspects      the links made suspect ({@link org.xenfusa.trace.suspect.SuspectLinkAnalysis})
 * @param requirements  the requirements to review again: direct ones, then their parents, each by id
 * @param tests         the tests linked to those requirements, to run again
 * @param sloc          the three SLOC figures' change, when both sides' configuration reports were given
 * @param effortModel   the name of the effort model of {@code effort} (empty when none was given)
 * @param effort        per DAL, the later snapshot's effort minus the earlier's
 */
public record ImpactReport(String fromRef, String toRef, String configuration, int compiledFrom, int compiledTo,
        List<String> changedFiles, List<FunctionChange> functions, List<AreaImpact> files, List<AreaImpact> directories,
        List<SuspectLink> suspects, List<RequirementImpact> requirements, List<TestImpact> tests,
        Optional<ConfigurationDiff> sloc, Optional<String> effortModel, Map<DesignAssuranceLevel, EffortEstimate> effort) {
    public ImpactReport {
        Objects.requireNonNull(fromRef, "fromRef");
        Objects.requireNonNull(toRef, "toRef");
        Objects.requireNonNull(configuration, "configuration");
        changedFiles = List.copyOf(changedFiles);
        functions = List.copyOf(functions);
        files = List.copyOf(files);
        directories = List.copyOf(directories);
        suspects = List.copyOf(suspects);
        requirements = List.copyOf(requirements);
        tests = List.copyOf(tests);
        Objects.requireNonNull(sloc, "sloc");
        Objects.requireNonNull(effortModel, "effortModel");
        effort = Collections.unmodifiableMap(new LinkedHashMap<>(effort));
    }

    public List<FunctionChange> functions(FunctionChange.Kind kind) {
        return functions.stream().filter(f -> f.kind() == kind).toList();
    }

    public int count(FunctionChange.Kind kind) {
        return (int) functions.stream().filter(f -> f.kind() == kind).count();
    }

    public int added() {
        return count(FunctionChange.Kind.ADDED);
    }

    public int removed() {
        return count(FunctionChange.Kind.REMOVED);
    }

    public int changed() {
        return count(FunctionChange.Kind.CHANGED);
    }

    /** The requirements a changed function's link or tag names. */
    public List<RequirementImpact> directRequirements() {
        return requirements.stream().filter(RequirementImpact::direct).toList();
    }

    /** The requirements above those. */
    public List<RequirementImpact> parentRequirements() {
        return requirements.stream().filter(r -> !r.direct()).toList();
    }

    /** One line: the counts a summary shows. */
    public String summary() {
        return String.format("%s -> %s (%s): %d compiled functions added, %d removed, %d changed in %d files;"
                + " %d suspect links; %d requirements to review again; %d tests to run again", fromRef, toRef,
                configuration, count(FunctionChange.Kind.ADDED), count(FunctionChange.Kind.REMOVED),
                count(FunctionChange.Kind.CHANGED), files.size(), suspects.size(), requirements.size(), tests.size());
    }
}
