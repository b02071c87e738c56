package org.xenfusa.sloc.boards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.config.FileFigures;
import org.xenfusa.sloc.config.FileRole;
import org.xenfusa.sloc.config.LineFigures;
import org.xenfusa.sloc.kconfig.KconfigTree;
import org.xenfusa.sloc.kconfig.StartingPoint;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.xen.XenArch;

/** Builds board configurations with the Kconfig engine and counts them. */
// [impl->dsn~configuration-comparison~1]
public final class BoardConfigurations {
    private static final String NO_PLAT = "NO_PLAT";
    private static final String ALL_PLAT = "ALL_PLAT";

    private final ConfigurationCounter counter;

    public BoardConfigurations(ConfigurationCounter counter) {
        this.counter = counter;
    }

    /**
     * The smallest configuration that builds every port of {@code boards}: allnoconfig, the one
     * platform choice they share ({@code ALL_PLAT} when they need different ones), and every driver of
     * their components (interrupt controller, timer, UART, IOMMU), set one by one so that no platform
     * choice is relied on for them.
     *
     * @throws MixedArchitectureBoardsException when the boards are of different architectures
     * @throws IllegalArgumentException when no board is given
     */
    public MinimalConfiguration minimal(List<Board> boards) {
        if (boards.isEmpty()) {
            throw new IllegalArgumentException("choose at least one board");
        }
        XenArch arch = boards.get(0).arch();
        if (boards.stream().anyMatch(b -> b.arch() != arch)) {
            throw new MixedArchitectureBoardsException(boards);
        }
        ToolchainProfile profile = ToolchainProfile.defaultFor(arch.targetArch());
        KconfigTree kconfig = counter.kconfig(arch, profile);
        List<String> notes = new ArrayList<>();
        TreeSet<String> platforms = new TreeSet<>();
        boards.stream().map(Board::platform).filter(p -> !p.equals(NO_PLAT)).forEach(platforms::add);
        String platform = platforms.isEmpty() ? NO_PLAT : platforms.size() == 1 ? platforms.first() : ALL_PLAT;
        if (platforms.size() > 1) {
            notes.add("the boards need different platform choices " + platforms + ": ALL_PLAT builds every platform file, and"
                    + " each board's interrupt controller, timer, UART and IOMMU drivers are set one by one (what a specific"
                    + " choice selects besides them, e.g. HAS_ITS or SCMI_SMC, is not)");
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(platform, "y");
        List<String> requiredSymbols = new ArrayList<>();
        List<String> unrecorded = new ArrayList<>();
        for (Board b : boards) {
            for (BoardDriver d : b.drivers()) {
                d.needs().forEach(n -> wanted.put(n.symbol(), n.value()));
                d.symbol().ifPresent(s -> {
                    wanted.put(s, "y");
                    if (!requiredSymbols.contains(s)) {
                        requiredSymbols.add(s);
                    }
                });
            }
            b.unrecordedEssentials().forEach(k -> unrecorded.add(b.id() + ": " + k.label()));
        }
        List<SymbolAssignment> overrides = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        wanted.forEach((symbol, value) -> {
            if (kconfig.symbol(symbol).isPresent()) {
                overrides.add(new SymbolAssignment(symbol, value));
            } else {
                unknown.add(symbol);
            }
        });
        ConfigurationRequest request = new ConfigurationRequest(arch, new StartingPoint.AllNo(), overrides, profile);
        ConfigurationReport report = counter.report(request);
        String x = counter.xenFolder();
        Set<String> compiled = new LinkedHashSet<>(report.compiledFiles());
        List<String> required = new ArrayList<>();
        boards.forEach(b -> b.requiredFiles().forEach(f -> required.add(x + f)));
        List<String> missing = required.stream().filter(f -> !compiled.contains(f)).distinct().toList();
        List<String> disabled = requiredSymbols.stream().filter(s -> !unknown.contains(s) && !report.value(s).equals("y")).toList();
        return new MinimalConfiguration(boards.stream().map(Board::id).toList(), request, report,
                required.stream().distinct().toList(), missing, requiredSymbols, disabled, unknown, unrecorded, notes);
    }

    /** The bare configuration of an architecture: allnoconfig with no platform support. */
    public ConfigurationReport bare(XenArch arch) {
        ToolchainProfile profile = ToolchainProfile.defaultFor(arch.targetArch());
        List<SymbolAssignment> overrides = counter.kconfig(arch, profile).symbol(NO_PLAT).isPresent()
                ? List.of(new SymbolAssignment(NO_PLAT, "y")) : List.of();
        return counter.report(new ConfigurationRequest(arch, new StartingPoint.AllNo(), overrides, profile));
    }

    /** One board's minimal configuration and the files only it needs. */
    public BoardFigures figures(Board board) {
        MinimalConfiguration minimal = minimal(List.of(board));
        ConfigurationReport bare = bare(board.arch());
        Set<String> bareFiles = new TreeSet<>(bare.compiledFiles());
        List<String> only = new ArrayList<>();
        LineFigures sum = LineFigures.NONE;
        for (FileFigures f : minimal.report().files()) {
            if (f.role() == FileRole.SOURCE && f.counted() && !bareFiles.contains(f.path())) {
                only.add(f.path());
                sum = sum.plus(f.count());
            }
        }
        return new BoardFigures(board, minimal, only, sum);
    }
}
