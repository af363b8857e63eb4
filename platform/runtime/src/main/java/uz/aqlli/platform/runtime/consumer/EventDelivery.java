package uz.aqlli.platform.runtime.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import uz.aqlli.platform.events.EventEnvelope;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.runtime.inbox.EventRecords;
import uz.aqlli.platform.runtime.inbox.Inbox;
import uz.aqlli.platform.runtime.inbox.MalformedEventException;

import java.io.IOException;
import java.time.Duration;

/**
 * The one way a service takes an event off Kafka: read the CloudEvents envelope, check that the
 * topic's own producer sent a type the topic carries, turn the data into the event record of that
 * type, and hand it to the subscription's handler once (the inbox), in one transaction.
 *
 * <p>The failure rule: a record that can never be handled (not a CloudEvent, a foreign source, an
 * unknown type or topic or data that does not fit the record, unless the subscription keeps those
 * raw ({@link Subscription#otherwise}), or a handler's {@link MalformedEventException}) goes to the subscription's dead-letter topic with the reason, and consumption goes on. Any other
 * failure (the database went away, a timeout, a bug) is retried with back-off, holding the
 * consumer (its channel takes one record at a time, so the records behind wait too), until it
 * succeeds; only the database's refusal of the data itself (SQL state 22 or 23) is a dead letter
 * as well: this method does not return before the effect is committed or the
 * record is dead-lettered, and the Kafka connector commits an offset only after it returns. So
 * nothing is lost and nothing is skipped; a consumer held for long shows in {@link ConsumerStates}.
 *
 * <p>Call it from an {@code @Incoming @Blocking} method whose channel has
 * {@code failure-strategy=fail} and {@code throttled.unprocessed-record-max-age.ms=0} (a record held
 * by a retry must not fail the channel); it throws only when the service is stopping, and then the
 * record's offset stays uncommitted and it is delivered again after the restart.
 */
@ApplicationScoped
public class EventDelivery {

    private static final Logger LOG = Logger.getLogger(EventDelivery.class);

    private final Inbox inbox;
    private final ObjectMapper json;
    private final DeadLetters deadLetters;
    private final ConsumerStates states;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private volatile boolean stopping;

    EventDelivery(Inbox inbox, ObjectMapper json, DeadLetters deadLetters, ConsumerStates states,
                  @ConfigProperty(name = "aqlli.consumer.first-backoff", defaultValue = "PT0.2S") Duration firstBackoff,
                  @ConfigProperty(name = "aqlli.consumer.max-backoff", defaultValue = "PT5S") Duration maxBackoff) {
        this.inbox = inbox;
        this.json = json;
        this.deadLetters = deadLetters;
        this.states = states;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    /** Applies {@code record} under {@code subscription}, or dead-letters it; returns once either is durable. */
    public void deliver(Subscription subscription, ConsumerRecord<String, byte[]> record) {
        Attempt attempt;
        try {
            attempt = read(subscription, record);
        } catch (MalformedEventException e) {
            deadLetter(subscription, record, e.getMessage());
            return;
        }
        if (attempt == null) {
            return;
        }
        try {
            retrying(subscription, record, () -> QuarkusTransaction.requiringNew().run(() -> {
                if (inbox.firstDelivery(subscription.consumer(), attempt.envelope)) {
                    attempt.apply(record);
                }
            }));
        } catch (MalformedEventException e) {
            deadLetter(subscription, record, e.getMessage());
        }
    }

    /**
     * What {@code subscription} makes of {@code record}, with nothing done (no inbox, no handler,
     * nothing sent): its envelope and whether this build knows its type, or {@code null} when no
     * route takes it. It throws the {@link MalformedEventException} a dead letter would carry. A
     * replay outside the consumer (the lake's rebuild from Kafka) applies the live rule with it.
     */
    public Accepted accepts(Subscription subscription, ConsumerRecord<String, byte[]> record) {
        Attempt attempt = read(subscription, record);
        return attempt == null ? null : new Accepted(attempt.envelope, attempt.route != null, attempt.rawReason);
    }

    /**
     * @param known whether the event is one of its topic's types and its data fits (else it goes to the subscription's raw handler)
     * @param rawReason why it is kept raw; null when known
     */
    public record Accepted(EventEnvelope envelope, boolean known, String rawReason) {
    }

    /** The typed event and its handler, or the raw handler; {@code null} when no handler of this subscription takes it. */
    private Attempt read(Subscription subscription, ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = EventRecords.envelope(record);
        var named = Topic.named(record.topic());
        if (named.isEmpty() && subscription.unknown().isPresent()) {
            return new Attempt(envelope, null, null, null, subscription.unknown().get(),
                    "topic " + record.topic() + " is not a platform topic this build knows");
        }
        Topic topic = named
                .orElseThrow(() -> new MalformedEventException("topic " + record.topic() + " is not a platform topic", null));
        if (!topic.source().equals(envelope.source())) {
            throw new MalformedEventException("event " + envelope.id() + " comes from " + envelope.source()
                    + ", but only " + topic.source() + " publishes on " + topic.topicName(), null);
        }
        var known = topic.eventType(envelope.type());
        if (known.isEmpty() && subscription.unknown().isPresent()) {
            return new Attempt(envelope, null, null, null, subscription.unknown().get(),
                    "type " + envelope.type() + " is not one " + topic.topicName() + " carries in this build");
        }
        Class<? extends IntegrationEvent> type = known
                .orElseThrow(() -> new MalformedEventException("event " + envelope.id() + " has type " + envelope.type()
                        + ", which " + topic.topicName() + " does not carry", null));
        var route = subscription.routeFor(topic, type);
        if (route.isEmpty()) {
            return null;
        }
        IntegrationEvent event;
        try {
            event = json.readValue(envelope.data(), type);
        } catch (IOException | RuntimeException e) {
            // Jackson's own failures, and a refusal by a deserializer the service registered (the text rule).
            String reason = "event " + envelope.id() + " data is not a " + type.getSimpleName() + ": " + e.getMessage();
            if (subscription.unknown().isPresent()) {
                // A consumer that keeps everything keeps this too: a producer's schema drift is history, not garbage.
                return new Attempt(envelope, null, null, null, subscription.unknown().get(), reason);
            }
            throw new MalformedEventException(reason, e);
        }
        return new Attempt(envelope, route.get(), event, new Delivery(envelope, topic, record.partition(), record.offset()), null,
                null);
    }

    private void deadLetter(Subscription subscription, ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("Dead letter from %s-%d@%d for %s: %s", record.topic(), record.partition(), record.offset(),
                subscription.consumer(), reason);
        retrying(subscription, record, () -> deadLetters.send(subscription, record, reason));
    }

    /** Runs {@code work} until it succeeds, sleeping between attempts; a dead letter's reason passes straight out. */
    private void retrying(Subscription subscription, ConsumerRecord<String, byte[]> record, Runnable work) {
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                states.moving(subscription.consumer());
                return;
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                String refusal = refusedData(e);
                if (refusal != null) {
                    throw new MalformedEventException("the database refuses what the event holds (" + refusal + ")", e);
                }
                states.held(subscription.consumer(), record, attempt, e);
                LOG.warnf("%s holds %s-%d@%d, attempt %d failed (retrying in %d ms): %s", subscription.consumer(),
                        record.topic(), record.partition(), record.offset(), attempt, backoff.toMillis(), describe(e));
            }
            pause(backoff);
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
        }
    }

    private void pause(Duration backoff) {
        long until = System.nanoTime() + backoff.toNanos();
        while (System.nanoTime() < until) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                throw new ConsumerStoppingException();
            }
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConsumerStoppingException();
            }
        }
    }

    /**
     * The SQL state when the database refused the data itself (class 22, data exception, e.g. a
     * NUL that jsonb cannot hold; class 23, integrity violation): the same record fails the same
     * way every time, so it is a dead letter, not a reason to hold the consumer. Null otherwise.
     */
    static String refusedData(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return "SQL state " + sql.getSQLState() + ": " + sql.getMessage();
            }
        }
        return null;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + root;
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    /** Either a typed route with its event, or the subscription's raw handler. */
    private record Attempt(EventEnvelope envelope, Subscription.Route<?> route, IntegrationEvent event, Delivery delivery,
                           RawEventHandler raw, String rawReason) {

        void apply(ConsumerRecord<String, byte[]> record) {
            if (route != null) {
                route.handle(event, delivery);
            } else {
                raw.keep(envelope, record.topic(), record.partition(), record.offset(), rawReason);
            }
        }
    }

    /** The service is stopping while a record is held: it stays uncommitted and comes again after the restart. */
    public static final class ConsumerStoppingException extends RuntimeException {
        ConsumerStoppingException() {
            super("the service is stopping; the record will be delivered again", null, false, false);
        }
    }
}
