package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What every contract event says of the contract after the change: the tender it continues, both
 * parties and where they sit, the service category and the value at award, so that the data lake
 * counts contracts without joining anything.
 *
 * @param status   {@code PENDING}, {@code ACTIVE}, {@code CANCELLED}, {@code COMPLETED} or {@code TERMINATED}
 * @param valueUzs the awarded price in so'm, exact (the value at signing; amendments carry the value in force)
 */
public record ContractFacts(
        UUID contractId,
        UUID requestId,
        UUID bidId,
        String status,
        OrderParty buyer,
        OrderParty supplier,
        String category,
        BigDecimal valueUzs,
        String currency) {
}
