package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The deadline passed: the active bids, with their bidders and prices, are opened to the buyer.
 * The first event that names a price.
 */
public record BidsRevealed(UUID requestId, UUID buyerId, Instant deadline, List<RevealedBid> bids, Instant revealedAt)
        implements IntegrationEvent {

    /** One active bid at the deadline; {@code submittedAt} is its last submission or revision. */
    public record RevealedBid(UUID bidId, UUID providerId, BigDecimal priceUzs, int durationDays, Instant submittedAt) {
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
