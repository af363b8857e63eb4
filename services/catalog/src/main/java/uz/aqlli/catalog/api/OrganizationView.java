package uz.aqlli.catalog.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import uz.aqlli.catalog.Organization;
import uz.aqlli.catalog.OrganizationProfile;
import uz.aqlli.catalog.RatingFigures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An organization as the API shows it; the status reason only to its members and its administration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationView(UUID id, String kind, String legalName, String stir, String regionCode,
                               String districtCode, String zoneType, String zoneName, List<String> sectors,
                               List<String> serviceCategories, String contactPhone, String contactEmail,
                               String address, String vatRegistrationCode, String status, String statusReason,
                               Instant statusChangedAt, Instant registeredAt, RatingsView ratings) {

    static OrganizationView of(Organization organization, boolean privateDetails) {
        return of(organization, privateDetails, null);
    }

    /** With the published ratings' figures, as the organization's page shows them. */
    static OrganizationView of(Organization organization, boolean privateDetails, RatingFigures figures) {
        return new OrganizationView(organization.id(), organization.kind().name(), organization.legalName(),
                organization.stir(), organization.regionCode(), organization.districtCode(), organization.zoneType().name(),
                organization.zoneName(), organization.sectors(), organization.serviceCategories(),
                organization.contactPhone(), organization.contactEmail(), organization.address(),
                organization.vatRegistrationCode(), organization.status().name(),
                privateDetails ? organization.statusReason() : null, organization.statusChangedAt(), organization.registeredAt(),
                figures == null ? null : RatingsView.of(figures));
    }

    /**
     * What others said of the organization after finished deals: each score's average (1–5, two
     * decimals) and how many ratings it is over; only ratings orders has published.
     */
    public record RatingsView(Score quality, Score timeliness, Score communication) {

        static RatingsView of(RatingFigures figures) {
            return new RatingsView(new Score(figures.qualityAverage(), figures.ratings()),
                    new Score(figures.timelinessAverage(), figures.ratings()),
                    new Score(figures.communicationAverage(), figures.ratings()));
        }
    }

    public record Score(java.math.BigDecimal average, int count) {
    }

    /** What a registration sent, as the directory stores it, with the organization's id; nothing of its standing. */
    static OrganizationView sent(UUID id, OrganizationProfile profile) {
        return new OrganizationView(id, profile.kind().name(), profile.legalName().strip(), profile.stir(), profile.regionCode(),
                profile.districtCode(), profile.zoneType().name(), profile.zoneType().named() ? profile.zoneName().strip() : null,
                profile.sectors().stream().map(Enum::name).sorted().toList(),
                profile.serviceCategories().stream().map(Enum::name).sorted().toList(), profile.contactPhone(),
                profile.contactEmail().toLowerCase(java.util.Locale.ROOT), profile.address().strip(),
                profile.vatRegistrationCode(), null, null, null, null, null);
    }
}
