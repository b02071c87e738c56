package org.xenfusa.exports.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An input file carried verbatim into the evidence package: a text file (link file, test results, MISRA findings) as
 * {@code text}, or a file of any bytes (coverage data, gzip-compressed or not) as {@code bytes} with their SHA-256 and
 * size, so the package holds the very bytes that were read and its MANIFEST names the hash the importer computed.
 * <p>
 * Evidence JSON names a file of bytes by {@code sha256} and {@code size} only (the bytes themselves are a file of the
 * package, never encoded into the JSON): evidence read back from JSON describes such a file but cannot carry it into a
 * new package ({@link #content()} refuses). Two attachments are equal when kind, name, text, hash and size are.
 *
 * @param sha256 empty for a text file
 * @param size   0 for a text file
 * @param bytes  {@code null} for a text file, and for a file of bytes read back from evidence JSON
 */
public record AttachedFile(AttachmentKind kind, String name, String text,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String sha256,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) long size, @JsonIgnore byte[] bytes) {
    public AttachedFile {
        Objects.requireNonNull(kind, "attachment kind");
        name = Copies.required(name, "attachment name");
        text = Copies.text(text);
        sha256 = Copies.text(sha256);
        if (sha256.isEmpty()) {
            if (size != 0 || bytes != null) {
                throw new IllegalArgumentException("attachment " + name + ": bytes without their SHA-256");
            }
        } else {
            if (!text.isEmpty()) {
                throw new IllegalArgumentException("attachment " + name + ": both text and bytes");
            }
            if (!sha256.matches("[0-9a-f]{64}") || size < 0) {
                throw new IllegalArgumentException("attachment " + name + ": '" + sha256 + "' (" + size
                        + " bytes) is not a SHA-256 and a size");
            }
            if (bytes != null) {
                bytes = bytes.clone();
                if (bytes.length != size || !Sha256.hex(bytes).equals(sha256)) {
                    throw new IllegalArgumentException("attachment " + name + ": its bytes do not have SHA-256 "
                            + sha256 + " and size " + size);
                }
            }
        }
    }

    /** What evidence JSON holds: a text, or the hash and size of a file of bytes (absent from older evidence). */
    @JsonCreator
    static AttachedFile fromJson(@JsonProperty("kind") AttachmentKind kind, @JsonProperty("name") String name,
            @JsonProperty("text") String text, @JsonProperty("sha256") String sha256, @JsonProperty("size") Long size) {
        return new AttachedFile(kind, name, text, sha256, size == null ? 0 : size, null);
    }

    /** A text file. */
    public AttachedFile(AttachmentKind kind, String name, String text) {
        this(kind, name, text, "", 0, null);
    }

    /** A file of any bytes (binary or text in any encoding), carried byte for byte. */
    public static AttachedFile ofBytes(AttachmentKind kind, String name, byte[] content) {
        return new AttachedFile(kind, name, "", Sha256.hex(content), content.length, content);
    }

    /** Whether this is a file of bytes (named by its SHA-256) rather than text. */
    @JsonIgnore
    public boolean isBytes() {
        return !sha256.isEmpty();
    }

    /** A copy of the bytes of a file of bytes ({@code null} for text, or when read back from evidence JSON). */
    @Override
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    /**
     * What the package holds: the text as UTF-8, or the bytes as given.
     *
     * @throws IllegalArgumentException for a file of bytes known only by its hash (evidence read from JSON)
     */
    public byte[] content() {
        if (!isBytes()) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes == null) {
            throw new IllegalArgumentException("the evidence names " + kind.folder() + " file " + name + " (SHA-256 "
                    + sha256 + ", " + size + " bytes) but does not hold its bytes (evidence JSON names such files"
                    + " only): make the package from the analysis with the file, not from evidence JSON");
        }
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttachedFile a && kind == a.kind && name.equals(a.name) && text.equals(a.text)
                && sha256.equals(a.sha256) && size == a.size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, name, text, sha256, size);
    }

    @Override
    public String toString() {
        return "AttachedFile[" + kind + " " + name + (isBytes() ? ", " + size + " bytes, sha256 " + sha256
                : ", " + text.length() + " chars") + "]";
    }
}
