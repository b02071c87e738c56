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

    private record Pending(Result result, int line) {
    }

    /** The parts of a SARIF result read here (Jackson binds them; other properties are left alone). */
    record Result(String ruleId, Integer ruleIndex, Rule rule, Message message, List<Location> locations,
            List<Suppression> suppressions) {
    }

    record Rule(String id) {
    }

    record Message(String text) {
    }

    record Location(Physical physicalLocation) {
    }

    record Physical(Artifact artifactLocation, Region region) {
    }

    record Artifact(String uri) {
    }

    record Region(Integer startLine) {
    }

    record Suppression(String status) {
    }

    private static final tools.jackson.databind.ObjectReader RESULTS = tools.jackson.databind.json.JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // one result of the array at a time: what follows it is the array's
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build()
            .readerFor(Result.class);

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
                                    results.add(new Pending(RESULTS.readValue(p), at));
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
        Result res = r.result();
        String rule = res.ruleId() == null ? "" : res.ruleId();
        if (rule.isEmpty() && res.rule() != null && res.rule().id() != null) {
            rule = res.rule().id();
        }
        if (rule.isEmpty() && driver != null && res.ruleIndex() != null) {
            rule = driver.path("rules").path(res.ruleIndex()).path("id").asString("");
        }
        Physical physical = res.locations() == null || res.locations().isEmpty() ? null
                : res.locations().get(0).physicalLocation();
        String uri = physical == null || physical.artifactLocation() == null || physical.artifactLocation().uri() == null
                ? "" : physical.artifactLocation().uri();
        int line = physical == null || physical.region() == null || physical.region().startLine() == null ? 0
                : physical.region().startLine();
        String message = res.message() == null || res.message().text() == null ? "" : res.message().text();
        boolean suppressed = res.suppressions() != null && res.suppressions().stream()
                .anyMatch(x -> x != null && !"rejected".equals(x.status()));
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
