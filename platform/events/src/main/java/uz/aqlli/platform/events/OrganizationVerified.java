package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An organization was verified by the regional administration; it may now trade.
 *
 * @param decidedBy the administration user (Keycloak subject) who decided
 * @param reason    the reason given; {@code null} when none is required
 */
public record OrganizationVerified(
        UUID organizationId,
        String kind,
        String regionCode,
        String status,
        String reason,
        String decidedBy,
        Instant verifiedAt) implements OrganizationEvent {

    @Override
    public String aggregateId() {
        return organizationId.toString();
    }
}
