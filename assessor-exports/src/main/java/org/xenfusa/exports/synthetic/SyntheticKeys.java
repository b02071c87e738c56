package org.xenfusa.exports.synthetic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * A fresh OpenPGP key pair made in memory, for tests and demonstrations of signed evidence packages (no key file is
 * ever committed): RSA 2048, its secret key protected by the passphrase (none when empty), both armored as gpg
 * exports them.
 */
public record SyntheticKeys(byte[] secretKey, byte[] publicKey) {

    public static SyntheticKeys generate(String userId, char[] passphrase) {
        try {
            RSAKeyPairGenerator rsa = new RSAKeyPairGenerator();
            rsa.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 80));
            PGPKeyPair pair = new BcPGPKeyPair(PGPPublicKey.RSA_GENERAL, rsa.generateKeyPair(), new Date());
            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId, sha1,
                    null, null, new BcPGPContentSignerBuilder(PGPPublicKey.RSA_GENERAL, HashAlgorithmTags.SHA256),
                    passphrase.length == 0 ? null
                            : new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1).build(passphrase));
            ByteArrayOutputStream secret = new ByteArrayOutputStream();
            try (ArmoredOutputStream out = new ArmoredOutputStream(secret)) {
                rings.generateSecretKeyRing().encode(out);
            }
            ByteArrayOutputStream pub = new ByteArrayOutputStream();
            try (ArmoredOutputStream out = new ArmoredOutputStream(pub)) {
                rings.generatePublicKeyRing().encode(out);
            }
            return new SyntheticKeys(secret.toByteArray(), pub.toByteArray());
        } catch (PGPException e) {
            throw new IllegalStateException("cannot make an OpenPGP key pair", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
