package uz.aqlli.platform.runtime.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.events.Topic;

import java.time.Instant;
import java.util.UUID;

/**
 * Records an integration event in the caller's transaction.
 *
 * <p>The event is only a row until the transaction commits; the {@link OutboxRelay} publishes it
 * afterwards. So a change and its event are committed together or not at all.
 */
@ApplicationScoped
public class EventOutbox {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Event<OutboxEventAppended> appended;
    private final String source;

    EventOutbox(EntityManager entityManager, ObjectMapper objectMapper, Event<OutboxEventAppended> appended,
                @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.appended = appended;
        this.source = "/aqlli/" + applicationName;
    }

    /**
     * Appends {@code event} to the outbox; must run inside the transaction that makes the change.
     * Its topic and aggregate type follow from its type ({@link Topic#of}), so no caller can
     * file an event under a second name for its aggregate.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(IntegrationEvent event) {
        Topic topic = Topic.of(event.getClass());
        var row = new OutboxEvent();
        row.id = UUID.randomUUID();
        row.topic = topic.topicName();
        row.aggregateType = topic.aggregateType();
        row.aggregateId = event.aggregateId();
        row.eventType = event.getClass().getSimpleName();
        row.source = source;
        row.occurredAt = Instant.now();
        try {
            row.payload = objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + row.eventType + " cannot be written as JSON", e);
        }
        entityManager.persist(row);
        // Observed after commit only: wakes the relay so the event leaves at once, not at the next sweep.
        appended.fire(new OutboxEventAppended(row.id));
        return row.id;
    }
}
