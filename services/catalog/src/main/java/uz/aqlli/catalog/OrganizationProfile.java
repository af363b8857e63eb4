package uz.aqlli.catalog;

import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.events.ZoneType;

import java.util.Set;

/**
 * What an organization says about itself when it registers (validated by the API layer).
 *
 * @param address             the legal address, one line, as an e-invoice names the party
 * @param vatRegistrationCode the 12-digit code of a VAT payer; {@code null} when the organization does not charge VAT
 */
public record OrganizationProfile(
        OrganizationKind kind,
        String legalName,
        String stir,
        String regionCode,
        String districtCode,
        ZoneType zoneType,
        String zoneName,
        Set<Sector> sectors,
        Set<ServiceCategory> serviceCategories,
        String contactPhone,
        String contactEmail,
        String address,
        String vatRegistrationCode) {
}
