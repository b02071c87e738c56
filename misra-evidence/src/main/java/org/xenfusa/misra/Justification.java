package org.xenfusa.misra;

import java.util.Objects;

/**
 * Why a finding is not a violation, or that it is one: {@code kind} and what justifies it ({@code SAF-4-safe at
 * xen/arch/x86/hypercall.c:34}, {@code exclude-list.json: arch/x86/acpi/boot.c},
 * {@code docs/misra/deviations.rst:120}); empty for {@link Kind#NONE}.
 */
public record Justification(Kind kind, String reference) {
    public enum Kind {
        /** A SAF comment on the line before (or at the end of the line) whose record names the tool and guideline. */
        SAF,
        /** The file is on Xen's exclude list, so Xen's flow does not analyse it. */
        EXCLUDED,
        /** A documented deviation of the guideline that covers the finding. */
        DEVIATION,
        /** Nothing justifies it: a violation. */
        NONE
    }

    public static final Justification NONE = new Justification(Kind.NONE, "");

    public Justification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
    }

    public boolean justified() {
        return kind != Kind.NONE;
    }
}
