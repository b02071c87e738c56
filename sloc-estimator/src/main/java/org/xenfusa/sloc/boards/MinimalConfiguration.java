package org.xenfusa.sloc.boards;

import java.util.List;
import java.util.Objects;

import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.ConfigurationRequest;

/**
 * The smallest configuration the Kconfig rules allow that still builds the ports of some boards:
 * {@code allnoconfig} plus the platform choice and the drivers they need, resolved by the Kconfig engine.
 *
 * @param requiredFiles  the files the ports need (repository paths)
 * @param missingFiles   required files the configuration does not compile (empty when it builds every port)
 * @param unknownSymbols symbols the table names that this tag's Kconfig does not define (left out)
 * @param notes          what the choice of platform implies for these boards
 */
public record MinimalConfiguration(List<String> boards, ConfigurationRequest request, ConfigurationReport report,
        List<String> requiredFiles, List<String> missingFiles, List<String> unknownSymbols, List<String> notes) {
    public MinimalConfiguration {
        boards = List.copyOf(boards);
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(report, "report");
        requiredFiles = List.copyOf(requiredFiles);
        missingFiles = List.copyOf(missingFiles);
        unknownSymbols = List.copyOf(unknownSymbols);
        notes = List.copyOf(notes);
    }

    /** Whether every required file is compiled. */
    public boolean buildsEveryPort() {
        return missingFiles.isEmpty();
    }
}
