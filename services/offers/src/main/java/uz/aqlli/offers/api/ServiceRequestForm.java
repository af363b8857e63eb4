package uz.aqlli.offers.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uz.aqlli.offers.AwardCriterion;
import uz.aqlli.offers.RequestTerms;
import uz.aqlli.platform.events.ServiceCategory;
import uz.aqlli.platform.runtime.api.Localized;
import uz.aqlli.platform.runtime.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A service request as the buyer writes it. The buyer, status and times are the platform's to set.
 *
 * @param budgetPublic  whether providers see the budget; a private one is shown to the buyer only
 * @param deadline      when bids close; at least the server's minimum tender period away
 * @param priceWeight   under {@code PRICE_AND_QUALITY}: percent of the score given to price (with
 *                      {@code qualityWeight} adding up to 100); ignored under {@code LOWEST_PRICE}
 */
public record ServiceRequestForm(
        @NotNull ServiceCategory category,
        @NotNull @Localized(maxLength = 200) Map<String, String> title,
        @NotNull @Localized(maxLength = 10000) Map<String, String> description,
        @NotEmpty @Size(max = 14) List<@NotNull @Pattern(regexp = "\\d{4}", message = "must be a 4-digit SOATO region code") String> regions,
        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @Digits(integer = 16, fraction = 2, message = "must be so'm with at most 2 decimals") BigDecimal budgetUzs,
        Boolean budgetPublic,
        @NotNull Instant deadline,
        @NotNull AwardCriterion criterion,
        @Min(1) @Max(99) Integer priceWeight,
        @Min(1) @Max(99) Integer qualityWeight) {

    RequestTerms terms() {
        int price = 100;
        int quality = 0;
        if (criterion == AwardCriterion.PRICE_AND_QUALITY) {
            if (priceWeight == null || qualityWeight == null || priceWeight + qualityWeight != 100) {
                throw ProblemException.invalidField("priceWeight",
                        "with qualityWeight must be given and add up to 100 under PRICE_AND_QUALITY");
            }
            price = priceWeight;
            quality = qualityWeight;
        }
        return new RequestTerms(category, title, description, regions, budgetUzs, Boolean.TRUE.equals(budgetPublic), deadline,
                criterion, price, quality);
    }
}
