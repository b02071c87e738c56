package org.xenfusa.web.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The inputs stored with an export are the same text on every instance, whatever order they were named in. */
class ExportInputsTest {
    @Test
    void itsNamesAreKeptByKeySoItsJsonIsTheSameInEveryJvm() {
        // Map.copyOf (which the record used) iterates in an order that changes from one JVM to the next, and Jackson
        // writes a map in its iteration order
        Map<String, String> backwards = new LinkedHashMap<>();
        backwards.put("configuration 3", "x86_64-pv");
        backwards.put("configuration 2", "arm64-no-foo");
        backwards.put("configuration 1", "arm64-defconfig");
        ExportService.ExportInputs in = new ExportService.ExportInputs(1, "RELEASE-4.22.0", List.of(1L, 2L, 3L),
                List.of(), "", Instant.EPOCH, backwards, "");
        assertThat(in.names().keySet()).containsExactly("configuration 1", "configuration 2", "configuration 3");
        String json = JsonMapper.builder().build().writeValueAsString(in);
        assertThat(json).contains("\"names\":{\"configuration 1\":\"arm64-defconfig\",\"configuration 2\":"
                + "\"arm64-no-foo\",\"configuration 3\":\"x86_64-pv\"}");
    }
}
