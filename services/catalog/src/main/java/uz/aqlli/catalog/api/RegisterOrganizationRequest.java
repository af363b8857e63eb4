package uz.aqlli.catalog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uz.aqlli.catalog.OrganizationKind;

/**
 * What a client may say about a new organization. Status, id and verification are the
 * platform's to set and have no field here, so a client cannot set them.
 */
public record RegisterOrganizationRequest(
        @NotNull OrganizationKind kind,
        @NotBlank @Size(max = 300) String legalName,
        @NotNull @Pattern(regexp = "\\d{9}", message = "must be exactly 9 digits") String stir,
        @NotNull @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code, e.g. 1703") String regionCode,
        @Pattern(regexp = "\\d{7}", message = "must be a 7-digit SOATO district code") String districtCode) {
}
