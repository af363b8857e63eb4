package uz.aqlli.offers.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The bids on a request the caller may read.
 *
 * @param sealed   true while the caller cannot read every active bid (before the deadline for the
 *                 buyer, before the award for everyone else)
 * @param bidCount how many active bids there are, for the buyer and, after the award, for everyone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BidsView(UUID requestId, String requestStatus, Instant deadline, boolean sealed, Long bidCount, List<BidView> items) {
}
