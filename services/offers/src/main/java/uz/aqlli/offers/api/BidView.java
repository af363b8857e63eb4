package uz.aqlli.offers.api;

import uz.aqlli.offers.Bid;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A bid the caller is allowed to read (see {@code BidSeal}); sealed bids are never built into a view. */
public record BidView(UUID id, UUID requestId, UUID providerId, String status, BigDecimal priceUzs, int durationDays,
                      String proposal, int revision, Instant submittedAt, Instant revisedAt, Instant withdrawnAt) {

    static BidView of(Bid bid) {
        return new BidView(bid.id(), bid.requestId(), bid.providerId(), bid.status().name(), bid.priceUzs(), bid.durationDays(),
                bid.proposal(), bid.revision(), bid.submittedAt(), bid.revisedAt(), bid.withdrawnAt());
    }
}
