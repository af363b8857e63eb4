package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The other party accepted an amendment: its terms are in force. {@code contract.valueUzs} stays the
 * value at signing; {@code valueInForceUzs} is the value now.
 *
 * @param rationale   an OCDS rationale code: {@code VOLUME_CUTS}, {@code ITEM_PRICE_VARIATION},
 *                    {@code QUALITY_IMPROVEMENT}, {@code DURATION_EXTENSION}, {@code PRICE_REDUCTION},
 *                    {@code TAX_RATE} or {@code THIRD_PARTY}
 * @param proposedBy  {@code BUYER} or {@code SUPPLIER}
 * @param newValueUzs the value it set; {@code null} when it changed only milestones' dates
 */
public record ContractAmended(
        ContractFacts contract,
        int amendmentNumber,
        String rationale,
        String description,
        String proposedBy,
        BigDecimal previousValueUzs,
        BigDecimal newValueUzs,
        BigDecimal valueInForceUzs,
        List<Change> milestones,
        Instant amendedAt) implements ContractEvent {

    /** One milestone's new amount and/or due date ({@code null}: unchanged). */
    public record Change(int number, BigDecimal amountUzs, LocalDate dueDate) {
    }
}
