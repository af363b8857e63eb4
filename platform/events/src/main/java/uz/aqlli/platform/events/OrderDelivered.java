package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The seller delivered the order, or one month of a subscription; the buyer accepts or disputes by
 * {@code acceptanceDueAt}, after which it counts as accepted.
 *
 * @param month          the subscription month delivered (1-based); {@code null} for the whole order
 * @param deliveredUzs   the amount this delivery is worth: the order's total, or the month's
 */
public record OrderDelivered(OrderFacts order, Integer month, BigDecimal deliveredUzs, Instant acceptanceDueAt,
                             Instant deliveredAt) implements OrderEvent {
}
