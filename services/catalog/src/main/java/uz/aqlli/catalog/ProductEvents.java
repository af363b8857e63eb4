package uz.aqlli.catalog;

import uz.aqlli.platform.events.ProductPublished;
import uz.aqlli.platform.events.ProductUpdated;
import uz.aqlli.platform.events.ProductWithdrawn;

import java.util.List;

/**
 * A product's events, built from the product as it stands after the change, in one place: the
 * catalogue and the demo data publish a product the same way.
 */
public final class ProductEvents {

    private ProductEvents() {
    }

    public static ProductPublished published(Product product) {
        return new ProductPublished(product.id(), product.enterpriseId(), product.name(), product.sector().name(),
                product.hsCode(), product.ikpuCode(), product.unit().name(), product.priceUzs(), tiers(product), product.minOrderQuantity(),
                product.leadTimeDays(), product.exportReady(), product.regionCode(), product.publishedAt());
    }

    /** After the flush, so the event carries the version the change made. */
    public static ProductUpdated updated(Product product) {
        return new ProductUpdated(product.id(), product.enterpriseId(), product.name(), product.sector().name(),
                product.hsCode(), product.ikpuCode(), product.unit().name(), product.priceUzs(), tiers(product), product.minOrderQuantity(),
                product.leadTimeDays(), product.exportReady(), product.regionCode(), product.version(), product.updatedAt());
    }

    public static ProductWithdrawn withdrawn(Product product) {
        return new ProductWithdrawn(product.id(), product.enterpriseId(), product.withdrawnAt());
    }

    private static List<ProductPublished.Tier> tiers(Product product) {
        return product.priceTiers().stream().map(tier -> new ProductPublished.Tier(tier.minQuantity(), tier.priceUzs())).toList();
    }
}
