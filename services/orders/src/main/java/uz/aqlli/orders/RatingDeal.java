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
        ORDER("orderId"),
        CONTRACT("contractId");

        private final String field;

        Kind(String field) {
            this.field = field;
        }

        /** The request's name for the deal (its path parameter), which a refusal about the deal names. */
        public String field() {
            return field;
        }
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
