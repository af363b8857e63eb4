package uz.aqlli.datalake.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import uz.aqlli.datalake.RawEvent;
import uz.aqlli.datalake.repository.RawEventRepository;
import uz.aqlli.platform.events.EventEnvelope;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.runtime.consumer.Delivery;
import uz.aqlli.platform.runtime.inbox.MalformedEventException;

import java.io.IOException;
import java.time.Instant;

/** The append-only store of everything that happened on the platform. */
@ApplicationScoped
public class EventLake {

    /** The lake's inbox and consumer name. */
    public static final String CONSUMER = "datalake";

    private final RawEventRepository rawEvents;
    private final ObjectMapper json;

    EventLake(RawEventRepository rawEvents, ObjectMapper json) {
        this.rawEvents = rawEvents;
        this.json = json;
    }

    /**
     * Stores the event as its producer wrote it (the JSON, not the record read from it, so that a
     * field a newer producer added is kept). Called once per event id, in the inbox's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(IntegrationEvent event, Delivery delivery) {
        EventEnvelope envelope = delivery.envelope();
        String payload;
        try {
            payload = json.writeValueAsString(json.readTree(envelope.data()));
        } catch (IOException e) {
            throw new MalformedEventException("event " + envelope.id() + " data is not JSON: " + e.getMessage(), e);
        }
        RawEvent raw = new RawEvent();
        raw.eventId = envelope.id();
        raw.eventType = envelope.type();
        raw.source = envelope.source();
        raw.subject = envelope.subject();
        raw.occurredAt = envelope.time();
        raw.topic = delivery.topic().topicName();
        raw.kafkaPartition = delivery.partition();
        raw.kafkaOffset = delivery.offset();
        raw.payload = payload;
        raw.receivedAt = Instant.now();
        rawEvents.persist(raw);
    }
}
