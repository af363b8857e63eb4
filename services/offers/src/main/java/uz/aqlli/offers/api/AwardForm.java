package uz.aqlli.offers.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;
import java.util.UUID;

/**
 * The buyer's award.
 *
 * @param reason        required when the bid is not the lowest price (or the best weighted score)
 * @param qualityScores under {@code PRICE_AND_QUALITY}: the buyer's quality score, 0–100, for every active bid
 */
public record AwardForm(
        @NotNull UUID bidId,
        @Size(max = 4000) String reason,
        Map<UUID, @NotNull @Min(0) @Max(100) Integer> qualityScores) {
}
