package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An organization was stopped from trading by the regional administration, with the reason.
 *
 * @param decidedBy the administration user (Keycloak subject) who decided
 * @param reason    the reason given; {@code null} when none is required
 */
public record OrganizationSuspended(
        UUID organizationId,
        String kind,
        String regionCode,
        String status,
        String reason,
        String decidedBy,
        Instant suspendedAt) implements OrganizationEvent {

    @Override
    public String aggregateId() {
        return organizationId.toString();
    }
}
