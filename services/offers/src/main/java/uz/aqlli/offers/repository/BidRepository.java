package uz.aqlli.offers.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.offers.Bid;
import uz.aqlli.offers.BidStatus;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class BidRepository implements PanacheRepositoryBase<Bid, UUID> {

    public List<Bid> active(UUID requestId) {
        return list("requestId = ?1 and status = ?2 order by priceUzs, submittedAt, id", requestId, BidStatus.ACTIVE);
    }

    public long countActive(UUID requestId) {
        return count("requestId = ?1 and status = ?2", requestId, BidStatus.ACTIVE);
    }

    /** The provider's bids on the request, the active one first. */
    public List<Bid> ofProvider(UUID requestId, UUID providerId) {
        return list("requestId = ?1 and providerId = ?2 order by status, submittedAt desc", requestId, providerId);
    }
}
