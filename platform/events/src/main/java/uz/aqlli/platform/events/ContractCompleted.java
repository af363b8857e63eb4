package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

/** Every milestone met (or partly met) and paid in full of what was accepted: what was awarded, accepted and paid. */
public record ContractCompleted(
        ContractFacts contract,
        BigDecimal awardedUzs,
        BigDecimal valueInForceUzs,
        BigDecimal acceptedUzs,
        BigDecimal paidUzs,
        Instant completedAt) implements ContractEvent {
}
