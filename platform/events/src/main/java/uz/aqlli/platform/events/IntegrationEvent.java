package uz.aqlli.platform.events;

/**
 * A fact one service tells the others, in the past tense.
 *
 * <p>The CloudEvents {@code type} of an event is the simple name of its record (for example
 * {@code OrganizationRegistered}); {@link #aggregateId()} is its {@code subject} and its Kafka key.
 */
public interface IntegrationEvent {

    /** The id of the aggregate the event is about: the Kafka key and the CloudEvents subject. */
    String aggregateId();
}
