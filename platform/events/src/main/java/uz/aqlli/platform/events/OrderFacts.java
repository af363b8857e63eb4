package uz.aqlli.platform.events;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What every order event says about the order as it stands after the change, so that the data lake
 * can count any one of them without the others.
 *
 * @param orderNumber     the number buyer, seller and the e-invoice use, e.g. {@code AE-2026-000042}
 * @param kind            {@code PRODUCTS} (catalogue products of one enterprise) or {@code SERVICE} (a provider's offer)
 * @param status          the order's status after the change
 * @param sector          the {@link Sector} of the order's largest line (each line of {@link OrderPlaced} has its own); {@code null} for a service
 * @param serviceCategory the {@link ServiceCategory} of the offer; {@code null} for products
 * @param pricingModel    the offer's pricing model; {@code null} for products
 * @param amountUzs       the order's total in so'm, VAT included; {@code null} while a quote is awaited
 * @param currency        ISO 4217 code of every amount: {@code UZS}
 */
public record OrderFacts(
        UUID orderId,
        String orderNumber,
        String kind,
        String status,
        OrderParty buyer,
        OrderParty seller,
        String sector,
        String serviceCategory,
        String pricingModel,
        BigDecimal amountUzs,
        String currency) {
}
