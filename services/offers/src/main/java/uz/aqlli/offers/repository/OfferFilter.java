package uz.aqlli.offers.repository;

import uz.aqlli.offers.OfferStatus;
import uz.aqlli.offers.PricingModel;
import uz.aqlli.platform.events.ServiceCategory;

import java.math.BigDecimal;
import java.util.UUID;

/** What a list of offers is narrowed to; {@code null} means "any". */
public record OfferFilter(
        OfferStatus status,
        UUID providerId,
        ServiceCategory category,
        PricingModel pricingModel,
        String regionCode,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        Sort sort) {

    public enum Sort {
        NEWEST,
        PRICE_ASC,
        PRICE_DESC
    }
}
