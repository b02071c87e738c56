package org.xenfusa.misra;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Places an analyser's file name in the snapshot: as given, or under {@code xen/} (cppcheck runs in {@code xen/},
 * and {@code xen-analysis.py} adds the prefix the same way), or, for an absolute path or URI of the machine that ran
 * the analysis, its longest tail (of at least two parts) that the snapshot has.
 */
final class FindingPaths {
    private final Set<String> files;
    private final Map<String, Optional<String>> resolved = new HashMap<>();

    FindingPaths(Set<String> files) {
        this.files = files;
    }

    Optional<String> resolve(String raw) {
        return resolved.computeIfAbsent(raw, this::place);
    }

    private Optional<String> place(String raw) {
        String p = raw.strip();
        if (p.startsWith("file://")) {
            p = URLDecoder.decode(p.substring("file://".length()), StandardCharsets.UTF_8);
        }
        p = p.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        if (files.contains(p)) {
            return Optional.of(p);
        }
        if (files.contains("xen/" + p)) {
            return Optional.of("xen/" + p);
        }
        int slash = p.indexOf('/');
        while (slash >= 0) {
            String tail = p.substring(slash + 1);
            if (tail.indexOf('/') < 0) {
                break;
            }
            if (files.contains(tail)) {
                return Optional.of(tail);
            }
            slash = p.indexOf('/', slash + 1);
        }
        return Optional.empty();
    }
}
