package org.xenfusa.sloc.boards;

import java.util.List;
import java.util.Objects;

import org.xenfusa.sloc.kconfig.SymbolAssignment;

/**
 * A driver a board port needs (a UART or an IOMMU), the Kconfig symbol that builds it, its source
 * file (relative to {@code xen/}), and any other symbol its prompt needs (e.g. {@code EXPERT=y}).
 */
public record BoardDriver(Kind kind, String name, String symbol, String file, List<SymbolAssignment> needs) {
    /** What the driver drives. */
    public enum Kind { UART, IOMMU }

    public BoardDriver {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(file, "file");
        needs = List.copyOf(needs);
    }
}
