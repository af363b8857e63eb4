package uz.aqlli.datalake.chain;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lake's signing key: made from its secret the same way on every JDK and provider, and required outside dev and test. */
class ChainKeyTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aFixedSecretGivesAFixedPublicKey() {
        // Pinned: a change here would leave every published checkpoint unverifiable by the key that was published.
        // The same key from the seed by OpenSSL: printf '302e020100300506032b657004220420<seed hex>' | xxd -r -p
        //   | openssl pkey -inform DER -pubout -outform DER | base64
        assertEquals("93f1567f411a213d61e8b7ed34fba9da953aa4c5e9b35787d6bbc7307af44dad",
                HEX.formatHex(ChainKey.seed("aqlli lake test secret")));
        ChainKey key = ChainKey.fromSecret("aqlli lake test secret");
        assertEquals("MCowBQYDK2VwAyEAvl1fhdR7VfWGPOZnxG6yM/evSlAffeIExAG3da5bjLk=", Base64.getEncoder().encodeToString(key.publicKey()));
        byte[] message = "aqlli-lake-checkpoint\n1\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(ChainKey.verify(key.publicKey(), message, key.sign(message)));
        assertNotEquals(Base64.getEncoder().encodeToString(ChainKey.fromSecret("aqlli lake test secret!").publicKey()),
                Base64.getEncoder().encodeToString(key.publicKey()));
    }

    @Test
    void theSeedIsHkdfSha256AsRfc5869Computes() {
        // RFC 5869 A.1; one SHA-256 block of its output.
        byte[] okm = ChainKey.hkdfSha256(HEX.parseHex("000102030405060708090a0b0c"), HEX.parseHex("0b".repeat(22)),
                HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"));
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf", HEX.formatHex(okm));
    }

    @Test
    void thePublicKeyOfASeedIsRfc8032s() {
        // RFC 8032 7.1, tests 1 and 2.
        assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
                HEX.formatHex(ChainKey.Ed25519.publicKey(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))));
        assertEquals("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                HEX.formatHex(ChainKey.Ed25519.publicKey(HEX.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"))));
    }

    @Test
    void withoutTheSecretTheLakeRefusesToStartOutsideDevAndTest() {
        for (Optional<String> missing : java.util.List.of(Optional.<String>empty(), Optional.of("  "))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ChainKey.configured(missing, LaunchMode.NORMAL));
            assertTrue(refused.getMessage().contains("aqlli.datalake.transparency.signing-secret"), refused.getMessage());
            assertTrue(refused.getMessage().contains("AQLLI_DATALAKE_TRANSPARENCY_SIGNING_SECRET"), refused.getMessage());
        }
        // In dev and test a key for the run, a new one each time.
        ChainKey one = ChainKey.configured(Optional.empty(), LaunchMode.TEST);
        ChainKey other = ChainKey.configured(Optional.empty(), LaunchMode.DEVELOPMENT);
        assertFalse(java.util.Arrays.equals(one.publicKey(), other.publicKey()));
        assertEquals(Base64.getEncoder().encodeToString(ChainKey.fromSecret("s").publicKey()),
                Base64.getEncoder().encodeToString(ChainKey.configured(Optional.of("s"), LaunchMode.NORMAL).publicKey()));
    }

    @Test
    void aPinnedKeyIsReadAsPemOrBase64() {
        ChainKey key = ChainKey.fromSecret("aqlli lake test secret");
        assertEquals(HEX.formatHex(key.publicKey()), HEX.formatHex(ChainKey.parsePublicKey(key.publicKeyPem())));
        assertEquals(HEX.formatHex(key.publicKey()), HEX.formatHex(ChainKey.parsePublicKey(Base64.getEncoder().encodeToString(key.publicKey()))));
        assertEquals(null, ChainKey.parsePublicKey("not a key"));
    }
}
