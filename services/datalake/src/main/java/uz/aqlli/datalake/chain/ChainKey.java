package uz.aqlli.datalake.chain;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The lake's Ed25519 key (JDK's own), which signs checkpoints; its public half is published. */
@ApplicationScoped
public class ChainKey {

    private final KeyPair keys;

    ChainKey(ChainConfig config) {
        this.keys = config.signingSecret().filter(s -> !s.isBlank()).map(ChainKey::fromSecret).orElseGet(() -> {
            Log.warn("aqlli.datalake.transparency.signing-secret is not set: checkpoints are signed with a key made for this run only");
            return generate(new SecureRandom());
        });
    }

    /** The key whose seed is SHA-256(secret): the launcher keeps a secret string, not a key file. */
    static KeyPair fromSecret(String secret) {
        try {
            byte[] seed = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            // EdDSA's generator takes its 32-byte private key from the random source as is (RFC 8032 5.1.5).
            return generate(new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as X.509 SubjectPublicKeyInfo (DER), what {@code openssl pkey -pubin} reads. */
    public byte[] publicKey() {
        return keys.getPublic().getEncoded();
    }

    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey()) + "\n-----END PUBLIC KEY-----\n";
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is {@code publicKey}'s (X.509 DER) over {@code message}; false for a key that is none. */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
