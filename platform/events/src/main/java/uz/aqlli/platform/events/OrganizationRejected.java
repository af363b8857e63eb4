package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An organization was refused by the regional administration, with the reason the organization is shown.
 *
 * @param decidedBy the administration user (Keycloak subject) who decided
 * @param reason    the reason given; {@code null} when none is required
 */
public record OrganizationRejected(
        UUID organizationId,
        String kind,
        String regionCode,
        String status,
        String reason,
        String decidedBy,
        Instant rejectedAt) implements OrganizationEvent {

    @Override
    public String aggregateId() {
        return organizationId.toString();
    }
}
