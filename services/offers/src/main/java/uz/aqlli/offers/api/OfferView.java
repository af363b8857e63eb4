package uz.aqlli.offers.api;

import uz.aqlli.offers.Offer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An offer as the API shows it; {@code version} is also the {@code ETag}. */
public record OfferView(UUID id, UUID providerId, String status, String category, Map<String, String> title,
                        Map<String, String> description, String ikpuCode, String pricingModel, BigDecimal priceUzs, int deliveryDays,
                        List<String> regionsServed, long version, Instant createdAt, Instant updatedAt,
                        Instant publishedAt, Instant withdrawnAt) {

    static OfferView of(Offer offer) {
        return new OfferView(offer.id(), offer.providerId(), offer.status().name(), offer.category().name(), offer.title(),
                offer.description(), offer.ikpuCode(), offer.pricingModel().name(), offer.priceUzs(), offer.deliveryDays(),
                offer.regionsServed(), offer.version(), offer.createdAt(), offer.updatedAt(), offer.publishedAt(),
                offer.withdrawnAt());
    }
}
