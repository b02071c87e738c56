package org.xenfusa.trace.oracle;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.itsallcode.openfasttrace.api.core.LinkedSpecificationItem;
import org.itsallcode.openfasttrace.api.core.SpecificationItem;
import org.itsallcode.openfasttrace.api.core.SpecificationItemId;
import org.itsallcode.openfasttrace.api.core.Trace;
import org.itsallcode.openfasttrace.api.importer.ImportSettings;
import org.itsallcode.openfasttrace.api.importer.tag.config.PathConfig;
import org.itsallcode.openfasttrace.core.Oft;

/**
 * Runs OpenFastTrace 4.4.0 itself (test scope only: it is GPL-3.0) on a list of files, in the order
 * given, and reduces its trace to {@link ItemView}s.
 */
final class OftOracle {
    private OftOracle() {
    }

    record OftRun(List<ItemView> items, int defects) {
    }

    static OftRun run(List<Path> files, List<PathConfig> pathConfigs) {
        Oft oft = Oft.create();
        List<SpecificationItem> imported = oft.importItems(
                ImportSettings.builder().addInputs(files).pathConfigs(pathConfigs).build());
        List<LinkedSpecificationItem> linked = oft.link(imported);
        Trace trace = oft.trace(linked);
        List<ItemView> views = trace.getItems().stream().map(OftOracle::view).toList();
        return new OftRun(views, trace.countDefects());
    }

    private static ItemView view(LinkedSpecificationItem l) {
        SpecificationItem i = l.getItem();
        Map<String, List<String>> links = new LinkedHashMap<>();
        l.getLinks().forEach((status, targets) -> links.put(status.name(),
                targets.stream().map(t -> id(t.getId())).toList()));
        return new ItemView(id(i.getId()), i.getTitle(), i.getDescription(), i.getRationale(), i.getComment(),
                i.getLocation().getPath() + ":" + i.getLocation().getLine(), i.getStatus().toString(),
                i.getCoveredIds().stream().map(OftOracle::id).toList(),
                i.getDependOnIds().stream().map(OftOracle::id).toList(), List.copyOf(i.getNeedsArtifactTypes()),
                List.copyOf(i.getTags()), i.isForwarding(), links, l.isCoveredShallow(),
                List.copyOf(l.getUncoveredArtifactTypes()), l.getDeepCoverageStatus().name().toLowerCase(Locale.ROOT),
                l.isDefect());
    }

    private static String id(SpecificationItemId id) {
        return id.toString();
    }
}
