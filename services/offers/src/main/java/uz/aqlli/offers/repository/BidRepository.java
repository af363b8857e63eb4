package uz.aqlli.offers.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.offers.Bid;
import uz.aqlli.offers.BidStatus;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class BidRepository implements PanacheRepositoryBase<Bid, UUID> {

    public List<Bid> active(UUID requestId) {
        return list("requestId = ?1 and status = ?2 order by priceUzs, submittedAt, id", requestId, BidStatus.ACTIVE);
    }

    /** The bids whose terms the buyer has seen at the deadline: the active ones and any that declined an award. */
    public List<Bid> revealed(UUID requestId) {
        return list("requestId = ?1 and status in ?2 order by priceUzs, submittedAt, id", requestId,
                List.of(BidStatus.ACTIVE, BidStatus.DECLINED_AWARD));
    }

    public long countActive(UUID requestId) {
        return count("requestId = ?1 and status = ?2", requestId, BidStatus.ACTIVE);
    }

    /** Active bids by request, in one query; a request without any is absent. */
    public Map<UUID, Long> countActive(Collection<UUID> requestIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (!requestIds.isEmpty()) {
            getEntityManager().createQuery("""
                            select b.requestId, count(b) from Bid b where b.requestId in :requests and b.status = :status
                            group by b.requestId""", Object[].class)
                    .setParameter("requests", requestIds).setParameter("status", BidStatus.ACTIVE).getResultList()
                    .forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        }
        return counts;
    }

    /** The provider's bids on the request, the active one first. */
    public List<Bid> ofProvider(UUID requestId, UUID providerId) {
        return list("requestId = ?1 and providerId = ?2 order by status, submittedAt desc", requestId, providerId);
    }
}
