package org.xenfusa.trace.link;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.function.SourceFunction;
import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * Turns link-file links into trace items. A link means exactly what an OFT tag
 * {@code [impl->XenSwdgn~name~1]} at the function would mean: an item of the link's artifact
 * type covering the requirement, so OFT's rules (for example "unwanted" when the requirement
 * does not declare {@code Needs: impl}) apply to links as they do to tags.
 *
 * @param items    one coverage item per resolved code link and per test link
 * @param code     the code links whose function was found
 * @param tests    the test links
 * @param problems links whose file or function does not exist in the snapshot
 */
public record LinkItems(List<SpecificationItem> items, List<ResolvedCodeLink> code, List<TestLink> tests,
        List<ImportProblem> problems) {
    public LinkItems {
        items = List.copyOf(items);
        code = List.copyOf(code);
        tests = List.copyOf(tests);
        problems = List.copyOf(problems);
    }

    public static LinkItems resolve(LinkSet links, FunctionIndex index) {
        List<SpecificationItem> items = new ArrayList<>();
        List<ResolvedCodeLink> code = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>(links.problems());
        for (CodeLink l : links.code()) {
            if (index.tree().file(l.path()).isEmpty()) {
                problems.add(new ImportProblem(l.declaredAt(), "no file '" + l.path() + "' in this snapshot"));
                continue;
            }
            List<SourceFunction> found = index.find(l.path(), l.function());
            if (l.lines().isPresent()) {
                CodeLink.LineRange r = l.lines().get();
                found = found.stream().filter(f -> f.overlaps(r.from(), r.to())).toList();
            }
            if (found.isEmpty()) {
                problems.add(new ImportProblem(l.declaredAt(), "no function '" + l.function() + "' in " + l.path()
                        + l.lines().map(r -> " at lines " + r).orElse("")));
                continue;
            }
            SpecificationItem item = SpecificationItem.coverage(
                    new SpecificationItemId(l.artifactType(), name(l.requirement(), l.path() + ":" + l.function()), 0),
                    new Location(l.path(), found.get(0).startLine()), List.of(l.requirement()), List.of());
            items.add(item);
            code.add(new ResolvedCodeLink(l, found, item));
        }
        for (TestLink t : links.tests()) {
            items.add(SpecificationItem.coverage(
                    new SpecificationItemId(t.artifactType(), name(t.requirement(), t.path() + "#" + t.name()), 0),
                    t.declaredAt(), List.of(t.requirement()), List.of()));
        }
        return new LinkItems(items, code, links.tests(), problems);
    }

    /** Like OFT's tag names: the requirement's name, '-', and a CRC-32 of what the link points at. */
    private static String name(SpecificationItemId requirement, String anchor) {
        CRC32 crc = new CRC32();
        crc.update((anchor + "->" + requirement).getBytes(StandardCharsets.UTF_8));
        return requirement.name() + "-" + crc.getValue();
    }
}
