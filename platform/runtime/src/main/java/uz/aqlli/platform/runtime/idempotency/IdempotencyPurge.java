package uz.aqlli.platform.runtime.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes idempotency keys past their retention. They are already unknown to
 * {@link IdempotentRequests} (it reads only rows within the retention); this only keeps the table
 * small. A batch per transaction, skipping rows another instance's purge holds, so the table is
 * never locked for long.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final EntityManager entityManager;
    private final Clock clock;
    private final IdempotencyConfig config;

    IdempotencyPurge(EntityManager entityManager, Clock clock, IdempotencyConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${aqlli.idempotency.purge-interval:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            int deleted = purge();
            if (deleted > 0) {
                LOG.debugf("%d idempotency keys past their retention deleted", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Idempotency keys past their retention not deleted; the next sweep tries again");
        }
    }

    /** Deletes every key older than the retention; returns how many. */
    public int purge() {
        Instant keptSince = clock.instant().minus(config.retention());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                            delete from idempotency_key where ctid = any(array(
                                select ctid from idempotency_key where created_at <= :keptSince
                                limit :batch for update skip locked))""")
                    .setParameter("keptSince", keptSince)
                    .setParameter("batch", config.purgeBatchSize())
                    .executeUpdate());
            total += deleted;
        } while (deleted == config.purgeBatchSize());
        return total;
    }
}
