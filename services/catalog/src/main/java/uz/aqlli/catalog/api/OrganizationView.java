package uz.aqlli.catalog.api;

import uz.aqlli.catalog.Organization;

import java.time.Instant;
import java.util.UUID;

/** An organization as the API shows it. */
public record OrganizationView(UUID id, String kind, String legalName, String stir, String regionCode,
                               String districtCode, String status, Instant registeredAt) {

    static OrganizationView of(Organization organization) {
        return new OrganizationView(organization.id(), organization.kind().name(), organization.legalName(),
                organization.stir(), organization.regionCode(), organization.districtCode(),
                organization.status().name(), organization.registeredAt());
    }
}
