package org.xenfusa.exports.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.xenfusa.sloc.config.DirectoryFigures;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@link ReleaseEvidence} as JSON: the CLI's input file and the package's inputs/evidence.json. */
public final class EvidenceJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(DirectoryFigures.class, DirectoryFiguresJson.class)
            .build();

    /** A directory row's name is {@code "path"} in evidence JSON, as it was before the library's type carried it. */
    private interface DirectoryFiguresJson {
        @JsonProperty("path")
        String directory();
    }

    private EvidenceJson() {
    }

    public static ReleaseEvidence read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Parses evidence JSON; a malformed or incomplete document is an {@link IllegalArgumentException} naming it. */
    public static ReleaseEvidence read(InputStream in, String name) {
        try {
            return MAPPER.readValue(in, ReleaseEvidence.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(name + ": not evidence JSON: " + e.getOriginalMessage()
                    + locationOf(e), e);
        }
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    /** Stable bytes: same evidence, same JSON (record component order, maps in insertion order). */
    public static byte[] write(ReleaseEvidence evidence) {
        return (MAPPER.writeValueAsString(evidence) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
