package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An organization was allowed to trade again after a suspension.
 *
 * @param decidedBy the administration user (Keycloak subject) who decided
 * @param reason    the reason given; {@code null} when none is required
 */
public record OrganizationReinstated(
        UUID organizationId,
        String kind,
        String regionCode,
        String status,
        String reason,
        String decidedBy,
        Instant reinstatedAt) implements OrganizationEvent {

    @Override
    public String aggregateId() {
        return organizationId.toString();
    }
}
