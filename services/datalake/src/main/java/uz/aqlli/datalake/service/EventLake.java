package uz.aqlli.datalake.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import uz.aqlli.datalake.RawEvent;
import uz.aqlli.datalake.repository.RawEventRepository;
import uz.aqlli.platform.events.EventEnvelope;
import uz.aqlli.platform.runtime.inbox.Inbox;
import uz.aqlli.platform.runtime.inbox.MalformedEventException;

import java.io.IOException;
import java.time.Instant;

/** The append-only store of everything that happened on the platform. */
@ApplicationScoped
public class EventLake {

    static final String CONSUMER = "datalake";

    private final RawEventRepository rawEvents;
    private final Inbox inbox;
    private final ObjectMapper json;

    EventLake(RawEventRepository rawEvents, Inbox inbox, ObjectMapper json) {
        this.rawEvents = rawEvents;
        this.inbox = inbox;
        this.json = json;
    }

    /** Stores the event unless it was stored before; returns whether it was new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean append(EventEnvelope event, String topic, int partition, long offset) {
        String payload;
        try {
            // Re-serialised so that only well-formed JSON enters the lake.
            payload = json.writeValueAsString(json.readTree(event.data()));
        } catch (IOException e) {
            throw new MalformedEventException("event " + event.id() + " data is not JSON: " + e.getMessage(), e);
        }
        if (!inbox.firstDelivery(CONSUMER, event)) {
            return false;
        }
        RawEvent raw = new RawEvent();
        raw.eventId = event.id();
        raw.eventType = event.type();
        raw.source = event.source();
        raw.subject = event.subject();
        raw.occurredAt = event.time();
        raw.topic = topic;
        raw.kafkaPartition = partition;
        raw.kafkaOffset = offset;
        raw.payload = payload;
        raw.receivedAt = Instant.now();
        rawEvents.persist(raw);
        return true;
    }
}
