package uz.aqlli.catalog.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uz.aqlli.catalog.PriceTier;
import uz.aqlli.catalog.ProductTerms;
import uz.aqlli.catalog.UnitOfMeasure;
import uz.aqlli.platform.events.Sector;
import uz.aqlli.platform.runtime.api.Localized;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A product as the enterprise writes it. Owner, status, region and times are the platform's to
 * set; unknown fields are ignored, never stored. Amounts are exact decimals (so'm with up to 2
 * decimals, quantities with up to 3).
 */
public record ProductForm(
        @NotNull @Localized(maxLength = 200) Map<String, String> name,
        @NotNull @Localized(maxLength = 5000) Map<String, String> description,
        @NotNull Sector sector,
        @Pattern(regexp = "\\d{6}(\\d{2}(\\d{2})?)?", message = "must be an HS code of 6, 8 or 10 digits") String hsCode,
        @Pattern(regexp = "\\d{17}", message = "must be the 17-digit IKPU (MXIK) code") String ikpuCode,
        @NotNull UnitOfMeasure unit,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @Digits(integer = 16, fraction = 2, message = "must be so'm with at most 2 decimals") BigDecimal priceUzs,
        @Size(max = 10) List<@Valid @NotNull Tier> priceTiers,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @Digits(integer = 13, fraction = 3) BigDecimal minOrderQuantity,
        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @Digits(integer = 13, fraction = 3) BigDecimal monthlyCapacity,
        @NotNull @Min(0) @Max(365) Integer leadTimeDays,
        @NotNull Boolean exportReady,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> certifications) {

    /** From {@code minQuantity} units on, each costs {@code priceUzs}. */
    public record Tier(
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
            @Digits(integer = 13, fraction = 3) BigDecimal minQuantity,
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
            @Digits(integer = 16, fraction = 2, message = "must be so'm with at most 2 decimals") BigDecimal priceUzs) {
    }

    ProductTerms terms() {
        List<PriceTier> tiers = priceTiers == null ? List.of()
                : priceTiers.stream().map(tier -> new PriceTier(tier.minQuantity(), tier.priceUzs())).toList();
        return new ProductTerms(name, description, sector, hsCode, ikpuCode, unit, priceUzs, tiers, minOrderQuantity, monthlyCapacity,
                leadTimeDays, exportReady, certifications == null ? List.of() : certifications.stream().map(String::strip).toList());
    }
}
