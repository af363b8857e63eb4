package uz.aqlli.orders;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A finished deal as ratings see it: an order or a contract between two organizations, and when it
 * ended (the start of the rating window).
 */
public record RatingDeal(Kind kind, UUID id, UUID buyerId, UUID sellerId, Instant endedAt) {

    public enum Kind {
        ORDER,
        CONTRACT
    }

    /** The party the given organization rates, if it is one of the deal's two. */
    public Optional<UUID> counterpartOf(UUID organization) {
        if (buyerId.equals(organization)) {
            return Optional.of(sellerId);
        }
        if (sellerId.equals(organization)) {
            return Optional.of(buyerId);
        }
        return Optional.empty();
    }
}
