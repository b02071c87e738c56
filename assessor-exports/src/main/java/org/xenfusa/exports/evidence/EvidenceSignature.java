package org.xenfusa.exports.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.xenfusa.exports.FixedTimeZip;

/**
 * Signed baselines: a detached, ASCII-armored OpenPGP signature of an evidence package's {@code MANIFEST.json}, kept
 * in the package as {@value #SIGNATURE}. The manifest names the SHA-256 of every other file (snapshot, configurations
 * and their {@code .config} files, requirements, links with their review states, imported data, documents), so the
 * signature covers the whole baseline: a rewritten manifest no longer matches it. Keys are the user's own OpenPGP keys
 * (as {@code gpg --armor --export-secret-keys} and {@code gpg --armor --export} write them); a signature checks with
 * {@code gpg --verify MANIFEST.json.asc MANIFEST.json} too.
 */
public final class EvidenceSignature {
    /** The entry holding the signature, next to the manifest it signs. */
    public static final String SIGNATURE = EvidencePackage.MANIFEST + ".asc";

    private EvidenceSignature() {
    }

    /** What the signature check found. */
    public enum State {
        /** The package carries no signature. */
        NOT_SIGNED,
        /** Signed, and the signature matches the manifest under the given public key. */
        VALID,
        /** Signed, and no public key was given to check it with. */
        NOT_CHECKED,
        /** Signed, but by a key the given public key file does not hold. */
        OTHER_KEY,
        /** Signed by the given key, but the manifest is not the one signed (or the signature is damaged). */
        INVALID
    }

    /** The check of a package's signature: its state, the signing key's id (hex) and user id, and what was found. */
    public record Check(State state, String keyId, String userId, String detail) {
        public boolean acceptable() {
            return state == State.VALID || state == State.NOT_SIGNED || state == State.NOT_CHECKED;
        }
    }

    /** A bad key file or passphrase: the message names the file and the problem. */
    public static final class KeyException extends Exception {
        private static final long serialVersionUID = 1L;

        public KeyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A secret key unlocked for signing (check it before a long analysis, so a wrong passphrase fails at once). */
    public static final class SigningKey {
        private final PGPSecretKey key;
        private final PGPPrivateKey privateKey;
        private final String name;

        private SigningKey(PGPSecretKey key, PGPPrivateKey privateKey, String name) {
            this.key = key;
            this.privateKey = privateKey;
            this.name = name;
        }

        /** The long key id, as gpg prints it. */
        public String keyId() {
            return EvidenceSignature.keyId(key.getKeyID());
        }
    }

    /**
     * Reads and unlocks the first signing key of an armored (or binary) OpenPGP secret key ring.
     *
     * @param keyName what to call the key in messages (its file name)
     */
    public static SigningKey unlock(InputStream secretKey, char[] passphrase, String keyName) throws KeyException {
        PGPSecretKey key = signingKey(secretKey, keyName);
        try {
            return new SigningKey(key, key.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(
                    new BcPGPDigestCalculatorProvider()).build(passphrase)), keyName);
        } catch (PGPException e) {
            throw new KeyException(keyName + ": cannot unlock the secret key " + keyId(key.getKeyID())
                    + " (wrong or missing passphrase?): " + e.getMessage(), e);
        }
    }

    /** {@link #sign(byte[], SigningKey)} with the key read and unlocked first. */
    public static byte[] sign(byte[] evidencePackage, InputStream secretKey, char[] passphrase, String keyName)
            throws KeyException, NotAnEvidencePackageException {
        return sign(evidencePackage, unlock(secretKey, passphrase, keyName));
    }

    /** The package with {@value #SIGNATURE} added right after its manifest, every other entry unchanged and in order. */
    public static byte[] sign(byte[] evidencePackage, SigningKey key) throws KeyException, NotAnEvidencePackageException {
        byte[] manifest = entry(evidencePackage, EvidencePackage.MANIFEST)
                .orElseThrow(() -> new NotAnEvidencePackageException("the package has no " + EvidencePackage.MANIFEST,
                        null));
        byte[] signature = signature(manifest, key);
        ByteArrayOutputStream out = new ByteArrayOutputStream(evidencePackage.length + signature.length + 256);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(evidencePackage))) {
            FixedTimeZip zip = null;
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (e.getName().equals(SIGNATURE)) {
                    continue; // signing again replaces the signature
                }
                if (zip == null) {
                    LocalDateTime t = e.getTimeLocal();
                    zip = new FixedTimeZip(out, t.toInstant(ZoneOffset.UTC));
                }
                zip.add(e.getName(), in.readAllBytes());
                if (e.getName().equals(EvidencePackage.MANIFEST)) {
                    zip.add(SIGNATURE, signature);
                }
            }
            if (zip != null) {
                zip.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the package in memory", e);
        }
        return out.toByteArray();
    }

    /** A detached, armored OpenPGP signature (binary document, SHA-256) of {@code data}. */
    public static byte[] signature(byte[] data, SigningKey key) throws KeyException {
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(key.key.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256));
            generator.init(PGPSignature.BINARY_DOCUMENT, key.privateKey);
            generator.update(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream armored = new ArmoredOutputStream(out)) {
                generator.generate().encode(armored);
            }
            return out.toByteArray();
        } catch (PGPException | IOException e) {
            throw new KeyException(key.name + ": cannot sign with key " + key.keyId() + ": " + e.getMessage(), e);
        }
    }

    private static PGPSecretKey signingKey(InputStream secretKey, String keyName) throws KeyException {
        try {
            PGPSecretKeyRingCollection rings = new PGPSecretKeyRingCollection(PGPUtil.getDecoderStream(secretKey),
                    new BcKeyFingerprintCalculator());
            for (Iterator<PGPSecretKeyRing> r = rings.getKeyRings(); r.hasNext();) {
                for (Iterator<PGPSecretKey> k = r.next().getSecretKeys(); k.hasNext();) {
                    PGPSecretKey key = k.next();
                    if (key.isSigningKey() && !key.isPrivateKeyEmpty()) {
                        return key;
                    }
                }
            }
        } catch (IOException | PGPException | RuntimeException e) {
            throw new KeyException(keyName + " is not an OpenPGP secret key (export one with gpg --armor"
                    + " --export-secret-keys ID): " + e.getMessage(), e);
        }
        throw new KeyException(keyName + " holds no OpenPGP secret key that can sign", null);
    }

    /**
     * Checks the signature entry of a package against its manifest.
     *
     * @param publicKeys an armored (or binary) OpenPGP public key ring collection, or empty: then a signature is
     *        reported as {@link State#NOT_CHECKED}
     */
    public static Check check(byte[] manifest, Optional<byte[]> signature, Optional<InputStream> publicKeys,
            String keyName) throws KeyException {
        if (signature.isEmpty()) {
            return new Check(State.NOT_SIGNED, "", "", "not signed");
        }
        PGPSignature sig;
        try {
            BcPGPObjectFactory f = new BcPGPObjectFactory(PGPUtil.getDecoderStream(
                    new ByteArrayInputStream(signature.get())));
            Object o = f.nextObject();
            if (!(o instanceof PGPSignatureList list) || list.isEmpty()) {
                return new Check(State.INVALID, "", "", SIGNATURE + " holds no OpenPGP signature");
            }
            sig = list.get(0);
        } catch (IOException | RuntimeException e) {
            return new Check(State.INVALID, "", "", SIGNATURE + " is not an OpenPGP signature: " + e.getMessage());
        }
        String id = keyId(sig.getKeyID());
        if (publicKeys.isEmpty()) {
            return new Check(State.NOT_CHECKED, id, "", "signed by key " + id + ", not checked: no public key given");
        }
        PGPPublicKey key;
        try {
            PGPPublicKeyRingCollection keys = new PGPPublicKeyRingCollection(PGPUtil.getDecoderStream(publicKeys.get()),
                    new BcKeyFingerprintCalculator());
            key = keys.getPublicKey(sig.getKeyID());
        } catch (IOException | PGPException | RuntimeException e) {
            throw new KeyException(keyName + " is not an OpenPGP public key (export one with gpg --armor --export ID): "
                    + e.getMessage(), e);
        }
        if (key == null) {
            return new Check(State.OTHER_KEY, id, "", "signed by key " + id + ", which " + keyName + " does not hold");
        }
        String user = key.getUserIDs().hasNext() ? key.getUserIDs().next() : "";
        try {
            sig.init(new BcPGPContentVerifierBuilderProvider(), key);
            sig.update(manifest);
            boolean ok = sig.verify();
            return ok ? new Check(State.VALID, id, user, "signature of key " + id + " (" + user + ") matches")
                    : new Check(State.INVALID, id, user, "the signature of key " + id + " does not match "
                            + EvidencePackage.MANIFEST + ": the manifest was changed after signing");
        } catch (PGPException e) {
            return new Check(State.INVALID, id, user, "the signature cannot be checked: " + e.getMessage());
        }
    }

    /** The long key id as gpg prints it (16 upper-case hex digits). */
    static String keyId(long id) {
        return HexFormat.of().withUpperCase().formatHex(java.nio.ByteBuffer.allocate(8).putLong(id).array())
                .toUpperCase(Locale.ROOT);
    }

    /** One entry of a ZIP held in memory, if there. */
    static Optional<byte[]> entry(byte[] zipBytes, String name) throws NotAnEvidencePackageException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (e.getName().equals(name)) {
                    return Optional.of(in.readAllBytes());
                }
            }
            return Optional.empty();
        } catch (ZipException e) {
            throw new NotAnEvidencePackageException("not a ZIP file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
