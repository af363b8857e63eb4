package uz.aqlli.platform.events;

import java.time.Instant;

/**
 * The buyer accepted the delivery (every month, for a subscription), or the acceptance window passed
 * without an answer: the deal is done and the seller may issue the e-invoice.
 *
 * @param completedBy {@code BUYER} or {@code ACCEPTANCE_WINDOW}
 */
public record OrderCompleted(OrderFacts order, String completedBy, Instant completedAt) implements OrderEvent {
}
