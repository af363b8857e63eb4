package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An organization (industrial enterprise or IT provider) entered the directory, pending verification.
 *
 * @param kind           {@code ENTERPRISE} or {@code PROVIDER}
 * @param stir           the 9-digit tax number (STIR/INN)
 * @param regionCode     SOATO code of the region, e.g. {@code 1703} for Andijan
 * @param districtCode   SOATO code of the district, when known
 * @param status         the organization's status after the change ({@code PENDING})
 */
public record OrganizationRegistered(
        UUID organizationId,
        String kind,
        String legalName,
        String stir,
        String regionCode,
        String districtCode,
        String status,
        Instant registeredAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return organizationId.toString();
    }
}
