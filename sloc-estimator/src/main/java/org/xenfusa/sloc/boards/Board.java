package org.xenfusa.sloc.boards;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.xenfusa.sloc.xen.XenArch;

/**
 * One board Xen on ARM supports and what builds its port.
 *
 * @param platform      the member of Xen's "Platform Support" choice that builds it ({@code ALL_PLAT},
 *                      {@code QEMU}, {@code RCAR3}, {@code RCAR4}, {@code MPSOC}, {@code S32G3}, {@code NO_PLAT})
 * @param platformFiles files under {@code xen/arch/arm/platforms/} (relative to {@code xen/}) the port compiles
 * @param components    its interrupt controller, timer, UART and IOMMU, each with what shows it
 * @param source        where the mapping of the board to its platform comes from
 */
public record Board(String id, String title, XenArch arch, String platform, List<String> platformFiles,
        List<BoardComponent> components, String source) {
    /** What every port needs: Xen on ARM cannot run without an interrupt controller and a timer. */
    public static final Set<BoardDriver.Kind> ESSENTIAL = EnumSet.of(BoardDriver.Kind.GIC, BoardDriver.Kind.TIMER);

    public Board {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(platform, "platform");
        platformFiles = List.copyOf(platformFiles);
        components = List.copyOf(components);
        Objects.requireNonNull(source, "source");
    }

    /** The drivers the port needs, in the order of its components. */
    public List<BoardDriver> drivers() {
        return components.stream().flatMap(c -> c.driver().stream()).distinct().toList();
    }

    /** The components of one kind. */
    public List<BoardComponent> components(BoardDriver.Kind kind) {
        return components.stream().filter(c -> c.kind() == kind).toList();
    }

    /** The essential kinds the table records nothing about for this board (a table written before components). */
    public List<BoardDriver.Kind> unrecordedEssentials() {
        return ESSENTIAL.stream().filter(k -> components(k).isEmpty()).toList();
    }

    /** The Kconfig symbols that build the port's drivers (drivers Xen always builds have none). */
    public List<String> requiredSymbols() {
        return drivers().stream().flatMap(d -> d.symbol().stream()).distinct().toList();
    }

    /** Every file (relative to {@code xen/}) the port needs compiled: platform files and drivers. */
    public List<String> requiredFiles() {
        List<String> out = new ArrayList<>(platformFiles);
        drivers().forEach(d -> out.add(d.file()));
        return out.stream().distinct().toList();
    }

    public Optional<BoardComponent> component(String driverName) {
        return components.stream().filter(c -> c.driverName().equals(driverName)).findFirst();
    }
}
