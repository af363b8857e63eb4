package uz.aqlli.datalake.chain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import uz.aqlli.datalake.RawEvent;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Appends each stored event to the lake's hash chain (docs/transparency.md), in the transaction that
 * stores it: the chain head's row is locked first, so appends go one at a time and lake_seq, drawn
 * after the lock, follows the chain's order; a transaction that rolls back leaves head and row alike.
 */
@ApplicationScoped
public class EventChain {

    private final EntityManager entityManager;

    EventChain(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores the row with its chain hash and moves the head onto it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(RawEvent raw) {
        byte[] previous = (byte[]) entityManager.createNativeQuery("select hash from chain_head for update").getSingleResult();
        raw.chainHash = next(previous, entry(raw));
        entityManager.persist(raw);
        entityManager.flush();
        entityManager.createNativeQuery("""
                        update chain_head set size = size + 1, hash = :hash,
                               last_seq = (select lake_seq from raw_event where event_id = :id)""")
                .setParameter("hash", raw.chainHash)
                .setParameter("id", raw.eventId)
                .executeUpdate();
    }

    /** The canonical bytes a stored row contributes. */
    public static byte[] entry(RawEvent raw) {
        return ChainCanonical.event(raw.eventId, raw.eventType, raw.source, raw.subject, raw.occurredAt, raw.topic, raw.payload);
    }

    /** SHA-256(previous || entry). */
    public static byte[] next(byte[] previous, byte[] entry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous);
            return sha256.digest(entry);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
