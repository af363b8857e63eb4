package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An enterprise listed a product publicly. It carries everything {@code orders} needs to price an
 * order without calling {@code catalog}: unit, price, quantity tiers and minimum order.
 *
 * @param ikpuCode   the 17-digit IKPU (MXIK) code of the national goods and services catalogue that an e-invoice
 *                   line needs; {@code null} when the enterprise has not given it
 * @param priceTiers {@code [{minQuantity, priceUzs}]}, rising quantities; empty when the price is flat
 */
public record ProductPublished(
        UUID productId,
        UUID enterpriseId,
        Map<String, String> name,
        String sector,
        String hsCode,
        String ikpuCode,
        String unit,
        BigDecimal priceUzs,
        List<Tier> priceTiers,
        BigDecimal minOrderQuantity,
        int leadTimeDays,
        boolean exportReady,
        String regionCode,
        Instant publishedAt) implements IntegrationEvent {

    /** From {@code minQuantity} units on, each costs {@code priceUzs}. */
    public record Tier(BigDecimal minQuantity, BigDecimal priceUzs) {
    }

    @Override
    public String aggregateId() {
        return productId.toString();
    }
}
