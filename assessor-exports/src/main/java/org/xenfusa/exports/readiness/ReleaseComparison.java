package org.xenfusa.exports.readiness;

import java.util.List;

import org.xenfusa.exports.model.SuspectLinkRow;

/** What changed since the previous release: code and effort per configuration, requirements, links, tests. */
public record ReleaseComparison(String previousRef, String previousCommit, List<DirectoryDelta> directories,
        List<EffortDelta> effort, List<String> requirementsAdded, List<String> requirementsChanged,
        List<String> requirementsRemoved, List<SuspectLinkRow> newSuspectLinks, List<String> regressedTests) {

    /** make-cloc and active code lines of one directory in both releases (0 where it did not exist). */
    public record DirectoryDelta(String configuration, String path, long previousCode, long currentCode,
            long previousActive, long currentActive) {
        public long codeDelta() {
            return currentCode - previousCode;
        }
    }

    /** Effort hours of one level in both releases. */
    public record EffortDelta(String configuration, String level, double previousHours, double currentHours) {
        public double delta() {
            return currentHours - previousHours;
        }
    }

    public ReleaseComparison {
        directories = List.copyOf(directories);
        effort = List.copyOf(effort);
        requirementsAdded = List.copyOf(requirementsAdded);
        requirementsChanged = List.copyOf(requirementsChanged);
        requirementsRemoved = List.copyOf(requirementsRemoved);
        newSuspectLinks = List.copyOf(newSuspectLinks);
        regressedTests = List.copyOf(regressedTests);
    }
}
