package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The buyer awarded a bid: enough for {@code orders} to draw up the contract and for the data lake
 * to look for red flags.
 *
 * @param lowestPrice whether the winning bid had the lowest price of the active bids
 * @param reason      the buyer's written reason; required when not the lowest price under {@code LOWEST_PRICE}
 * @param bidCount    how many active bids took part
 */
public record RequestAwarded(
        UUID requestId,
        UUID buyerId,
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
