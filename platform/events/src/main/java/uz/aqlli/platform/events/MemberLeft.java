package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The organization's manager removed a user: their account is closed, and nothing of the
 * organization's is theirs to hear any more. It changes no standing, so it is no {@link OrganizationEvent}.
 *
 * @param userId the member removed (Keycloak subject)
 */
public record MemberLeft(
        UUID organizationId,
        String userId,
        Instant leftAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return organizationId.toString();
    }
}
