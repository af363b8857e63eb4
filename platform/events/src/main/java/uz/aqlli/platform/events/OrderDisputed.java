package uz.aqlli.platform.events;

import java.time.Instant;

/**
 * The buyer did not accept a delivery and says why; resolving disputes comes with contracts.
 *
 * @param month the subscription month disputed; {@code null} for the whole order
 */
public record OrderDisputed(OrderFacts order, Integer month, String reason, Instant disputedAt) implements OrderEvent {
}
