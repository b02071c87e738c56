package org.xenfusa.trace.impact;

import java.util.List;
import java.util.Objects;

import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * A requirement whose evidence must be reviewed again.
 *
 * @param direct  true when a link or a tag of it names a changed or removed function; false when it is covered by
 *                such a requirement (a parent: the product requirement above a changed design requirement)
 * @param because the changed functions ({@code path:name}) of a direct one, the requirements below a parent
 */
public record RequirementImpact(SpecificationItemId id, boolean direct, List<String> because) {
    public RequirementImpact {
        Objects.requireNonNull(id, "id");
        because = List.copyOf(because);
    }
}
