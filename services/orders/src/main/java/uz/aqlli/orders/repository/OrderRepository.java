package uz.aqlli.orders.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.orders.Order;
import uz.aqlli.orders.OrderStatus;

import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /** The next order number, e.g. {@code AE-2026-000042}: a sequence, so numbers never repeat. */
    public String nextNumber(Instant now) {
        Number next = (Number) getEntityManager().createNativeQuery("select nextval('order_number_seq')").getSingleResult();
        // the year on the invoice is Uzbekistan's: an order just after midnight on 1 January (Tashkent) is the new year's
        return "AE-%d-%06d".formatted(Year.from(now.atZone(java.time.ZoneId.of("Asia/Tashkent"))).getValue(), next.longValue());
    }

    /** Orders the organization buys. */
    public PanacheQuery<Order> bought(UUID buyer, OrderStatus status) {
        return find("buyerId = :org" + (status == null ? "" : " and status = :status"), NEWEST, parameters(buyer, status));
    }

    /** Orders the organization sells: only placed ones (none waiting for the buyer's approval). */
    public PanacheQuery<Order> sold(UUID seller, OrderStatus status) {
        return find("sellerId = :org and placedAt is not null" + (status == null ? "" : " and status = :status"), NEWEST,
                parameters(seller, status));
    }

    /**
     * Orders with a buyer in {@code region}, or a seller there once placed (an order waiting for the
     * buyer's approval is the buyer's alone); every order when {@code region} is null (republic level).
     */
    public PanacheQuery<Order> inRegion(String region, OrderStatus status) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (region != null) {
            query.append(" and (buyerRegionCode = :region or sellerRegionCode = :region and placedAt is not null)");
            parameters.and("region", region);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        return find(query.toString(), NEWEST, parameters);
    }

    /** Orders with a delivery (or a subscription month) left unanswered past its acceptance window. */
    public List<UUID> dueForAcceptance(Instant now, int limit) {
        return getEntityManager().createQuery(
                        "select o.id from PurchaseOrder o where o.acceptanceDueAt <= :now order by o.acceptanceDueAt", UUID.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** The order locked for the sweep, fresh from the database; a member answering at the same time waits, or loses (412). */
    public Optional<Order> lockFresh(UUID id) {
        return FreshLock.of(this, id);
    }

    private static final Sort NEWEST = Sort.descending("createdAt").and("id");

    private static Parameters parameters(UUID organization, OrderStatus status) {
        Parameters parameters = Parameters.with("org", organization);
        return status == null ? parameters : parameters.and("status", status);
    }
}
