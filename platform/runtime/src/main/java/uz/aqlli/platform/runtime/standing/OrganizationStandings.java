package uz.aqlli.platform.runtime.standing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import uz.aqlli.platform.events.EventEnvelope;
import uz.aqlli.platform.runtime.inbox.Inbox;
import uz.aqlli.platform.runtime.inbox.MalformedEventException;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.io.IOException;
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
    private final Inbox inbox;
    private final ObjectMapper json;

    OrganizationStandings(EntityManager entityManager, Inbox inbox, ObjectMapper json) {
        this.entityManager = entityManager;
        this.inbox = inbox;
        this.json = json;
    }

    /** Takes one directory event; a redelivered or out-of-date one changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        JsonNode data;
        try {
            data = json.readTree(event.data());
        } catch (IOException e) {
            throw new MalformedEventException("event " + event.id() + " data is not JSON", e);
        }
        UUID organizationId = uuid(event, data.path("organizationId").asText(null));
        String status = required(event, data, "status");
        String kind = required(event, data, "kind");
        String region = required(event, data, "regionCode");
        if (!inbox.firstDelivery(CONSUMER, event)) {
            return;
        }
        OffsetDateTime asOf = event.time() != null ? event.time() : OffsetDateTime.now();
        entityManager.createNativeQuery("""
                        insert into organization_standing (organization_id, kind, region_code, status, as_of)
                        values (:id, :kind, :region, :status, :asOf)
                        on conflict (organization_id) do update
                            set kind = excluded.kind, region_code = excluded.region_code, status = excluded.status,
                                as_of = excluded.as_of, updated_at = now()
                            where organization_standing.as_of <= excluded.as_of""")
                .setParameter("id", organizationId)
                .setParameter("kind", kind)
                .setParameter("region", region)
                .setParameter("status", status)
                .setParameter("asOf", asOf)
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

    private static String required(EventEnvelope event, JsonNode data, String field) {
        String value = data.path(field).asText("");
        if (value.isBlank()) {
            throw new MalformedEventException("event " + event.id() + " has no " + field, null);
        }
        return value;
    }

    private static UUID uuid(EventEnvelope event, String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new MalformedEventException("event " + event.id() + " has no valid organizationId", e);
        }
    }
}
