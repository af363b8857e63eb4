package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A published offer changed; it carries the whole new state, so a consumer needs no earlier event. */
public record OfferUpdated(
        UUID offerId,
        UUID providerId,
        String category,
        Map<String, String> title,
        String ikpuCode,
        String pricingModel,
        BigDecimal priceUzs,
        int deliveryDays,
        List<String> regionsServed,
        Instant updatedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}
