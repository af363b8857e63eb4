package uz.aqlli.platform.runtime.outbox;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import uz.aqlli.platform.runtime.work.BackgroundDrain;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka, oldest first, and marks them sent once the broker has them.
 *
 * <p>It runs right after each commit that appended an event, and on a periodic sweep that picks up
 * whatever an earlier attempt or a previous process left unsent, so rows are retried until
 * published. Only one relay publishes at a time per database (a PostgreSQL advisory lock), which
 * keeps events of one aggregate in the order they were written even with several instances.
 *
 * <p>Delivery is at-least-once: a crash between the broker's ack and the "sent" mark publishes the
 * row again; consumers skip it by event id.
 *
 * <p>A row whose send fails is tried again after a back-off that doubles each time, and the later
 * rows of its aggregate wait behind it, so an event is never overtaken by a later one of the same
 * aggregate. After {@code aqlli.outbox.max-attempts} the row is parked: {@link OutboxParking} shows
 * it to operators (the admin listing, {@code /q/health/well}, a gauge) until one releases it, and
 * every other aggregate keeps moving. Only a failure of the record itself parks it: while the
 * broker is away every row keeps waiting (back-off up to {@code aqlli.outbox.max-backoff}) and goes
 * when it is back.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary but fixed key of the advisory lock that serialises relays of one database. */
    private static final long RELAY_LOCK_KEY = 0x6171_6c6c_6f75_7462L;

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final KafkaProducer<String, CloudEvent> producer;
    private final BackgroundDrain drain = new BackgroundDrain("outbox-relay", this::publishDue);

    OutboxRelay(EntityManager entityManager, OutboxConfig config) {
        this.entityManager = entityManager;
        this.config = config;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, config.clientId(),
                // Bounded waits: a relay blocked on a dead broker must give up, record the error and retry later.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.sendTimeout().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis() + 1000,
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new CloudEventSerializer());
    }

    void onStart(@Observes StartupEvent started) {
        requestDrain();
    }

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEventAppended appended) {
        requestDrain();
    }

    @Scheduled(every = "${aqlli.outbox.sweep-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        drain();
    }

    /** Asks for a drain on the relay thread; requests that arrive meanwhile fold into one. */
    public void requestDrain() {
        drain.request();
    }

    /** Publishes everything unsent; returns how many rows were published. */
    public int drain() {
        return drain.drain();
    }

    private int publishDue() {
        int published = 0;
        Batch batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::publishBatch);
            published += batch.published();
        } while (batch.full());
        return published;
    }

    private Batch publishBatch() {
        Boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                .setParameter("key", RELAY_LOCK_KEY)
                .getSingleResult();
        if (!locked) {
            return new Batch(0, 0, false);
        }
        Instant now = Instant.now();
        // Due rows whose aggregate has no earlier row still waiting (back-off) or parked: those
        // would be overtaken.
        List<OutboxEvent> rows = entityManager.createQuery("""
                        from OutboxEvent o
                        where o.publishedAt is null and o.parkedAt is null
                          and (o.nextAttemptAt is null or o.nextAttemptAt <= :now)
                          and not exists (from OutboxEvent e
                                          where e.publishedAt is null and e.aggregateType = o.aggregateType
                                            and e.aggregateId = o.aggregateId and e.sequenceNo < o.sequenceNo
                                            and (e.parkedAt is not null or e.nextAttemptAt > :now))
                        order by o.sequenceNo""", OutboxEvent.class)
                .setParameter("now", now)
                .setMaxResults(config.batchSize())
                .getResultList();
        // One aggregate's rows go one at a time, each only after the one before it was acknowledged,
        // so a row that fails stops the rest of its aggregate here too; different aggregates go side by side.
        Map<String, ArrayDeque<OutboxEvent>> byAggregate = new LinkedHashMap<>();
        for (OutboxEvent row : rows) {
            byAggregate.computeIfAbsent(row.aggregateType + "/" + row.aggregateId, key -> new ArrayDeque<>()).add(row);
        }
        int published = 0;
        int failed = 0;
        // A slow broker must not stretch one batch past the transaction's timeout (which would
        // roll back the marks of rows already sent): what is left goes in the next batch.
        long budgetEnds = System.nanoTime() + config.sendTimeout().multipliedBy(4).toNanos();
        while (!byAggregate.isEmpty() && System.nanoTime() < budgetEnds) {
            List<OutboxEvent> heads = byAggregate.values().stream().map(ArrayDeque::peek).toList();
            List<Future<RecordMetadata>> acks = heads.stream().map(this::send).toList();
            for (int i = 0; i < heads.size(); i++) {
                OutboxEvent row = heads.get(i);
                String aggregate = row.aggregateType + "/" + row.aggregateId;
                try {
                    acks.get(i).get(config.sendTimeout().toMillis() + 2000, TimeUnit.MILLISECONDS);
                    row.publishedAt = Instant.now();
                    row.lastError = null;
                    row.nextAttemptAt = null;
                    published++;
                    byAggregate.get(aggregate).poll();
                    if (byAggregate.get(aggregate).isEmpty()) {
                        byAggregate.remove(aggregate);
                    }
                } catch (Exception e) {
                    failed++;
                    failedAttempt(row, e);
                    byAggregate.remove(aggregate);
                }
            }
        }
        return new Batch(published, failed, rows.size() == config.batchSize() || !byAggregate.isEmpty());
    }

    /**
     * Counts the attempt and sets the row's next one after a back-off, or parks it after the last.
     * Only a failure of the record itself (too large, a topic that does not exist, refused) brings
     * it to parking: a broker that is away or slow (Kafka's retriable errors, a timeout) fails
     * every row alike and passes, so those rows wait and go when it is back, however long it takes.
     */
    private void failedAttempt(OutboxEvent row, Exception e) {
        row.attempts++;
        row.lastError = describe(e);
        if (row.attempts >= config.maxAttempts() && !passing(e)) {
            row.parkedAt = Instant.now();
            row.nextAttemptAt = null;
            LOG.errorf("Outbox event %s (%s of %s %s) parked after %d attempts; its aggregate's later events wait behind it: %s",
                    row.id, row.eventType, row.aggregateType, row.aggregateId, row.attempts, row.lastError);
            return;
        }
        Duration backoff = config.firstBackoff().multipliedBy(1L << Math.min(row.attempts - 1, 20));
        if (backoff.compareTo(config.maxBackoff()) > 0) {
            backoff = config.maxBackoff();
        }
        row.nextAttemptAt = Instant.now().plus(backoff);
        LOG.warnf("Outbox event %s (%s) not published, attempt %d, next in %d ms: %s",
                row.id, row.eventType, row.attempts, backoff.toMillis(), row.lastError);
    }

    /** Whether the failure is the broker's (away, slow, electing a leader) rather than the record's. */
    static boolean passing(Throwable failure) {
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof java.util.concurrent.TimeoutException || cause instanceof RetriableException
                || cause instanceof InterruptedException;
    }

    private Future<RecordMetadata> send(OutboxEvent row) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(row.id.toString())
                .withType(row.eventType)
                .withSource(URI.create(row.source))
                .withSubject(row.aggregateId)
                .withTime(row.occurredAt.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(row.payload.getBytes(StandardCharsets.UTF_8))
                .build();
        try {
            return producer.send(new ProducerRecord<>(row.topic, row.aggregateId, event));
        } catch (RuntimeException e) {
            // send() itself throws when metadata cannot be fetched in time; treat it as a failed attempt.
            return CompletableFuture.failedFuture(e);
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }

    @PreDestroy
    void close() {
        drain.close();
        producer.close(Duration.ofSeconds(5));
    }

    private record Batch(int published, int failed, boolean full) {
    }
}
