package org.xenfusa.misra;

import java.util.function.BiConsumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Xen's JSON record files ({@code {"version": ..., "content": [ {...}, ... ]}}) with Jackson, handing each entry
 * of {@code content} on with the line it starts on, so that a problem in one entry names its line.
 */
final class XenJsonRecords {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** A file that is not JSON, or has no {@code content} array: the line where reading stopped and why. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private XenJsonRecords() {
    }

    static void forEachEntry(byte[] content, BiConsumer<JsonNode, Integer> entry) throws Malformed {
        try (JsonParser p = MAPPER.createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed(line(p), "not a JSON object with a \"content\" array");
            }
            boolean sawContent = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("content") && value == JsonToken.START_ARRAY) {
                    sawContent = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        int at = line(p);
                        JsonNode node = p.readValueAsTree();
                        entry.accept(node, at);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!sawContent) {
                throw new Malformed(1, "no \"content\" array");
            }
        } catch (JacksonException e) {
            throw new Malformed(e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        }
    }

    static int line(JsonParser p) {
        return p.currentTokenLocation() == null ? 0 : p.currentTokenLocation().getLineNr();
    }

    /** A string field, empty when absent or not text. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.asString() : "";
    }
}
