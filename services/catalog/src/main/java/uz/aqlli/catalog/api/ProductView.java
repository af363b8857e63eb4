package uz.aqlli.catalog.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import uz.aqlli.catalog.PriceTier;
import uz.aqlli.catalog.Product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A product as the API shows it; {@code version} is also its {@code ETag}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductView(UUID id, UUID enterpriseId, String status, Map<String, String> name, Map<String, String> description,
                          String sector, String hsCode, String ikpuCode, String unit, BigDecimal priceUzs, List<PriceTier> priceTiers,
                          BigDecimal minOrderQuantity, BigDecimal monthlyCapacity, int leadTimeDays, boolean exportReady,
                          List<String> certifications, String regionCode, String zoneType, String zoneName, long version,
                          Instant createdAt, Instant updatedAt, Instant publishedAt, Instant withdrawnAt) {

    static ProductView of(Product product) {
        return new ProductView(product.id(), product.enterpriseId(), product.status().name(), product.name(),
                product.description(), product.sector().name(), product.hsCode(), product.ikpuCode(), product.unit().name(), product.priceUzs(),
                product.priceTiers(), product.minOrderQuantity(), product.monthlyCapacity(), product.leadTimeDays(),
                product.exportReady(), product.certifications(), product.regionCode(), product.zoneType().name(),
                product.zoneName(), product.version(), product.createdAt(), product.updatedAt(), product.publishedAt(),
                product.withdrawnAt());
    }
}
