package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An enterprise put a service request out to tender.
 *
 * @param budgetUzs    the budget when the buyer made it public; {@code null} when private or none
 * @param deadline     when bids close, by the server's clock
 * @param criterion    {@code LOWEST_PRICE} or {@code PRICE_AND_QUALITY}
 * @param priceWeight  percent of the score given to price (100 under {@code LOWEST_PRICE})
 * @param qualityWeight percent given to quality
 */
public record RequestPublished(
        UUID requestId,
        UUID buyerId,
        String category,
        Map<String, String> title,
        List<String> regions,
        BigDecimal budgetUzs,
        Instant deadline,
        String criterion,
        int priceWeight,
        int qualityWeight,
        Instant publishedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return requestId.toString();
    }
}
