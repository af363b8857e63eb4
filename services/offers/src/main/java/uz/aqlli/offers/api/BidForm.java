package uz.aqlli.offers.api;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import uz.aqlli.offers.BidTerms;

import java.math.BigDecimal;

/** A sealed bid as the provider writes it: price in so'm, duration in days, and the proposal. */
public record BidForm(
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @Digits(integer = 16, fraction = 2, message = "must be so'm with at most 2 decimals") BigDecimal priceUzs,
        @NotNull @Min(1) @Max(1095) Integer durationDays,
        @NotBlank @Size(max = 20000) String proposal) {

    BidTerms terms() {
        return new BidTerms(priceUzs, durationDays, proposal.strip());
    }
}
