package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The contract ended early: by agreement ({@code side} proposed it, the other accepted) or by one
 * party ({@code side}) with a reason. {@code paidUzs} is what was paid so far, as recorded.
 *
 * @param kind {@code BY_AGREEMENT} or {@code BY_ONE_PARTY}
 */
public record ContractTerminated(
        ContractFacts contract,
        String kind,
        String side,
        String reason,
        BigDecimal awardedUzs,
        BigDecimal valueInForceUzs,
        BigDecimal acceptedUzs,
        BigDecimal paidUzs,
        Instant terminatedAt) implements ContractEvent {
}
