package org.xenfusa.trace.config;

import java.util.List;
import java.util.Set;

import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * Traceability of one configuration: which items apply, coverage per level, and the compiled code
 * that no requirement reaches, in cloc code lines (total, per directory, per file, per function).
 *
 * @param applicable the items that apply: those compiled code reaches, with what the trace policy decided
 * @param reached    the items compiled code reaches (code links and tags in compiled files, and upwards by covers)
 */
public record ConfigurationCoverage(Set<SpecificationItemId> applicable, Set<SpecificationItemId> reached,
        List<LevelCoverage> levels, int compiledFiles,
        int compiledCode, int tracedCode, int untracedCode, List<DirectorySloc> directories, List<FileSloc> files,
        List<FunctionSloc> untracedFunctions) {
    public ConfigurationCoverage {
        // by id, in every JVM (Set.copyOf's order changes from one JVM to the next)
        applicable = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(applicable));
        reached = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(reached));
        levels = List.copyOf(levels);
        directories = List.copyOf(directories);
        files = List.copyOf(files);
        untracedFunctions = List.copyOf(untracedFunctions);
    }
}
