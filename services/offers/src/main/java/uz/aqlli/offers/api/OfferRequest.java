package uz.aqlli.offers.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uz.aqlli.offers.OfferTerms;
import uz.aqlli.offers.PricingModel;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.runtime.api.Localized;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An offer as the provider writes it. Status, owner and times are the platform's to set and have
 * no field here; unknown fields are ignored, never stored.
 *
 * @param ikpuCode      the service's 17-digit IKPU (MXIK) code, optional
 * @param priceUzs      so'm, at most two decimals; sent as a JSON number or string, never rounded
 * @param regionsServed SOATO codes of the regions the provider serves, e.g. {@code ["1726", "1727"]}
 */
public record OfferRequest(
        @NotNull ServiceCategory category,
        @NotNull @Localized(maxLength = 200) Map<String, String> title,
        @NotNull @Localized(maxLength = 5000) Map<String, String> description,
        @Pattern(regexp = "\\d{17}", message = "must be the 17-digit IKPU (MXIK) code") String ikpuCode,
        @NotNull PricingModel pricingModel,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @Digits(integer = 16, fraction = 2, message = "must be so'm with at most 2 decimals") BigDecimal priceUzs,
        @NotNull @Min(1) @Max(730) Integer deliveryDays,
        @NotEmpty @Size(max = 14) List<@NotNull @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code") String> regionsServed) {

    OfferTerms terms() {
        return new OfferTerms(category, title, description, ikpuCode, pricingModel, priceUzs, deliveryDays, regionsServed);
    }
}
