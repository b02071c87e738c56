package org.xenfusa.web.exports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.kconfig.StartingPoint;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;

import tools.jackson.databind.json.JsonMapper;

/**
 * A part's {@link ConfigurationReport} as the database keeps it ({@code export_part.result}): the library's record as
 * Jackson JSON, gzip-compressed (a Xen configuration's report, with every file's figures and line activity, is
 * megabytes of JSON). Only the records' components are written (no derived getter such as {@code isCounted}), and
 * read back through their canonical constructors, so that a report read back equals the one computed and the document
 * assembled from it is the same bytes. Every map of the report is ordered (see docs/DESIGN.md, "The same bytes in every
 * JVM"), so the same report is the same bytes on every instance.
 */
public final class StoredReports {
    private StoredReports() {
    }

    /** {@link StartingPoint} is a sealed interface: its variant is written by name. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = StartingPoint.Defconfig.class, name = "defconfig"),
            @JsonSubTypes.Type(value = StartingPoint.DefconfigText.class, name = "defconfig-text"),
            @JsonSubTypes.Type(value = StartingPoint.ExistingConfig.class, name = "existing-config"),
            @JsonSubTypes.Type(value = StartingPoint.AllYes.class, name = "allyes"),
            @JsonSubTypes.Type(value = StartingPoint.AllNo.class, name = "allno"),
            @JsonSubTypes.Type(value = StartingPoint.AllDefault.class, name = "alldefault"),
            @JsonSubTypes.Type(value = StartingPoint.Random.class, name = "random")})
    private interface StartingPointMixIn {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultVisibility(v -> v.withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                    .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                    .withVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY))
            .addMixIn(StartingPoint.class, StartingPointMixIn.class)
            .build();

    /** The report as stored: JSON, gzip. */
    public static byte[] write(ConfigurationReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16)) {
            JSON.writeValue(gzip, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A stored report read back. */
    public static ConfigurationReport read(byte[] stored) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 1 << 16)) {
            return JSON.readValue(in, ConfigurationReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
