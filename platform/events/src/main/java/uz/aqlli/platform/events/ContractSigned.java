package uz.aqlli.platform.events;

import java.time.Instant;

/**
 * A manager of one party signed the agreed plan version. The second signature makes the contract
 * {@code ACTIVE}: then {@code dateSigned} is that moment, before it {@code null}.
 *
 * @param side {@code BUYER} or {@code SUPPLIER}
 */
public record ContractSigned(
        ContractFacts contract,
        String side,
        int planVersion,
        Instant signedAt,
        Instant dateSigned) implements ContractEvent {
}
