package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/** A provider took an offer off the board; it cannot be published again. */
public record OfferWithdrawn(UUID offerId, UUID providerId, Instant withdrawnAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}
