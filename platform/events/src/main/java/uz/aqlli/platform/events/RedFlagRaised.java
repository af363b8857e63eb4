package uz.aqlli.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * integrity found a red flag: the event that completed its evidence has arrived. Raised only once
 * every value it compares is public on the platform (a bid price after the award, a private budget
 * with the award), so nothing sealed is ever on this event.
 *
 * @param requestId       the service request it concerns; {@code null} for a flag about a contract alone
 * @param contractId      the contract it concerns; {@code null} for a flag about a tender
 * @param buyerId         the buyer whose deal it is
 * @param organizationIds every organization it concerns (the buyer first, then the providers)
 * @param evidenceEventIds the CloudEvents ids of the events the flag was found in
 * @param values          the values compared, by name (amounts in so'm as plain decimals, days, ratios, fences)
 */
public record RedFlagRaised(
        UUID flagId,
        String code,
        String name,
        String regionCode,
        UUID requestId,
        UUID contractId,
        UUID buyerId,
        List<UUID> organizationIds,
        List<String> evidenceEventIds,
        Map<String, String> values,
        Instant raisedAt) implements RedFlagEvent {
}
