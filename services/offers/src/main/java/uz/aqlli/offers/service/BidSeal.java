package uz.aqlli.offers.service;

import uz.aqlli.offers.Bid;
import uz.aqlli.offers.ServiceRequest;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may read a bid's price and proposal, the one rule every route that returns bids goes through.
 *
 * <ul>
 *   <li>Its bidder: always.</li>
 *   <li>The buyer: once the deadline has been acted on (the request closed).</li>
 *   <li>Everyone: once the request is awarded, and still after that award is declined (disclosed
 *   stays disclosed: open data and integrity published the bids with the award), the declining bid
 *   included.</li>
 *   <li>Nobody else, the administration included, before the first award.</li>
 * </ul>
 */
public final class BidSeal {

    private BidSeal() {
    }

    /**
     * @param callerOrganization the organization the caller acts for, empty for anonymous and administration callers
     */
    public static boolean opens(Bid bid, ServiceRequest request, Optional<UUID> callerOrganization) {
        if (callerOrganization.map(bid.providerId()::equals).orElse(false)) {
            return true;
        }
        if (request.disclosed()) {
            return bid.revealed();
        }
        boolean buyer = callerOrganization.map(request.buyerId()::equals).orElse(false);
        return buyer && request.closedAt() != null && bid.revealed();
    }

    /** Whether the caller may know how many bids there are: the buyer at any time, everyone from the first award on. */
    public static boolean countsFor(ServiceRequest request, Optional<UUID> callerOrganization) {
        return request.disclosed() || callerOrganization.map(request.buyerId()::equals).orElse(false);
    }
}
