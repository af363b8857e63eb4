package uz.aqlli.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.catalog.OrganizationKind;
import uz.aqlli.catalog.OrganizationProfile;
import uz.aqlli.catalog.repository.RegionRepository;
import uz.aqlli.platform.runtime.problem.ProblemException;

/** Checks an organization's place and activities against the reference data. */
@ApplicationScoped
public class ReferenceData {

    private final RegionRepository regions;

    ReferenceData(RegionRepository regions) {
        this.regions = regions;
    }

    /** The region is one of the 14; a district's SOATO code starts with its region's. */
    public void checkPlace(String regionCode, String districtCode) {
        if (regions.findByIdOptional(regionCode).isEmpty()) {
            throw ProblemException.invalidField("organization.regionCode", "is not the SOATO code of one of the 14 regions");
        }
        if (districtCode != null && !districtCode.startsWith(regionCode)) {
            throw ProblemException.invalidField("organization.districtCode", "does not lie in region " + regionCode);
        }
    }

    /** Enterprises name their sectors, providers their service categories; a named zone has a name. */
    public void checkActivities(OrganizationProfile profile) {
        if (profile.kind() == OrganizationKind.ENTERPRISE) {
            if (profile.sectors().isEmpty()) {
                throw ProblemException.invalidField("organization.sectors", "an enterprise names at least one sector");
            }
            if (!profile.serviceCategories().isEmpty()) {
                throw ProblemException.invalidField("organization.serviceCategories", "only providers sell digital services");
            }
        } else {
            if (profile.serviceCategories().isEmpty()) {
                throw ProblemException.invalidField("organization.serviceCategories",
                        "a provider names at least one digital-service category");
            }
            if (!profile.sectors().isEmpty()) {
                throw ProblemException.invalidField("organization.sectors", "sectors are for enterprises");
            }
        }
        boolean hasName = profile.zoneName() != null && !profile.zoneName().isBlank();
        if (profile.zoneType().named() && !hasName) {
            throw ProblemException.invalidField("organization.zoneName", "names the " + profile.zoneType() + " the organization sits in");
        }
        if (!profile.zoneType().named() && hasName) {
            throw ProblemException.invalidField("organization.zoneName", "is only given with a zone type other than NONE");
        }
    }
}
