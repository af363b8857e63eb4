package uz.aqlli.datalake.chain;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The lake's Ed25519 key (JDK's own), which signs checkpoints; its public half is published and is
 * the one every checkpoint is verified against. Made at startup, so a lake that may not sign refuses
 * to start rather than failing at its first checkpoint.
 */
@ApplicationScoped
@Startup
public class ChainKey {

    static final String SETTING = "aqlli.datalake.transparency.signing-secret";

    /** JBoss Logging itself, not Quarkus's static Log: the key is also made outside Quarkus (ChainKeyTest, tools). */
    private static final Logger LOG = Logger.getLogger(ChainKey.class);

    /** HKDF's info: a secret reused elsewhere by mistake still gives another key here. */
    private static final byte[] KEY_INFO = "aqlli-elektron lake checkpoint signing key v1".getBytes(StandardCharsets.US_ASCII);

    /** X.509 SubjectPublicKeyInfo of an Ed25519 key (RFC 8410), before its 32 bytes. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final PrivateKey privateKey;
    private final byte[] publicKey;

    @Inject
    ChainKey(ChainConfig config) {
        this(seedOrThrowaway(config.signingSecret(), LaunchMode.current()));
    }

    private ChainKey(byte[] seed) {
        try {
            this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.publicKey = spki(Ed25519.publicKey(seed));
        // The public half is computed here, not by the JDK: a key whose signatures it would not verify must not sign.
        byte[] probe = "aqlli-lake-key-check".getBytes(StandardCharsets.US_ASCII);
        if (!verify(publicKey, probe, sign(probe))) {
            throw new IllegalStateException("the lake's Ed25519 public key does not verify its own signature");
        }
    }

    /** The key made from {@code secret}, as the running lake makes it. */
    public static ChainKey fromSecret(String secret) {
        return new ChainKey(seed(secret));
    }

    /**
     * The key of a lake configured so ({@code secret} its signing secret): without a secret, a
     * throwaway key in dev and test only, and anywhere else a refusal naming the setting.
     */
    public static ChainKey configured(Optional<String> secret, LaunchMode mode) {
        return new ChainKey(seedOrThrowaway(secret, mode));
    }

    private static byte[] seedOrThrowaway(Optional<String> secret, LaunchMode mode) {
        Optional<String> given = secret.filter(s -> !s.isBlank());
        if (given.isPresent()) {
            return seed(given.get());
        }
        if (!mode.isDevOrTest()) {
            // A throwaway key would sign checkpoints nobody can check after a restart: the record would hold nothing.
            throw new IllegalStateException(SETTING + " (AQLLI_DATALAKE_TRANSPARENCY_SIGNING_SECRET) is not set: the lake"
                    + " signs its chain's checkpoints with the key made from it and will not start without it"
                    + " (the launcher passes its secret lake-signing; see docs/transparency.md)");
        }
        LOG.warnf("%s is not set: checkpoints are signed with a key made for this %s run only", SETTING, mode);
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return seed;
    }

    /** The key's 32-byte seed (RFC 8032's private key): HKDF-SHA-256 (RFC 5869) of the secret, no salt. */
    static byte[] seed(String secret) {
        return hkdfSha256(new byte[32], secret.getBytes(StandardCharsets.UTF_8), KEY_INFO);
    }

    /** HKDF-Extract then the first block of HKDF-Expand: 32 bytes (RFC 5869 2.2, 2.3). */
    static byte[] hkdfSha256(byte[] salt, byte[] inputKey, byte[] info) {
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] pseudoRandomKey = extract.doFinal(inputKey);
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            expand.update(info);
            return expand.doFinal(new byte[]{1});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as X.509 SubjectPublicKeyInfo (DER), what {@code openssl pkey -pubin} reads. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String publicKeyPem() {
        return pem(publicKey);
    }

    static String pem(byte[] spki) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(spki) + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * A public key as an operator pins it: PEM (as {@code GET …/public-key} gives it, or {@code openssl
     * pkey -pubout}), or the base64 of its SubjectPublicKeyInfo; null when it is neither.
     */
    public static byte[] parsePublicKey(String text) {
        String body = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] spki = Base64.getDecoder().decode(body);
            KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            return spki;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return null;
        }
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
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

    private static byte[] spki(byte[] raw) {
        byte[] encoded = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, SPKI_PREFIX.length, raw.length);
        return encoded;
    }

    /**
     * RFC 8032 5.1.5's public key of a seed: the JDK builds an Ed25519 private key from its seed but
     * has no call that gives its public half, and making the pair through KeyPairGenerator would
     * depend on how a provider draws from its random source. Affine coordinates and one inverse per
     * step: slow, and run once per start.
     */
    static final class Ed25519 {

        private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
        private static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
        private static final BigInteger[] BASE = {
                new BigInteger("15112221349535400772501151409588531511454012693041857206046113283949847762202"),
                new BigInteger("46316835694926478169428394003475163141307993866256225615783033603165251855960")};

        private Ed25519() {
        }

        static byte[] publicKey(byte[] seed) {
            byte[] h;
            try {
                h = MessageDigest.getInstance("SHA-512").digest(seed);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            byte[] scalar = Arrays.copyOf(h, 32);
            scalar[0] &= (byte) 248;
            scalar[31] &= 127;
            scalar[31] |= 64;
            BigInteger s = littleEndian(scalar);
            BigInteger[] point = {BigInteger.ZERO, BigInteger.ONE};
            for (int bit = s.bitLength() - 1; bit >= 0; bit--) {
                point = add(point, point);
                if (s.testBit(bit)) {
                    point = add(point, BASE);
                }
            }
            byte[] encoded = new byte[32];
            byte[] y = point[1].toByteArray(); // big-endian, maybe with a leading sign byte
            for (int i = 0; i < 32 && i < y.length; i++) {
                encoded[i] = y[y.length - 1 - i];
            }
            if (point[0].testBit(0)) {
                encoded[31] |= (byte) 0x80;
            }
            return encoded;
        }

        /** The twisted Edwards addition (a = −1), complete on this curve, so it also doubles. */
        private static BigInteger[] add(BigInteger[] p1, BigInteger[] p2) {
            BigInteger x1 = p1[0], y1 = p1[1], x2 = p2[0], y2 = p2[1];
            BigInteger dxy = D.multiply(x1).multiply(x2).multiply(y1).multiply(y2).mod(P);
            BigInteger x3 = x1.multiply(y2).add(y1.multiply(x2)).multiply(BigInteger.ONE.add(dxy).modInverse(P)).mod(P);
            BigInteger y3 = y1.multiply(y2).add(x1.multiply(x2)).multiply(BigInteger.ONE.subtract(dxy).mod(P).modInverse(P)).mod(P);
            return new BigInteger[]{x3, y3};
        }

        private static BigInteger littleEndian(byte[] bytes) {
            byte[] bigEndian = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                bigEndian[i] = bytes[bytes.length - 1 - i];
            }
            return new BigInteger(1, bigEndian);
        }
    }
}
