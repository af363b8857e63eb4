package uz.aqlli.catalog.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uz.aqlli.catalog.OrganizationKind;
import uz.aqlli.catalog.OrganizationProfile;
import uz.aqlli.catalog.Person;
import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.events.ZoneType;

import java.util.Set;

/**
 * A self-registration: the organization and its first user. Status, ids and verification are the
 * platform's to set and have no field here; unknown fields are ignored, never stored. The manager's
 * password is not part of it: it is chosen when the address is confirmed ({@link ConfirmationRequest}).
 */
public record RegistrationRequest(@Valid @NotNull OrganizationPart organization, @Valid @NotNull Manager user) {

    /** The organization's first user; the e-mail is the login name. */
    public record Manager(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            // Refused rather than ignored: a client that sends one must not believe it was set.
            @Null(message = "is chosen when the address is confirmed, with the code from the mail") String password) {

        Person person() {
            return new Person(firstName, lastName, email, null);
        }
    }

    public record OrganizationPart(
            @NotNull OrganizationKind kind,
            @NotBlank @Size(max = 300) String legalName,
            @NotNull @Pattern(regexp = "\\d{9}", message = "must be exactly 9 digits") String stir,
            @NotNull @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code, e.g. 1703") String regionCode,
            @NotNull @Pattern(regexp = "\\d{7}", message = "must be a 7-digit SOATO district code") String districtCode,
            @NotNull ZoneType zoneType,
            @Size(max = 200) String zoneName,
            @Size(max = 10) Set<@NotNull Sector> sectors,
            @Size(max = 11) Set<@NotNull ServiceCategory> serviceCategories,
            @NotNull @Pattern(regexp = "\\+998\\d{9}", message = "must be an Uzbek number, +998 and 9 digits") String contactPhone,
            @NotBlank @Email @Size(max = 254) String contactEmail,
            @NotBlank @Size(max = 300) @Pattern(regexp = "[^\\r\\n\\u2028\\u2029]*", message = "must be one line") String address,
            @Pattern(regexp = "\\d{12}", message = "must be the 12-digit VAT registration code") String vatRegistrationCode) {

        OrganizationProfile profile() {
            return new OrganizationProfile(kind, legalName, stir, regionCode, districtCode, zoneType, zoneName,
                    sectors == null ? Set.of() : sectors, serviceCategories == null ? Set.of() : serviceCategories,
                    contactPhone, contactEmail, address, vatRegistrationCode);
        }
    }
}
