package org.xenfusa.exports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Writes ZIP files (OOXML documents are ZIP files too) whose bytes depend on their content only: every entry
 * carries the one stated time, in UTC, with no extra timestamp fields, so building twice gives identical bytes.
 */
public final class FixedTimeZip implements AutoCloseable {
    private final ZipOutputStream zip;
    private final LocalDateTime time;

    public FixedTimeZip(java.io.OutputStream out, Instant stated) {
        this.zip = new ZipOutputStream(out);
        this.zip.setLevel(java.util.zip.Deflater.DEFAULT_COMPRESSION);
        this.time = entryTime(stated);
    }

    /** ZIP (DOS) times cannot go below 1980; a stated time before that is written as 1980-01-01. */
    private static LocalDateTime entryTime(Instant stated) {
        LocalDateTime t = LocalDateTime.ofInstant(stated, ZoneOffset.UTC).withNano(0);
        LocalDateTime floor = LocalDateTime.of(1980, 1, 1, 0, 0);
        return t.isBefore(floor) ? floor : t;
    }

    public void add(String path, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(path);
        e.setTimeLocal(time);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Rewrites a ZIP (as POI saved it, stamped with the clock) with the stated time on every entry, order kept. */
    public static byte[] restamp(byte[] zipBytes, Instant stated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zipBytes.length);
        // Read through the central directory: POI's local headers declare sizes that streaming readers reject.
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zipBytes)).get();
                FixedTimeZip zip = new FixedTimeZip(out, stated)) {
            for (ZipArchiveEntry e : Collections.list(in.getEntriesInPhysicalOrder())) {
                try (InputStream data = in.getInputStream(e)) {
                    zip.add(e.getName(), data.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite a ZIP held in memory", e);
        }
        return out.toByteArray();
    }
}
