package org.xenfusa.misra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An entry of {@code docs/misra/safe.json} or {@code docs/misra/false-positive-<tool>.json}: its id
 * ({@code SAF-4-safe}, {@code SAF-0-false-positive-cppcheck}), the analyser's own id per tool ({@code analyser} of
 * safe.json, {@code violation-id} of a false-positive file keyed by its tool), name and text, and where it is written.
 *
 * <p>As {@code xen-analysis.py} translates a SAF comment only for a tool its entry names, an entry justifies a finding
 * only when it names the finding's tool with an id of the finding's guideline.
 */
public record SafRecord(String id, Map<String, String> analyser, String name, String text, String file, int line) {
    public SafRecord {
        Objects.requireNonNull(id, "id");
        // in the order given (the record's text is the same in every JVM): Map.copyOf's order changes from one JVM to
        // the next
        analyser.forEach((tool, code) -> Objects.requireNonNull(code, "the id of " + tool));
        analyser = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(analyser));
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(file, "file");
    }

    /** Whether this is the "next id to be used" entry every database ends with (no analyser id, named Sentinel). */
    public boolean sentinel() {
        return analyser.values().stream().allMatch(String::isBlank) && name.strip().equalsIgnoreCase("Sentinel");
    }

    /** The guideline the entry names for {@code tool}, if it names one. */
    public Optional<GuidelineId> guideline(String tool) {
        return Optional.ofNullable(analyser.get(tool)).flatMap(GuidelineId::parse);
    }

    /** Every guideline it names, over all tools. */
    public Set<GuidelineId> guidelines() {
        Set<GuidelineId> out = new TreeSet<>();
        analyser.values().forEach(v -> GuidelineId.parse(v).ifPresent(out::add));
        return out;
    }

    /**
     * Whether it justifies a finding of {@code guideline} reported by {@code tool}: its id for that tool names the
     * guideline; for a tool Xen's flow does not know (not cppcheck, eclair or coverity), any of its ids does.
     */
    public boolean justifies(String tool, GuidelineId guideline) {
        if (analyser.containsKey(tool) || MisraFinding.XEN_TOOLS.contains(tool)) {
            return guideline(tool).filter(guideline::equals).isPresent();
        }
        return guidelines().contains(guideline);
    }
}
