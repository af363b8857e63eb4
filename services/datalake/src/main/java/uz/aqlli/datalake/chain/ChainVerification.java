package uz.aqlli.datalake.chain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays the chain from the stored events, in lake_seq order, recomputing every entry's hash from
 * its canonical bytes; names the first entry whose stored hash is not the one recomputed, and checks
 * every checkpoint's signature and that its head is on the replayed chain. A checkpoint counts only
 * when the trusted key (the lake's own, or the one an operator pinned) signed it: the public key
 * stored beside it is whatever whoever wrote the row put there, and someone who rewrote the chain
 * as the database's superuser would re-sign its checkpoints with a key of their own. Reads in one
 * snapshot (repeatable read), so appends in flight neither count nor disturb it.
 */
@ApplicationScoped
public class ChainVerification {

    /** The first entry that does not match: where, and why. */
    public record Mismatch(long lakeSeq, String eventId, String reason) {
    }

    /** A checkpoint that does not hold. */
    public record BadCheckpoint(long treeSize, String reason) {
    }

    public record Result(boolean intact, long entries, long headSize, Mismatch firstMismatch,
                         int checkpoints, List<BadCheckpoint> badCheckpoints) {
    }

    private final AgroalDataSource database;
    private final ChainKey key;

    ChainVerification(AgroalDataSource database, ChainKey key) {
        this.database = database;
        this.key = key;
    }

    public Result verify() {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                return verify(connection, key.publicKey());
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the chain could not be read: " + e.getMessage(), e);
        }
    }

    /** The replay, every checkpoint checked against {@code trustedKey} (X.509 SubjectPublicKeyInfo, DER). */
    public static Result verify(Connection connection, byte[] trustedKey) throws SQLException {
        long headSize;
        byte[] headHash;
        try (Statement sql = connection.createStatement(); ResultSet head = sql.executeQuery("select size, hash from chain_head")) {
            head.next();
            headSize = head.getLong(1);
            headHash = head.getBytes(2);
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery(
                "select tree_size, root_hash, last_seq, issued_at, public_key, signature from chain_checkpoint order by tree_size")) {
            while (rows.next()) {
                checkpoints.add(new Checkpoint(rows.getLong(1), rows.getBytes(2), rows.getLong(3),
                        rows.getObject(4, OffsetDateTime.class).toInstant(), rows.getBytes(5), rows.getBytes(6)));
            }
        }
        Map<Long, Checkpoint> bySize = new HashMap<>();
        checkpoints.forEach(c -> bySize.put(c.treeSize(), c));
        List<BadCheckpoint> bad = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints) {
            if (!Arrays.equals(checkpoint.publicKey(), trustedKey)) {
                bad.add(new BadCheckpoint(checkpoint.treeSize(), "signed by another key than the trusted one"));
            } else if (!checkpoint.signatureHolds(trustedKey)) {
                bad.add(new BadCheckpoint(checkpoint.treeSize(), "signature does not verify"));
            }
        }

        byte[] hash = new byte[32];
        long entries = 0;
        Mismatch mismatch = null;
        boolean started = false;
        try (PreparedStatement statement = connection.prepareStatement("""
                select lake_seq, event_id, event_type, source, subject, occurred_at, topic, payload::text, chain_hash
                from raw_event order by lake_seq""")) {
            statement.setFetchSize(5000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    String eventId = rows.getString(2);
                    byte[] stored = rows.getBytes(9);
                    if (stored == null) {
                        if (started && mismatch == null) {
                            mismatch = new Mismatch(seq, eventId, "the entry has no chain hash");
                        }
                        continue; // stored before the chain began (V3)
                    }
                    started = true;
                    byte[] entry = ChainCanonical.event(eventId, rows.getString(3), rows.getString(4), rows.getString(5),
                            rows.getObject(6, OffsetDateTime.class), rows.getString(7), rows.getString(8));
                    hash = EventChain.next(hash, entry);
                    entries++;
                    if (mismatch == null && !Arrays.equals(hash, stored)) {
                        mismatch = new Mismatch(seq, eventId, "its stored hash is not SHA-256(the previous entry's hash"
                                + " || its canonical bytes): it was changed, or an entry before it was changed, removed or moved");
                    }
                    Checkpoint checkpoint = bySize.get(entries);
                    if (checkpoint != null && (!Arrays.equals(checkpoint.rootHash(), hash) || checkpoint.lastSeq() != seq)) {
                        bad.add(new BadCheckpoint(checkpoint.treeSize(), "its head is not on the chain"));
                    }
                }
            }
        }
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint.treeSize() > entries) {
                bad.add(new BadCheckpoint(checkpoint.treeSize(), "the chain is shorter than this checkpoint"));
            }
        }
        if (mismatch == null && (headSize != entries || !Arrays.equals(headHash, hash))) {
            mismatch = new Mismatch(-1, null, "the chain has " + entries + " entries but its head says " + headSize);
        }
        return new Result(mismatch == null && bad.isEmpty(), entries, headSize, mismatch, checkpoints.size(), bad);
    }
}
