package org.xenfusa.sloc.boards;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.xenfusa.sloc.kconfig.SymbolAssignment;

/**
 * A driver a board port needs (its interrupt controller, timer, UART or IOMMU), the Kconfig symbol that
 * builds it (none for a driver Xen always builds, such as the generic timer), its source file (relative
 * to {@code xen/}), and any other symbol its prompt needs (e.g. {@code EXPERT=y}).
 */
public record BoardDriver(Kind kind, String name, Optional<String> symbol, String file, List<SymbolAssignment> needs) {
    /** What the driver drives. */
    public enum Kind {
        GIC("interrupt controller"), TIMER("timer"), UART("UART"), IOMMU("IOMMU");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How a page names it. */
        public String label() {
            return label;
        }
    }

    public BoardDriver {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(file, "file");
        needs = List.copyOf(needs);
    }

    /** A driver built by {@code symbol}. */
    public BoardDriver(Kind kind, String name, String symbol, String file, List<SymbolAssignment> needs) {
        this(kind, name, Optional.of(symbol), file, needs);
    }
}
