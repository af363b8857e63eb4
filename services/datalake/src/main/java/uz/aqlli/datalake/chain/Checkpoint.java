package uz.aqlli.datalake.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A signed statement of the chain's head: after {@code treeSize} entries, the last being lake_seq
 * {@code lastSeq}, the chain's hash was {@code rootHash} (the head's hash, not a Merkle root).
 */
public record Checkpoint(long treeSize, byte[] rootHash, long lastSeq, Instant issuedAt, byte[] publicKey, byte[] signature) {

    /** What is signed: four lines, in the spirit of RFC 9162's signed tree head (docs/transparency.md). */
    public static byte[] signed(long treeSize, byte[] rootHash, long lastSeq, Instant issuedAt) {
        return ("aqlli-lake-checkpoint\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n"
                + lastSeq + "\n" + issuedAt + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signed() {
        return signed(treeSize, rootHash, lastSeq, issuedAt);
    }

    /** Whether {@code trustedKey} signed this checkpoint; the {@code publicKey} stored with it is not evidence. */
    public boolean signatureHolds(byte[] trustedKey) {
        return ChainKey.verify(trustedKey, signed(), signature);
    }
}
