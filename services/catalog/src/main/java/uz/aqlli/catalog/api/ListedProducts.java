package uz.aqlli.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.catalog.PriceTier;
import uz.aqlli.catalog.service.ProductFinder;

import java.util.List;
import java.util.Map;

/** Search results as the API shows them: the finder's rows, their JSON columns read as the entity reads them. */
@ApplicationScoped
class ListedProducts {

    private final ObjectReader texts;
    private final ObjectReader tiers;

    ListedProducts(ObjectMapper json) {
        this.texts = json.readerFor(new TypeReference<Map<String, String>>() { });
        this.tiers = json.readerFor(new TypeReference<List<PriceTier>>() { });
    }

    ProductView view(ProductFinder.Listed row) {
        try {
            return new ProductView(row.id(), row.enterpriseId(), row.status(), texts.readValue(row.nameJson()),
                    texts.readValue(row.descriptionJson()), row.sector(), row.hsCode(), row.ikpuCode(), row.unit(), row.priceUzs(),
                    tiers.readValue(row.priceTiersJson()), row.minOrderQuantity(), row.monthlyCapacity(), row.leadTimeDays(),
                    row.exportReady(), row.certifications(), row.regionCode(), row.zoneType(), row.zoneName(), row.version(),
                    row.createdAt(), row.updatedAt(), row.publishedAt(), row.withdrawnAt());
        } catch (JsonProcessingException e) {
            // The columns are written by the catalog itself from these very types.
            throw new IllegalStateException("product " + row.id() + " has malformed JSON columns", e);
        }
    }
}
