package org.xenfusa.trace.impact;

import java.util.List;
import java.util.Objects;

import org.xenfusa.trace.link.TestLink;

/** A test linked to a requirement whose code changed: it must be run again. */
public record TestImpact(TestLink test, List<String> requirements) {
    public TestImpact {
        Objects.requireNonNull(test, "test");
        requirements = List.copyOf(requirements);
    }
}
