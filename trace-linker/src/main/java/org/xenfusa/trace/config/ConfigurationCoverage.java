package org.xenfusa.trace.config;

import java.util.List;
import java.util.Set;

import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * Traceability of one configuration: which items apply, coverage per level, and the compiled code
 * that no requirement reaches, in cloc code lines (total, per directory, per file, per function).
 */
public record ConfigurationCoverage(Set<SpecificationItemId> applicable, List<LevelCoverage> levels, int compiledFiles,
        int compiledCode, int tracedCode, int untracedCode, List<DirectorySloc> directories, List<FileSloc> files,
        List<FunctionSloc> untracedFunctions) {
    public ConfigurationCoverage {
        applicable = Set.copyOf(applicable);
        levels = List.copyOf(levels);
        directories = List.copyOf(directories);
        files = List.copyOf(files);
        untracedFunctions = List.copyOf(untracedFunctions);
    }
}
