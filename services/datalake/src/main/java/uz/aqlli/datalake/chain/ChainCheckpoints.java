package uz.aqlli.datalake.chain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Signs the chain's head now and then ({@code checkpoint-every}, when it grew) and on request. */
@ApplicationScoped
public class ChainCheckpoints {

    private final EntityManager entityManager;
    private final ChainKey key;

    ChainCheckpoints(EntityManager entityManager, ChainKey key) {
        this.entityManager = entityManager;
        this.key = key;
    }

    @Scheduled(every = "${aqlli.datalake.transparency.checkpoint-every:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        issue();
    }

    /** A checkpoint of the head as it is, unless the latest already is of it (then that one). */
    @Transactional
    public Optional<Checkpoint> issue() {
        Object[] head = (Object[]) entityManager.createNativeQuery("select size, last_seq, hash from chain_head").getSingleResult();
        long size = ((Number) head[0]).longValue();
        Optional<Checkpoint> latest = latest();
        if (size == 0 || latest.filter(c -> c.treeSize() == size).isPresent()) {
            return latest;
        }
        long lastSeq = ((Number) head[1]).longValue();
        byte[] root = (byte[]) head[2];
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        byte[] signature = key.sign(Checkpoint.signed(size, root, lastSeq, issuedAt));
        entityManager.createNativeQuery("""
                        insert into chain_checkpoint (tree_size, root_hash, last_seq, issued_at, public_key, signature)
                        values (:size, :root, :seq, :at, :key, :signature) on conflict (tree_size) do nothing""")
                .setParameter("size", size).setParameter("root", root).setParameter("seq", lastSeq)
                .setParameter("at", issuedAt).setParameter("key", key.publicKey()).setParameter("signature", signature)
                .executeUpdate();
        return latest();
    }

    @Transactional
    public Optional<Checkpoint> latest() {
        return page(Long.MAX_VALUE, 1).stream().findFirst();
    }

    /** Newest first, those of a tree size below {@code before}. */
    @Transactional
    public List<Checkpoint> page(long before, int limit) {
        List<?> rows = entityManager.createNativeQuery("""
                        select tree_size, root_hash, last_seq, issued_at, public_key, signature from chain_checkpoint
                        where tree_size < :before order by tree_size desc limit :limit""")
                .setParameter("before", before).setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> checkpoint((Object[]) row)).toList();
    }

    private static Checkpoint checkpoint(Object[] row) {
        Object at = row[3];
        Instant issuedAt = at instanceof OffsetDateTime odt ? odt.toInstant() : at instanceof Instant i ? i
                : ((java.sql.Timestamp) at).toInstant();
        return new Checkpoint(((Number) row[0]).longValue(), (byte[]) row[1], ((Number) row[2]).longValue(), issuedAt,
                (byte[]) row[4], (byte[]) row[5]);
    }
}
