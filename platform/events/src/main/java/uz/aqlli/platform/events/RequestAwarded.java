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
 * @param budgetUzs   the buyer's budget, public or private; {@code null} when the request had none. A private
 *                    budget is first told here: the award ends its secrecy (red flags and open data compare the
 *                    winning bid with it), and no earlier event carries it
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
        BigDecimal budgetUzs,
        Instant awardedAt) implements IntegrationEvent {

    /** An award without the budget, for publishers standing in for offers written before it travelled here. */
    public RequestAwarded(UUID requestId, UUID buyerId, String category, Map<String, String> title, List<String> regions,
                          UUID bidId, UUID providerId, BigDecimal priceUzs, int durationDays, String criterion,
                          boolean lowestPrice, int bidCount, String reason, Instant awardedAt) {
        this(requestId, buyerId, category, title, regions, bidId, providerId, priceUzs, durationDays, criterion, lowestPrice,
                bidCount, reason, null, awardedAt);
    }

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
