package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The organization's manager handed the role to another of its members. The manager is the one
 * user who decides for the organization (its users, and orders above its approval threshold), so
 * a service that keeps its own copy of who manages learns it from here, not by asking catalog.
 *
 * @param status                the organization's status, unchanged by the handover
 * @param managerUserId         the new manager (Keycloak subject)
 * @param previousManagerUserId the manager who handed over, now a member (Keycloak subject)
 */
public record OrganizationManagerChanged(
        UUID organizationId,
        String kind,
        String regionCode,
        String status,
        String managerUserId,
        String previousManagerUserId,
        Instant changedAt) implements OrganizationEvent {

    @Override
    public String aggregateId() {
        return organizationId.toString();
    }
}
