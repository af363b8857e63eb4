package uz.aqlli.orders.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.orders.Contract;

import uz.aqlli.orders.ContractStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ContractRepository implements PanacheRepositoryBase<Contract, UUID> {

    public Optional<Contract> ofBid(UUID bidId) {
        return find("bidId", bidId).firstResultOptional();
    }

    public PanacheQuery<Contract> ofRequest(UUID requestId) {
        return find("requestId", Sort.by("createdAt").and("id"), requestId);
    }

    public PanacheQuery<Contract> bought(UUID organization) {
        return find("buyerId", Sort.by("createdAt").descending().and("id"), organization);
    }

    public PanacheQuery<Contract> supplied(UUID organization) {
        return find("supplierId", Sort.by("createdAt").descending().and("id"), organization);
    }

    /**
     * Contracts with either party in {@code region} (as orders' copy of the directory places it);
     * every contract when {@code region} is null (republic level).
     */
    public PanacheQuery<Contract> inRegion(String region, ContractStatus status) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (region != null) {
            query.append(" and (buyerId in (select p.organizationId from TradingParty p where p.regionCode = :region)"
                    + " or supplierId in (select p.organizationId from TradingParty p where p.regionCode = :region))");
            parameters.and("region", region);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        return find(query.toString(), Sort.by("createdAt").descending().and("id"), parameters);
    }

    /** Milestones of active contracts delivered on or before {@code deliveredBy} and still unanswered (not frozen). */
    public List<Object[]> deliveredBy(Instant deliveredBy, int limit) {
        return milestones("m.status = 'DELIVERED' and m.delivered_at <= :at order by m.delivered_at", "at", deliveredBy, limit);
    }

    /** Milestones of active contracts due before {@code today}, neither delivered nor met, not yet overdue (not frozen). */
    public List<Object[]> dueBefore(LocalDate today, int limit) {
        return milestones("m.status = 'SCHEDULED' and m.overdue_at is null and coalesce(m.amended_due_date, m.due_date) < :at"
                + " order by coalesce(m.amended_due_date, m.due_date)", "at", today, limit);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> milestones(String condition, String name, Object value, int limit) {
        return getEntityManager().createNativeQuery("select c.id, m.number from contract_milestone m join contract c on c.id = m.contract_id"
                        + " and c.status = 'ACTIVE' and m.plan_version = c.signed_plan_version where m.dispute_id is null and " + condition)
                .setParameter(name, value).setMaxResults(limit).getResultList();
    }

    /** The contract locked for a sweep, fresh from the database; a party acting at the same moment waits, or loses (412). */
    public Optional<Contract> lockFresh(UUID id) {
        return FreshLock.of(this, id);
    }
}
