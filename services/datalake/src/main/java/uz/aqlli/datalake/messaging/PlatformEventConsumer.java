package uz.aqlli.datalake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import uz.aqlli.datalake.service.EventLake;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.runtime.consumer.EventDelivery;
import uz.aqlli.platform.runtime.consumer.Subscription;

/**
 * Takes every event of every domain topic into the lake, through the platform's consumer seam:
 * the event id enters the inbox in the same transaction as the raw row (a redelivery is skipped);
 * an event of a type or topic this build does not know is kept raw, flagged unknown; a record that
 * is no event of its topic (not a CloudEvent, a foreign source, data that does not fit) goes to
 * {@code aqlli.datalake.dead-letters} with the reason; a failure of the lake's own (its database gone) holds the partition and is retried
 * until the row is stored, and only then is the offset committed.
 */
@ApplicationScoped
public class PlatformEventConsumer {

    private final EventDelivery delivery;
    private final Subscription subscription;

    PlatformEventConsumer(EventDelivery delivery, EventLake lake) {
        this.delivery = delivery;
        this.subscription = Subscription.named(EventLake.CONSUMER, Topic.DATALAKE_DEAD_LETTERS);
        for (Topic topic : Topic.values()) {
            if (!topic.eventTypes().isEmpty()) {
                subscription.on(topic, IntegrationEvent.class, lake::append);
            }
        }
        subscription.otherwise(lake::keepUnknown);
    }

    /** The live rule, for the rebuild from Kafka to apply the same one. */
    public Subscription subscription() {
        return subscription;
    }

    @Incoming("platform-events")
    @Blocking // ordered: one record at a time, in order
    public void onEvent(ConsumerRecord<String, byte[]> record) {
        delivery.deliver(subscription, record);
    }
}
