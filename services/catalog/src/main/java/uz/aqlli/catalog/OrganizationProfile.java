package uz.aqlli.catalog;

import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.events.ZoneType;

import java.util.Set;

/** What an organization says about itself when it registers (validated by the API layer). */
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
        String contactEmail) {
}
