package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The buyer accepted a milestone whole ({@code MET}) or in part ({@code PARTIALLY_MET}), or the
 * acceptance window ended unanswered ({@code automatic}, {@code metAt} the window's end); a payment
 * milestone is met when its payment is recorded in full.
 *
 * @param status {@code MET} or {@code PARTIALLY_MET}
 */
public record MilestoneAccepted(
        ContractFacts contract,
        MilestoneFacts milestone,
        String status,
        BigDecimal acceptedAmountUzs,
        boolean automatic,
        Instant metAt) implements ContractEvent {
}
