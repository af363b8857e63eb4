package uz.aqlli.orders.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.orders.Rating;
import uz.aqlli.orders.RatingDeal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RatingRepository implements PanacheRepositoryBase<Rating, UUID> {

    /** Every rating of the deal, hidden ones included: for the service's own decisions, never for a view as such. */
    public List<Rating> ofDeal(RatingDeal.Kind kind, UUID dealId) {
        return list("dealKind = ?1 and dealId = ?2 order by ratedAt, id", kind, dealId);
    }

    /** What the public reads of an organization: its published ratings, newest first. */
    public PanacheQuery<Rating> publishedOf(UUID organization) {
        return find("ratedId = ?1 and publishedAt is not null", Sort.by("publishedAt").descending().and("id"), organization);
    }

    /**
     * Serializes the ratings of one deal (the second rating and the sweep decide publication): a
     * transaction's advisory lock on the deal, gone at commit, as no row of the deal's own exists
     * before its first rating.
     */
    public void lockDeal(RatingDeal.Kind kind, UUID dealId) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:deal, 0))")
                .setParameter("deal", "rating:" + kind + ":" + dealId).getSingleResult();
    }

    /** Deals of the kind with a hidden rating whose window has closed by {@code now}, oldest window first. */
    public List<UUID> dueForPublication(RatingDeal.Kind kind, Instant now, int limit) {
        return getEntityManager().createQuery("""
                        select r.dealId from Rating r where r.dealKind = :kind and r.publishedAt is null and r.windowEndsAt <= :now
                        group by r.dealId order by min(r.windowEndsAt)""", UUID.class)
                .setParameter("kind", kind).setParameter("now", now).setMaxResults(limit).getResultList();
    }
}
