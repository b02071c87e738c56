package org.xenfusa.trace.link;

import java.util.Objects;

import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * "This test verifies that requirement", from a link file. {@code name} is matched against the
 * test case names of JUnit results ({@code name}, {@code classname.name} or {@code classname#name}).
 */
public record TestLink(SpecificationItemId requirement, String path, String name, String artifactType,
        Location declaredAt) {
    public TestLink {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(artifactType, "artifactType");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }
}
