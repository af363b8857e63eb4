package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A published product changed; the whole new state, the new price included, so no earlier event is needed. */
public record ProductUpdated(
        UUID productId,
        UUID enterpriseId,
        Map<String, String> name,
        String sector,
        String hsCode,
        String ikpuCode,
        String unit,
        BigDecimal priceUzs,
        List<ProductPublished.Tier> priceTiers,
        BigDecimal minOrderQuantity,
        int leadTimeDays,
        boolean exportReady,
        String regionCode,
        long version,
        Instant updatedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return productId.toString();
    }
}
