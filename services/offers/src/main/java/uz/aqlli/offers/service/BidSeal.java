package uz.aqlli.offers.service;

import uz.aqlli.offers.Bid;
import uz.aqlli.offers.RequestStatus;
import uz.aqlli.offers.ServiceRequest;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may read a bid's price and proposal, the one rule every route that returns bids goes through.
 *
 * <ul>
 *   <li>Its bidder: always.</li>
 *   <li>The buyer: once the deadline has been acted on (the request closed).</li>
 *   <li>Everyone: once the request is awarded.</li>
 *   <li>A bid whose supplier declined its award as an active one: its price was public with the award.</li>
 *   <li>Nobody else, the administration included, before the award.</li>
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
        if (request.status() == RequestStatus.AWARDED) {
            return bid.revealed();
        }
        boolean buyer = callerOrganization.map(request.buyerId()::equals).orElse(false);
        return buyer && request.closedAt() != null && bid.revealed();
    }

    /** Whether the caller may know how many bids there are: the buyer at any time, everyone after the award. */
    public static boolean countsFor(ServiceRequest request, Optional<UUID> callerOrganization) {
        return request.status() == RequestStatus.AWARDED || callerOrganization.map(request.buyerId()::equals).orElse(false);
    }
}
