package org.xenfusa.sloc.boards;

import java.util.Objects;
import java.util.Optional;

/**
 * One part of a board's port (its interrupt controller, timer, UART or IOMMU) and what shows it: a
 * device-tree compatible string matched by a Xen driver, a Xen source file, a Kconfig select. A component
 * without a driver records that Xen drives no such device on the board (e.g. no IOMMU), with the reason.
 */
public record BoardComponent(BoardDriver.Kind kind, Optional<BoardDriver> driver, String source) {
    public BoardComponent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(source, "source");
        if (driver.isPresent() && driver.get().kind() != kind) {
            throw new IllegalArgumentException("driver " + driver.get().name() + " is a " + driver.get().kind().label()
                    + ", not a " + kind.label());
        }
    }

    /** A component Xen builds {@code driver} for. */
    public static BoardComponent of(BoardDriver driver, String source) {
        return new BoardComponent(driver.kind(), Optional.of(driver), source);
    }

    /** The Kconfig symbol that builds the driver: "always built" for a driver without one, "-" when there is no driver. */
    public String symbolName() {
        return driver.map(d -> d.symbol().orElse("always built")).orElse("-");
    }

    /** The driver's source file (relative to {@code xen/}), "-" when there is no driver. */
    public String fileName() {
        return driver.map(BoardDriver::file).orElse("-");
    }

    /** How a page names the driver ("none" when Xen drives no such device on the board). */
    public String driverName() {
        return driver.map(BoardDriver::name).orElse("none");
    }
}
