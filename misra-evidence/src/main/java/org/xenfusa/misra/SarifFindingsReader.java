package org.xenfusa.misra;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * SARIF 2.1.0 with Jackson, streamed: each result is read as a tree with the line it starts on. A result's guideline
 * is its {@code ruleId}, else {@code rule.id}, else the id of {@code tool.driver.rules[ruleIndex]}; its place the
 * first {@code physicalLocation} ({@code artifactLocation.uri}, {@code region.startLine}); it is suppressed when its
 * {@code suppressions} hold one that is not {@code rejected}.
 */
final class SarifFindingsReader {
    private SarifFindingsReader() {
    }

    private record Pending(JsonNode result, int line) {
    }

    static void read(byte[] content, FindingsImporter.Collector out) throws FindingsImporter.Refused {
        try (JsonParser p = XenJsonRecords.MAPPER.createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FindingsImporter.Refused(XenJsonRecords.line(p), "not a SARIF log (no top-level object)");
            }
            String version = null;
            List<List<Pending>> runs = new ArrayList<>();
            List<JsonNode> tools = new ArrayList<>();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("version") && t == JsonToken.VALUE_STRING) {
                    version = p.getString();
                } else if (name.equals("runs") && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        List<Pending> results = new ArrayList<>();
                        JsonNode tool = null;
                        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                            String field = p.currentName();
                            JsonToken v = p.nextToken();
                            if (field.equals("results") && v == JsonToken.START_ARRAY) {
                                while (p.nextToken() != JsonToken.END_ARRAY) {
                                    int at = XenJsonRecords.line(p);
                                    results.add(new Pending(p.readValueAsTree(), at));
                                }
                            } else if (field.equals("tool")) {
                                tool = p.readValueAsTree();
                            } else {
                                p.skipChildren();
                            }
                        }
                        runs.add(results);
                        tools.add(tool);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!"2.1.0".equals(version)) {
                throw new FindingsImporter.Refused(1, version == null ? "not a SARIF log (no \"version\")"
                        : "SARIF version " + version + " is not supported (2.1.0 is)");
            }
            for (int i = 0; i < runs.size(); i++) {
                JsonNode driver = tools.get(i) == null ? null : tools.get(i).path("driver");
                String toolName = driver == null ? "" : driver.path("name").asString("");
                String toolVersion = driver == null ? "" : firstText(driver, "version", "semanticVersion");
                out.tool(toolName, toolVersion);
                for (Pending r : runs.get(i)) {
                    result(r, driver, toolName, toolVersion, out);
                }
            }
        } catch (JacksonException e) {
            throw new FindingsImporter.Refused(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed SARIF (not valid JSON): " + e.getOriginalMessage());
        }
    }

    private static void result(Pending r, JsonNode driver, String tool, String version,
            FindingsImporter.Collector out) {
        JsonNode res = r.result();
        String rule = res.path("ruleId").asString("");
        if (rule.isEmpty()) {
            rule = res.path("rule").path("id").asString("");
        }
        if (rule.isEmpty() && driver != null && res.has("ruleIndex")) {
            rule = driver.path("rules").path(res.path("ruleIndex").asInt(-1)).path("id").asString("");
        }
        JsonNode physical = res.path("locations").path(0).path("physicalLocation");
        String uri = physical.path("artifactLocation").path("uri").asString("");
        int line = physical.path("region").path("startLine").asInt(0);
        String message = res.path("message").path("text").asString("");
        boolean suppressed = false;
        for (JsonNode s : res.path("suppressions")) {
            suppressed |= !"rejected".equals(s.path("status").asString(""));
        }
        out.add(r.line(), rule, uri, line, message, tool, version, suppressed);
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String v = node.path(f).asString("");
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
