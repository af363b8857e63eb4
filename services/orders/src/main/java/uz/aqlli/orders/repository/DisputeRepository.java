package uz.aqlli.orders.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.orders.Dispute;
import uz.aqlli.orders.DisputeStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DisputeRepository implements PanacheRepositoryBase<Dispute, UUID> {

    private static final Sort NEWEST = Sort.descending("openedAt").and("id");

    /** The disputes the organization is a party to, as buyer or as seller (supplier). */
    public PanacheQuery<Dispute> ofParty(UUID organization, DisputeStatus status) {
        return find("(buyerId = :org or sellerId = :org)" + (status == null ? "" : " and status = :status"), NEWEST,
                status == null ? Parameters.with("org", organization) : Parameters.with("org", organization).and("status", status));
    }

    /** The disputes whose buyer is in {@code region} (the ones its administration decides); all of them when null. */
    public PanacheQuery<Dispute> decidedIn(String region, DisputeStatus status) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (region != null) {
            query.append(" and buyerRegionCode = :region");
            parameters.and("region", region);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        return find(query.toString(), NEWEST, parameters);
    }

    /** Open disputes nobody answered within the response window, earliest first. */
    public List<UUID> dueForEscalation(Instant now, int limit) {
        return getEntityManager().createQuery("select d.id from Dispute d where d.status = :open and d.responseDueAt <= :now"
                        + " order by d.responseDueAt", UUID.class)
                .setParameter("open", DisputeStatus.OPEN).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** The dispute locked, fresh from the database: a party answering at the same moment waits, or loses (412). */
    public Optional<Dispute> lockFresh(UUID id) {
        return FreshLock.of(this, id);
    }
}
