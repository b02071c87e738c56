package org.xenfusa.exports.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Recomputes the SHA-256 of every file of an evidence package and compares with its MANIFEST.
 * Files are hashed as they are read, never held whole, and a package is refused when it expands
 * beyond {@link Limits} (a zip bomb: a small file of gigabytes of zeros).
 */
// [impl->dsn~evidence-package~1]
public final class EvidenceVerifier {
    private static final int BUFFER = 64 * 1024;

    private EvidenceVerifier() {
    }

    /**
     * How far a package may expand. An entry larger than {@code ratioFloor} bytes may expand at most
     * {@code maxRatio} times its compressed size: text and documents stay far below it, zeros far above.
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxManifestBytes,
            long ratioFloor, long maxRatio) {
        public static final Limits DEFAULT = new Limits(100_000, 4L << 30, 16L << 30, 64L << 20, 1L << 20, 200);
    }

    public static VerificationResult verify(Path zipFile) throws NotAnEvidencePackageException, IOException {
        return verify(zipFile, Limits.DEFAULT);
    }

    public static VerificationResult verify(Path zipFile, Limits limits) throws NotAnEvidencePackageException, IOException {
        return verify(zipFile, limits, Optional.empty());
    }

    /**
     * Hashes and, when the package is signed, its signature: checked against {@code publicKey} (an OpenPGP public key
     * file), or reported as not checked without one.
     */
    public static VerificationResult verify(Path zipFile, Limits limits, Optional<Path> publicKey)
            throws NotAnEvidencePackageException, IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        byte[] manifestBytes = null;
        byte[] signatureBytes = null;
        long total = 0;
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw new NotAnEvidencePackageException(zipFile + " has " + zip.size() + " entries, more than the "
                        + limits.maxEntries() + " an evidence package may have", null);
            }
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.isDirectory()) {
                    continue;
                }
                boolean manifest = e.getName().equals(EvidencePackage.MANIFEST);
                boolean signature = e.getName().equals(EvidenceSignature.SIGNATURE);
                ByteArrayOutputStream keep = manifest || signature ? new ByteArrayOutputStream() : null;
                long[] read = {0};
                String sha;
                try (InputStream in = zip.getInputStream(e)) {
                    sha = hash(zipFile, e, in, keep, limits, limits.maxTotalBytes() - total, read);
                }
                total += read[0];
                if (manifest) {
                    manifestBytes = keep.toByteArray();
                } else if (signature) {
                    signatureBytes = keep.toByteArray();
                } else if (hashes.put(e.getName(), sha) != null) {
                    // two entries with one name: a reader would see only one of them
                    hashes.put(e.getName(), "");
                }
            }
        } catch (ZipException e) {
            throw new NotAnEvidencePackageException(zipFile + " is not a ZIP file: " + e.getMessage(), e);
        }
        if (manifestBytes == null) {
            throw new NotAnEvidencePackageException(zipFile + " has no " + EvidencePackage.MANIFEST, null);
        }
        JsonNode manifest;
        try {
            manifest = EvidencePackage.JSON.readTree(manifestBytes);
        } catch (JacksonException e) {
            throw new NotAnEvidencePackageException(zipFile + ": " + EvidencePackage.MANIFEST + " is not JSON", e);
        }
        if (!EvidencePackage.FORMAT.equals(manifest.path("format").asString(""))) {
            throw new NotAnEvidencePackageException(zipFile + ": " + EvidencePackage.MANIFEST + " is not of format "
                    + EvidencePackage.FORMAT, null);
        }
        List<String> intact = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (PackagedFile f : EvidencePackage.files(manifest)) {
            listed.add(f.path());
            String sha = hashes.get(f.path());
            if (sha == null) {
                removed.add(f.path());
            } else if (sha.equals(f.sha256())) {
                intact.add(f.path());
            } else {
                changed.add(f.path());
            }
        }
        List<String> added = hashes.keySet().stream().filter(p -> !listed.contains(p)).sorted().toList();
        EvidenceSignature.Check signature;
        try (InputStream key = publicKey.isPresent() ? Files.newInputStream(publicKey.get()) : null) {
            signature = EvidenceSignature.check(manifestBytes, Optional.ofNullable(signatureBytes),
                    Optional.ofNullable(key), publicKey.map(Path::toString).orElse(""));
        } catch (EvidenceSignature.KeyException e) {
            throw new NotAnEvidencePackageException(e.getMessage(), e);
        }
        return new VerificationResult(manifest.path("commit").asString(""), intact, changed, added, removed,
                signature);
    }

    /** The SHA-256 of one entry, read in bounded steps; {@code keep} receives the bytes when not null. */
    private static String hash(Path zipFile, ZipEntry e, InputStream in, ByteArrayOutputStream keep, Limits limits,
            long totalLeft, long[] read) throws IOException, NotAnEvidencePackageException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException("every Java platform has SHA-256", x);
        }
        long compressed = Math.max(1, e.getCompressedSize());
        byte[] buffer = new byte[BUFFER];
        long n = 0;
        for (int r; (r = in.read(buffer)) > 0;) {
            n += r;
            String problem = n > limits.maxEntryBytes() ? "is larger than " + limits.maxEntryBytes() + " bytes"
                    : n > totalLeft ? "takes the package beyond " + limits.maxTotalBytes() + " bytes in all"
                    : keep != null && n > limits.maxManifestBytes() ? "is larger than " + limits.maxManifestBytes() + " bytes"
                    : n > limits.ratioFloor() && n / compressed > limits.maxRatio()
                            ? "expands more than " + limits.maxRatio() + " times its compressed size of " + compressed
                                    + " bytes (a zip bomb?)"
                    : null;
            if (problem != null) {
                throw new NotAnEvidencePackageException(zipFile + ": entry '" + printable(e.getName()) + "' " + problem
                        + "; not verified", null);
            }
            sha.update(buffer, 0, r);
            if (keep != null) {
                keep.write(buffer, 0, r);
            }
        }
        read[0] = n;
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * {@code name} safe to print on one line: a backslash, control characters (a newline in an entry
     * name could forge an "OK" line) and other invisible characters written as escapes.
     */
    public static String printable(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                sb.append(c <= 0xFFFF ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
