package org.xenfusa.sloc.boards;

import java.util.List;
import java.util.Objects;

import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.ConfigurationRequest;

/**
 * The smallest configuration the Kconfig rules allow that still builds the ports of some boards:
 * {@code allnoconfig} plus the platform choice and the drivers they need (interrupt controller, timer,
 * UART, IOMMU), resolved by the Kconfig engine.
 *
 * @param requiredFiles      the files the ports need (repository paths)
 * @param missingFiles       required files the configuration does not compile (empty when it builds every port)
 * @param requiredSymbols    the Kconfig symbols that build the ports' drivers
 * @param disabledSymbols    required symbols the resolved configuration does not set to {@code y}
 * @param unknownSymbols     symbols the table names that this tag's Kconfig does not define (left out)
 * @param unrecordedEssentials per board lacking one, what the table does not record ("rcar3: interrupt controller"):
 *                           a table written before components; such a configuration is not said to build the port
 * @param notes              what the choice of platform implies for these boards
 */
public record MinimalConfiguration(List<String> boards, ConfigurationRequest request, ConfigurationReport report,
        List<String> requiredFiles, List<String> missingFiles, List<String> requiredSymbols, List<String> disabledSymbols,
        List<String> unknownSymbols, List<String> unrecordedEssentials, List<String> notes) {
    public MinimalConfiguration {
        boards = List.copyOf(boards);
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(report, "report");
        requiredFiles = List.copyOf(requiredFiles);
        missingFiles = List.copyOf(missingFiles);
        requiredSymbols = List.copyOf(requiredSymbols);
        disabledSymbols = List.copyOf(disabledSymbols);
        unknownSymbols = List.copyOf(unknownSymbols);
        unrecordedEssentials = List.copyOf(unrecordedEssentials);
        notes = List.copyOf(notes);
    }

    /** Whether it compiles the component's driver file (false for a component without a driver). */
    public boolean compiles(BoardComponent component) {
        return component.driver().map(d -> report.compiledFiles().stream().anyMatch(f -> f.equals(d.file()) || f.endsWith("/" + d.file())))
                .orElse(false);
    }

    /** The value the configuration gives the component's driver symbol; "y" for a driver always built, "-" without a driver. */
    public String symbolValue(BoardComponent component) {
        return component.driver().map(d -> d.symbol().map(report::value).orElse("y")).orElse("-");
    }

    /**
     * Whether it builds every port: every required file compiled, every driver symbol set, and the table
     * records each board's interrupt controller and timer.
     */
    public boolean buildsEveryPort() {
        return missingFiles.isEmpty() && disabledSymbols.isEmpty() && unrecordedEssentials.isEmpty();
    }
}
