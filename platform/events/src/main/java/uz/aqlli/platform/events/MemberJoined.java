package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The organization's manager added a user to it. A service that tells an organization's users of
 * what concerns it (notifications) learns its members from here and {@link MemberLeft}, not from
 * the users' own calls. It changes no standing, so it is no {@link OrganizationEvent}.
 *
 * @param userId the new member (Keycloak subject)
 * @param email  the member's sign-in address, where they are mailed
 */
public record MemberJoined(
        UUID organizationId,
        String userId,
        String email,
        Instant joinedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return organizationId.toString();
    }
}
