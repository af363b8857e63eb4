package uz.aqlli.platform.runtime.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox rows the relay gave up on, for operators: listed and released through
 * {@code /api/<service>/operations/outbox/parked} (republic-level administration), counted by the gauge
 * {@code aqlli_outbox_parked_events} and by the wellness check {@code /q/health/well}, which is
 * DOWN while anything is parked. Readiness stays UP: the service works, one aggregate's events wait.
 */
// @Default as well: @Wellness alone would leave the bean injectable only as a health check.
@Wellness
@Default
@ApplicationScoped
public class OutboxParking implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(OutboxParking.class);

    private final EntityManager entityManager;
    private final OutboxRelay relay;
    private final AtomicLong parked = new AtomicLong();

    OutboxParking(EntityManager entityManager, OutboxRelay relay, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.relay = relay;
        Gauge.builder("aqlli.outbox.parked.events", parked, AtomicLong::get)
                .description("Outbox events the relay stopped retrying; their aggregates' later events wait behind them")
                .register(registry);
    }

    /** A parked row as operators see it: never its payload, which may hold what only its audience may read. */
    public record ParkedEvent(UUID id, long sequenceNo, String topic, String eventType, String aggregateType,
                              String aggregateId, int attempts, String lastError, Instant occurredAt, Instant parkedAt,
                              long waitingBehind) {
    }

    @Transactional
    public List<ParkedEvent> list() {
        List<OutboxEvent> rows = entityManager.createQuery(
                "from OutboxEvent where parkedAt is not null and publishedAt is null order by sequenceNo", OutboxEvent.class)
                .setMaxResults(500)
                .getResultList();
        // How many wait behind each, in one statement rather than one per parked row.
        Map<UUID, Long> behind = new HashMap<>();
        for (Object[] count : entityManager.createQuery("""
                        select p.id, count(e) from OutboxEvent p, OutboxEvent e
                        where p.parkedAt is not null and p.publishedAt is null and e.publishedAt is null
                          and e.aggregateType = p.aggregateType and e.aggregateId = p.aggregateId and e.sequenceNo > p.sequenceNo
                        group by p.id""", Object[].class).getResultList()) {
            behind.put((UUID) count[0], (Long) count[1]);
        }
        return rows.stream().map(row -> new ParkedEvent(row.id, row.sequenceNo, row.topic, row.eventType, row.aggregateType,
                row.aggregateId, row.attempts, row.lastError, row.occurredAt, row.parkedAt, behind.getOrDefault(row.id, 0L))).toList();
    }

    /** Gives a parked row a fresh set of attempts (after its cause was mended); empty when no such parked row. */
    public Optional<ParkedEvent> release(UUID id) {
        Optional<ParkedEvent> released = QuarkusTransaction.requiringNew().call(() -> {
            OutboxEvent row = entityManager.find(OutboxEvent.class, id);
            if (row == null || row.parkedAt == null || row.publishedAt != null) {
                return Optional.<ParkedEvent>empty();
            }
            var view = new ParkedEvent(row.id, row.sequenceNo, row.topic, row.eventType, row.aggregateType, row.aggregateId,
                    row.attempts, row.lastError, row.occurredAt, row.parkedAt, waitingBehind(row));
            row.parkedAt = null;
            row.attempts = 0;
            row.nextAttemptAt = null;
            LOG.infof("Outbox event %s (%s) released by an operator", row.id, row.eventType);
            return Optional.of(view);
        });
        released.ifPresent(row -> {
            refresh();
            relay.requestDrain();
        });
        return released;
    }

    private long waitingBehind(OutboxEvent row) {
        return (Long) entityManager.createQuery("""
                        select count(*) from OutboxEvent e where e.publishedAt is null and e.aggregateType = :type
                        and e.aggregateId = :id and e.sequenceNo > :sequence""")
                .setParameter("type", row.aggregateType)
                .setParameter("id", row.aggregateId)
                .setParameter("sequence", row.sequenceNo)
                .getSingleResult();
    }

    /** Kept as a number so that health and metrics never wait on the database. */
    @Scheduled(every = "${aqlli.outbox.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            parked.set(QuarkusTransaction.requiringNew().call(() -> (Long) entityManager.createQuery(
                    "select count(*) from OutboxEvent where parkedAt is not null and publishedAt is null").getSingleResult()));
        } catch (RuntimeException e) {
            LOG.debugf("parked outbox events not counted: %s", e.getMessage());
        }
    }

    public long parkedCount() {
        return parked.get();
    }

    @Override
    public HealthCheckResponse call() {
        long count = parked.get();
        return HealthCheckResponse.named("outbox").status(count == 0).withData("parkedEvents", count).build();
    }
}
