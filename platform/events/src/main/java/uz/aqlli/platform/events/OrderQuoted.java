package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The provider answered a request for a quote; {@code order().amountUzs()} is the quoted total.
 *
 * @param hours the hours the quote counts ({@code HOURLY}); {@code null} otherwise
 */
public record OrderQuoted(OrderFacts order, BigDecimal hours, Instant quotedAt) implements OrderEvent {
}
