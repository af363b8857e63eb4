package uz.aqlli.platform.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The seller took the order on (or the buyer accepted a quote), to be delivered by {@code deliveryDate}.
 *
 * @param quoteAccepted whether this confirmation is the buyer accepting the provider's quote
 */
public record OrderConfirmed(OrderFacts order, LocalDate deliveryDate, boolean quoteAccepted, Instant confirmedAt)
        implements OrderEvent {
}
