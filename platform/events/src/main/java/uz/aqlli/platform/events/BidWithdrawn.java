package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/** A bidder withdrew a sealed bid before the deadline; the bid takes no part in the award. */
public record BidWithdrawn(UUID requestId, UUID bidId, Instant withdrawnAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
