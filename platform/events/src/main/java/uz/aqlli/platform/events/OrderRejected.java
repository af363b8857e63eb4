package uz.aqlli.platform.events;

import java.time.Instant;

/** The buyer's manager did not approve an order waiting for approval; it never reached the seller. */
public record OrderRejected(OrderFacts order, String reason, Instant rejectedAt) implements OrderEvent {
}
