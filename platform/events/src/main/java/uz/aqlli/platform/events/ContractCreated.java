package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tender's award became a contract, awaiting its milestone plan and both signatures.
 *
 * @param title        the request's title by language
 * @param regions      the SOATO regions the request is for
 * @param durationDays the winning bid's duration
 */
public record ContractCreated(
        ContractFacts contract,
        Map<String, String> title,
        List<String> regions,
        int durationDays,
        Instant awardedAt,
        Instant createdAt) implements ContractEvent {
}
