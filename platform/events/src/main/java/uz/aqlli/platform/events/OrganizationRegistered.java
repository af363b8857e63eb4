package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organization (industrial enterprise or IT provider) entered the directory, pending verification.
 *
 * <p>Contact phone and e-mail travel with it because the administration's red flags compare
 * bidders' contacts ("bidders sharing a phone, e-mail or address").
 *
 * @param kind              {@code ENTERPRISE} or {@code PROVIDER}
 * @param stir              the 9-digit tax number (STIR/INN)
 * @param regionCode        SOATO code of the region, e.g. {@code 1703} for Andijan
 * @param districtCode      SOATO code of the district
 * @param zoneType          where it sits: a {@link ZoneType} name
 * @param zoneName          the technopark, zone or cluster by name; {@code null} for {@code NONE}
 * @param sectors           {@link Sector} names (enterprises)
 * @param serviceCategories {@link ServiceCategory} names (providers)
 * @param status            the organization's status after the change ({@code PENDING})
 */
public record OrganizationRegistered(
        UUID organizationId,
        String kind,
        String legalName,
        String stir,
        String regionCode,
        String districtCode,
        String zoneType,
        String zoneName,
        List<String> sectors,
        List<String> serviceCategories,
        String contactPhone,
        String contactEmail,
        String status,
        Instant registeredAt) implements OrganizationEvent {

    @Override
    public String aggregateId() {
        return organizationId.toString();
    }
}
