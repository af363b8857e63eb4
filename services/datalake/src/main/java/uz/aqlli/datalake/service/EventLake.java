package uz.aqlli.datalake.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import uz.aqlli.datalake.RawEvent;
import uz.aqlli.datalake.chain.EventChain;
import uz.aqlli.datalake.lake.LakeEvent;
import uz.aqlli.datalake.repository.RawEventRepository;
import uz.aqlli.platform.events.EventEnvelope;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.runtime.consumer.Delivery;
import uz.aqlli.platform.runtime.inbox.MalformedEventException;

import java.io.IOException;
import java.time.Instant;

/**
 * The append-only store of everything that happened on the platform: its hot tier. Rows are sealed
 * into Parquet files by {@link uz.aqlli.datalake.lake.LakeSealer}, but never leave the table.
 */
@ApplicationScoped
public class EventLake {

    /** The lake's inbox and consumer name. */
    public static final String CONSUMER = "datalake";

    private final RawEventRepository rawEvents;
    private final ObjectMapper json;
    private final EventChain chain;

    EventLake(RawEventRepository rawEvents, ObjectMapper json, EventChain chain) {
        this.rawEvents = rawEvents;
        this.json = json;
        this.chain = chain;
    }

    /**
     * Stores the event as its producer wrote it (the JSON, not the record read from it, so that a
     * field a newer producer added is kept). Called once per event id, in the inbox's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(IntegrationEvent event, Delivery delivery) {
        store(delivery.envelope(), delivery.topic().topicName(), delivery.partition(), delivery.offset(), true, null);
    }

    /**
     * Keeps an event of a type or topic this build does not know, or whose data does not fit its
     * known type, flagged as such with the reason (issue 14: never dropped).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepUnknown(EventEnvelope envelope, String topic, int partition, long offset, String reason) {
        store(envelope, topic, partition, offset, false, reason);
    }

    private void store(EventEnvelope envelope, String topic, int partition, long offset, boolean known, String rawReason) {
        RawEvent raw = new RawEvent();
        raw.eventId = envelope.id();
        raw.eventType = envelope.type();
        raw.source = envelope.source();
        raw.subject = envelope.subject();
        raw.occurredAt = LakeEvent.kept(envelope.time());
        raw.topic = topic;
        raw.kafkaPartition = partition;
        raw.kafkaOffset = offset;
        raw.payload = payload(json, envelope);
        raw.known = known;
        raw.rawReason = rawReason;
        raw.receivedAt = Instant.now();
        chain.append(raw);
    }

    /** The event's data as compact JSON; data that is no JSON at all is a dead letter. */
    public static String payload(ObjectMapper json, EventEnvelope envelope) {
        try {
            return json.writeValueAsString(json.readTree(envelope.data()));
        } catch (IOException e) {
            throw new MalformedEventException("event " + envelope.id() + " data is not JSON: " + e.getMessage(), e);
        }
    }
}
