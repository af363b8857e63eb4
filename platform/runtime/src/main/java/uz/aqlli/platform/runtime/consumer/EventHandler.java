package uz.aqlli.platform.runtime.consumer;

import uz.aqlli.platform.events.IntegrationEvent;

/**
 * What a consumer does with one event of its own type. It runs inside the transaction that records
 * the event in the consumer's inbox, so its effect and "handled" commit together; it is called at
 * most once per event id per consumer.
 *
 * <p>It throws {@link uz.aqlli.platform.runtime.inbox.MalformedEventException} for an event that
 * can never be applied (a dead letter); any other exception counts as passing (the database went
 * away, a timeout) and the same event is offered again until it succeeds.
 */
@FunctionalInterface
public interface EventHandler<E extends IntegrationEvent> {

    void handle(E event, Delivery delivery);
}
