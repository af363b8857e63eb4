package uz.aqlli.platform.events;

import java.time.Instant;

/**
 * The order was called off before delivery.
 *
 * @param cancelledBy {@code BUYER} or {@code SELLER}
 * @param quoteDeclined whether the buyer called it off by declining the provider's quote
 * @param reason      required from a side cancelling a confirmed order; {@code null} when none was needed
 */
public record OrderCancelled(OrderFacts order, String cancelledBy, boolean quoteDeclined, String reason,
                             Instant cancelledAt) implements OrderEvent {
}
