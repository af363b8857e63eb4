package uz.aqlli.catalog;

import uz.aqlli.platform.events.Sector;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What an enterprise states about a product: everything but who makes it and where it is in its lifecycle.
 *
 * @param ikpuCode the 17-digit IKPU (MXIK) code of the national catalogue, for e-invoices; {@code null} when not given
 */
public record ProductTerms(
        Map<String, String> name,
        Map<String, String> description,
        Sector sector,
        String hsCode,
        String ikpuCode,
        UnitOfMeasure unit,
        BigDecimal priceUzs,
        List<PriceTier> priceTiers,
        BigDecimal minOrderQuantity,
        BigDecimal monthlyCapacity,
        int leadTimeDays,
        boolean exportReady,
        List<String> certifications) {
}
