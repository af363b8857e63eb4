package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The tender ended without an award: no bids by the deadline ({@code noBids}), or the buyer
 * declared it unsuccessful with a reason.
 */
public record RequestUnsuccessful(UUID requestId, UUID buyerId, boolean noBids, String reason, Instant decidedAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
