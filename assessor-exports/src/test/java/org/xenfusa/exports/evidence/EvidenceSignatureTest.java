package org.xenfusa.exports.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.synthetic.SyntheticEvidence;
import org.xenfusa.exports.synthetic.SyntheticKeys;

/** Signed baselines: a package signed with a key made here verifies; a rewritten manifest and another key are refused. */
class EvidenceSignatureTest {
    static final char[] PASS = "correct horse".toCharArray();
    static SyntheticKeys keys;
    static SyntheticKeys otherKeys;
    static byte[] unsigned;
    static byte[] signed;
    @TempDir Path tmp;

    @BeforeAll
    static void sign() throws Exception {
        keys = SyntheticKeys.generate("Release Manager <rm@example.org>", PASS);
        otherKeys = SyntheticKeys.generate("Someone Else <else@example.org>", PASS);
        ReleaseEvidence evidence = SyntheticEvidence.create(SyntheticEvidence.Shape.small(), "RELEASE-4.22.0",
                "a".repeat(40), 0);
        unsigned = EvidencePackage.build(evidence, Optional.empty());
        signed = EvidenceSignature.sign(unsigned, new ByteArrayInputStream(keys.secretKey()), PASS, "key.asc");
    }

    private VerificationResult verify(byte[] zip, SyntheticKeys with) throws Exception {
        Path file = Files.write(tmp.resolve("p" + System.nanoTime() + ".zip"), zip);
        Optional<Path> key = Optional.empty();
        if (with != null) {
            key = Optional.of(Files.write(tmp.resolve("pub" + System.nanoTime() + ".asc"), with.publicKey()));
        }
        return EvidenceVerifier.verify(file, EvidenceVerifier.Limits.DEFAULT, key);
    }

    @Test
    void aSignedPackageVerifiesWithItsPublicKey() throws Exception {
        try (ZipFile z = new ZipFile(Files.write(tmp.resolve("s.zip"), signed).toFile())) {
            List<String> names = Collections.list(z.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names.subList(0, 2)).containsExactly("MANIFEST.json", "MANIFEST.json.asc");
            assertThat(new String(z.getInputStream(z.getEntry("MANIFEST.json.asc")).readAllBytes(),
                    StandardCharsets.US_ASCII)).startsWith("-----BEGIN PGP SIGNATURE-----");
        }
        VerificationResult r = verify(signed, keys);
        assertThat(r.intactPackage()).isTrue();
        assertThat(r.added()).as("the signature is not an unlisted file").isEmpty();
        assertThat(r.signature().state()).isEqualTo(EvidenceSignature.State.VALID);
        assertThat(r.signature().userId()).isEqualTo("Release Manager <rm@example.org>");
        assertThat(r.accepted()).isTrue();
        // the other files are byte for byte those of the unsigned package
        assertThat(EvidenceSignature.entry(signed, "MANIFEST.json")).contains(
                EvidenceSignature.entry(unsigned, "MANIFEST.json").orElseThrow());
    }

    @Test
    void withoutAPublicKeyTheSignatureIsNamedNotChecked() throws Exception {
        VerificationResult r = verify(signed, null);
        assertThat(r.signature().state()).isEqualTo(EvidenceSignature.State.NOT_CHECKED);
        assertThat(r.signature().keyId()).hasSize(16);
        assertThat(verify(unsigned, null).signature().state()).isEqualTo(EvidenceSignature.State.NOT_SIGNED);
        assertThat(verify(unsigned, keys).signature().detail()).isEqualTo("not signed");
    }

    @Test
    void aRewrittenManifestIsRefused() throws Exception {
        // a forger changes a .config and writes a manifest with its new hash: every hash matches, the signature does not
        byte[] forged = rewrite(signed, "inputs/configs/arm64-defconfig.config");
        VerificationResult r = verify(forged, keys);
        assertThat(r.intactPackage()).as("hashes were recomputed by the forger").isTrue();
        assertThat(r.signature().state()).isEqualTo(EvidenceSignature.State.INVALID);
        assertThat(r.signature().detail()).contains("the manifest was changed after signing");
        assertThat(r.accepted()).isFalse();
    }

    @Test
    void aPackageSignedWithAnotherKeyIsRefused() throws Exception {
        byte[] other = EvidenceSignature.sign(unsigned, new ByteArrayInputStream(otherKeys.secretKey()), PASS, "o.asc");
        VerificationResult r = verify(other, keys);
        assertThat(r.signature().state()).isEqualTo(EvidenceSignature.State.OTHER_KEY);
        assertThat(r.signature().detail()).contains("does not hold");
        assertThat(r.accepted()).isFalse();
    }

    @Test
    void aWrongPassphraseOrANonKeyIsABadKeyNamingTheFile() {
        assertThatThrownBy(() -> EvidenceSignature.sign(unsigned, new ByteArrayInputStream(keys.secretKey()),
                "wrong".toCharArray(), "release-key.asc")).isInstanceOf(EvidenceSignature.KeyException.class)
                .hasMessageContaining("release-key.asc").hasMessageContaining("passphrase");
        assertThatThrownBy(() -> EvidenceSignature.sign(unsigned, new ByteArrayInputStream(keys.publicKey()), PASS,
                "public.asc")).isInstanceOf(EvidenceSignature.KeyException.class).hasMessageContaining("public.asc");
    }

    /** The package with {@code path} changed and MANIFEST.json rewritten to its new hash; the old signature kept. */
    static byte[] rewrite(byte[] zip, String path) throws Exception {
        byte[] changed = (new String(EvidenceSignature.entry(zip, path).orElseThrow(), StandardCharsets.UTF_8)
                + "CONFIG_DEBUG=y\n").getBytes(StandardCharsets.UTF_8);
        String manifest = new String(EvidenceSignature.entry(zip, "MANIFEST.json").orElseThrow(), StandardCharsets.UTF_8);
        String oldSha = org.xenfusa.exports.model.Sha256.hex(EvidenceSignature.entry(zip, path).orElseThrow());
        String newManifest = manifest.replace(oldSha, org.xenfusa.exports.model.Sha256.hex(changed));
        assertThat(newManifest).isNotEqualTo(manifest);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                byte[] b = in.readAllBytes();
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(e.getName().equals(path) ? changed
                        : e.getName().equals("MANIFEST.json") ? newManifest.getBytes(StandardCharsets.UTF_8) : b);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
