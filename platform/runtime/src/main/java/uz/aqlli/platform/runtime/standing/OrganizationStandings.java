package uz.aqlli.platform.runtime.standing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import uz.aqlli.platform.events.OrganizationEvent;
import uz.aqlli.platform.runtime.consumer.Delivery;
import uz.aqlli.platform.runtime.inbox.MalformedEventException;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether an organization may trade (publish, bid, order), as this service last heard from the
 * directory's events. Only {@code VERIFIED} organizations may.
 *
 * <p>The copy is local so that publishing or bidding never waits on {@code catalog}; it lags the
 * directory by the time an event takes to arrive (well under a second on a healthy broker).
 */
@ApplicationScoped
public class OrganizationStandings {

    static final String CONSUMER = "organization-standing";
    private static final String VERIFIED = "VERIFIED";

    private final EntityManager entityManager;

    OrganizationStandings(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Takes one directory event (the inbox already let it through once); one older than what the
     * row reflects, by its offset, changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(OrganizationEvent event, Delivery delivery) {
        if (event.organizationId() == null) {
            throw new MalformedEventException("event " + delivery.envelope().id() + " names no organization", null);
        }
        String kind = required(delivery, event.kind(), "kind");
        String region = required(delivery, event.regionCode(), "regionCode");
        String status = required(delivery, event.status(), "status");
        OffsetDateTime asOf = delivery.envelope().time() != null ? delivery.envelope().time() : OffsetDateTime.now();
        entityManager.createNativeQuery("""
                        insert into organization_standing (organization_id, kind, region_code, status, as_of, source_partition, source_offset)
                        values (:id, :kind, :region, :status, :asOf, :partition, :offset)
                        on conflict (organization_id) do update
                            set kind = excluded.kind, region_code = excluded.region_code, status = excluded.status,
                                as_of = excluded.as_of, source_partition = excluded.source_partition,
                                source_offset = excluded.source_offset, updated_at = now()
                            where organization_standing.source_offset is null
                               or organization_standing.source_partition <> excluded.source_partition
                               or organization_standing.source_offset < excluded.source_offset""")
                .setParameter("id", event.organizationId())
                .setParameter("kind", kind)
                .setParameter("region", region)
                .setParameter("status", status)
                .setParameter("asOf", asOf)
                .setParameter("partition", delivery.partition())
                .setParameter("offset", delivery.offset())
                .executeUpdate();
    }

    /** What this service last heard of the organization; empty when nothing yet. */
    public Optional<Standing> of(UUID organizationId) {
        List<?> rows = entityManager.createNativeQuery(
                        "select kind, region_code, status from organization_standing where organization_id = :id")
                .setParameter("id", organizationId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new Standing(organizationId, columns[0].toString(), columns[1].toString(), columns[2].toString());
        });
    }

    /**
     * Refuses with a 403 problem ({@code urn:aqlli:problem:organization-not-verified}) saying why
     * unless the organization is verified; {@code action} completes "cannot …" in the message.
     */
    public void requireVerified(UUID organizationId, String action) {
        String status = of(organizationId).map(Standing::status).orElse("UNKNOWN");
        if (VERIFIED.equals(status)) {
            return;
        }
        throw notVerified(status, action);
    }

    /** The 403 for an organization in {@code status} (not {@code VERIFIED}) that tried to {@code action}. */
    public static ProblemException notVerified(String status, String action) {
        String why = switch (status) {
            case "REJECTED" -> "was rejected by the regional administration";
            case "SUSPENDED" -> "is suspended by the regional administration";
            default -> "has not been verified by the regional administration yet";
        };
        return ProblemException.forbidden("organization-not-verified",
                "Your organization " + why + ", so it cannot " + action + ". Only verified organizations publish, bid and order.");
    }

    private static String required(Delivery delivery, String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("event " + delivery.envelope().id() + " has no " + field, null);
        }
        return value;
    }
}
