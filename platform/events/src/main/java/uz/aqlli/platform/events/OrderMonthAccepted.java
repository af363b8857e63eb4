package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The buyer accepted one delivered month of a subscription, or its acceptance window passed.
 *
 * @param acceptedBy {@code BUYER} or {@code ACCEPTANCE_WINDOW}
 */
public record OrderMonthAccepted(OrderFacts order, int month, BigDecimal monthUzs, String acceptedBy, Instant acceptedAt)
        implements OrderEvent {
}
