package uz.aqlli.platform.events;

import java.time.Instant;

/**
 * A manager of one party refused to sign: the contract is {@code CANCELLED}, with the reason.
 *
 * @param side {@code BUYER} or {@code SUPPLIER}
 */
public record ContractSigningRefused(
        ContractFacts contract,
        String side,
        String reason,
        Instant refusedAt) implements ContractEvent {
}
