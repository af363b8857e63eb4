package uz.aqlli.offers.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import uz.aqlli.offers.RequestStatus;
import uz.aqlli.offers.ServiceRequest;
import uz.aqlli.platform.events.ServiceCategory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ServiceRequestRepository implements PanacheRepositoryBase<ServiceRequest, UUID> {

    /**
     * The request, locked so that the deadline cannot pass unnoticed while a bid is written:
     * bidders share the lock, closing takes it alone (see {@link #lockToClose}).
     */
    public Optional<ServiceRequest> lockToBid(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ);
    }

    /** The request, locked against bids and other decisions; waits for bids being written to commit. */
    public Optional<ServiceRequest> lockToClose(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Open requests whose deadline has passed, oldest deadline first. */
    public List<UUID> due(Instant now, int limit) {
        return getEntityManager().createQuery(
                        "select r.id from ServiceRequest r where r.status = :open and r.deadline <= :now order by r.deadline", UUID.class)
                .setParameter("open", RequestStatus.OPEN)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Requests on the board; {@code null} filters are not applied. */
    public PanacheQuery<ServiceRequest> search(RequestStatus status, ServiceCategory category, String regionCode, UUID buyerId,
                                               boolean byDeadline) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (category != null) {
            where.append(" and category = :category");
            parameters.and("category", category);
        }
        if (regionCode != null) {
            where.append(" and array_contains(regions, :region)");
            parameters.and("region", regionCode);
        }
        if (buyerId != null) {
            where.append(" and buyerId = :buyer");
            parameters.and("buyer", buyerId);
        }
        return find(where + (byDeadline ? " order by deadline, id" : " order by publishedAt desc, id"), parameters);
    }
}
