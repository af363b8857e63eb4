package uz.aqlli.offers;

import uz.aqlli.platform.events.ServiceCategory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a provider states about an offer: everything but who owns it and where it is in its lifecycle.
 *
 * @param ikpuCode the 17-digit IKPU (MXIK) code of the service, for e-invoices; {@code null} when not given
 */
public record OfferTerms(
        ServiceCategory category,
        Map<String, String> title,
        Map<String, String> description,
        String ikpuCode,
        PricingModel pricingModel,
        BigDecimal priceUzs,
        int deliveryDays,
        List<String> regionsServed) {
}
