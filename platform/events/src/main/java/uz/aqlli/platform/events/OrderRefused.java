package uz.aqlli.platform.events;

import java.time.Instant;

/** The seller declined a placed order, with the reason. */
public record OrderRefused(OrderFacts order, String reason, Instant refusedAt) implements OrderEvent {
}
