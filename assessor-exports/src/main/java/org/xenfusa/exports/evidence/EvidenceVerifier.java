package org.xenfusa.exports.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.xenfusa.exports.model.Sha256;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Recomputes the SHA-256 of every file of an evidence package and compares with its MANIFEST. */
public final class EvidenceVerifier {
    private EvidenceVerifier() {
    }

    public static VerificationResult verify(Path zipFile) throws NotAnEvidencePackageException, IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    if (entries.put(e.getName(), in.readAllBytes()) != null) {
                        // two entries with one name: a reader would see only one of them
                        entries.put(e.getName(), new byte[0]);
                    }
                }
            }
        } catch (ZipException e) {
            throw new NotAnEvidencePackageException(zipFile + " is not a ZIP file: " + e.getMessage(), e);
        }
        byte[] manifestBytes = entries.remove(EvidencePackage.MANIFEST);
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
            byte[] bytes = entries.get(f.path());
            if (bytes == null) {
                removed.add(f.path());
            } else if (Sha256.hex(bytes).equals(f.sha256())) {
                intact.add(f.path());
            } else {
                changed.add(f.path());
            }
        }
        List<String> added = entries.keySet().stream().filter(p -> !listed.contains(p)).sorted().toList();
        return new VerificationResult(manifest.path("commit").asString(""), intact, changed, added, removed);
    }
}
