package org.xenfusa.exports.reqif;

import java.util.List;

/** Everything a ReqIF import yields: requirements in document order and the links between them. */
public record ReqifContent(List<ImportedRequirement> requirements, List<ImportedLink> links) {
    public ReqifContent {
        requirements = List.copyOf(requirements);
        links = List.copyOf(links);
    }
}
