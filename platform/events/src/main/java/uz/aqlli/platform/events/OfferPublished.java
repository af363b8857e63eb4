package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A provider's packaged digital service went on the public board; also sent, as
 * {@link OfferUpdated}, when a published offer changes.
 *
 * @param title        the title by language tag ({@code uz-Latn}, {@code uz-Cyrl}, {@code ru}, {@code en})
 * @param ikpuCode     the 17-digit IKPU (MXIK) code of the service, for the lines of an e-invoice; {@code null}
 *                     when the provider has not given it
 * @param pricingModel {@code FIXED}, {@code FROM_PRICE}, {@code HOURLY} or {@code MONTHLY_SUBSCRIPTION}
 * @param priceUzs     exact amount in so'm, with the pricing model's meaning
 * @param regionsServed SOATO region codes
 */
public record OfferPublished(
        UUID offerId,
        UUID providerId,
        String category,
        Map<String, String> title,
        String ikpuCode,
        String pricingModel,
        BigDecimal priceUzs,
        int deliveryDays,
        List<String> regionsServed,
        Instant publishedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return offerId.toString();
    }
}
