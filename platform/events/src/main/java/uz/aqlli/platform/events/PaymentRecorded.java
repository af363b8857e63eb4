package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The buyer recorded a payment against a milestone (the platform records payments, it moves no
 * money).
 *
 * @param milestonePaidUzs what the milestone has been paid in all, this payment included
 * @param paidUzs          what the contract has been paid in all
 */
public record PaymentRecorded(
        ContractFacts contract,
        MilestoneFacts milestone,
        BigDecimal amountUzs,
        LocalDate paidOn,
        BigDecimal milestonePaidUzs,
        BigDecimal paidUzs,
        Instant recordedAt) implements ContractEvent {
}
