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
 * @param address             the legal address, one line, as an e-invoice names the party; {@code null} only for
 *                            organizations registered before the directory asked for it
 * @param vatRegistrationCode the 12-digit VAT payer's registration code; {@code null} when the organization does not
 *                            charge VAT
 * @param managerUserId       the Keycloak subject of the manager created with the registration; {@code null} for an
 *                            organization entered without users (the demo catalogue's enterprises). Later changes
 *                            come as {@link OrganizationManagerChanged}
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
        String address,
        String vatRegistrationCode,
        String managerUserId,
        String status,
        Instant registeredAt) implements OrganizationEvent {

    /**
     * An announcement without the legal address, VAT code and manager, for publishers standing in
     * for catalog that do not know them (test helpers written before these fields).
     */
    public OrganizationRegistered(UUID organizationId, String kind, String legalName, String stir, String regionCode,
                                  String districtCode, String zoneType, String zoneName, List<String> sectors,
                                  List<String> serviceCategories, String contactPhone, String contactEmail, String status,
                                  Instant registeredAt) {
        this(organizationId, kind, legalName, stir, regionCode, districtCode, zoneType, zoneName, sectors, serviceCategories,
                contactPhone, contactEmail, null, null, null, status, registeredAt);
    }

    @Override
    public String aggregateId() {
        return organizationId.toString();
    }
}
