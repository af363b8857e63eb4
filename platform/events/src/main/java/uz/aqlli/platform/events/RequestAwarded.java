package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The buyer awarded a bid: enough for {@code orders} to draw up the contract and for the data lake
 * to look for red flags.
 *
 * @param lowestPrice whether the winning bid had the lowest price of the active bids
 * @param reason      the buyer's written reason; required when not the lowest price under {@code LOWEST_PRICE}
 * @param bidCount    how many active bids took part
 * @param category    the request's service category, as published
 * @param title       the request's title by language, as published
 * @param regions     the SOATO regions the request is for, as published
 */
public record RequestAwarded(
        UUID requestId,
        UUID buyerId,
        String category,
        Map<String, String> title,
        List<String> regions,
        UUID bidId,
        UUID providerId,
        BigDecimal priceUzs,
        int durationDays,
        String criterion,
        boolean lowestPrice,
        int bidCount,
        String reason,
        Instant awardedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
