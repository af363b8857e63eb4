package uz.aqlli.platform.runtime.consumer;

import uz.aqlli.platform.events.EventEnvelope;
import uz.aqlli.platform.events.Topic;

/**
 * Where an event came from: its envelope and its place on the topic.
 *
 * <p>The offset is what orders two events of one aggregate: the producer keys every record by the
 * aggregate id and publishes one aggregate's events in the order they were written, so within a
 * partition a later offset is a later fact. The sender's {@code time} is not: a clock can be wrong.
 */
public record Delivery(EventEnvelope envelope, Topic topic, int partition, long offset) {
}
