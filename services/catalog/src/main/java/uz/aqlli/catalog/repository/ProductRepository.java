package uz.aqlli.catalog.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.catalog.Product;
import uz.aqlli.catalog.ProductStatus;

import java.util.UUID;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, UUID> {

    /** An enterprise's products, newest change first; {@code status} null for all. */
    public PanacheQuery<Product> ofEnterprise(UUID enterpriseId, ProductStatus status) {
        return status == null
                ? find("enterpriseId = ?1 order by updatedAt desc, id", enterpriseId)
                : find("enterpriseId = ?1 and status = ?2 order by updatedAt desc, id", enterpriseId, status);
    }

    /**
     * Takes the enterprise's published products off the public list while it is suspended. Every
     * search index covers published products only, so the search pays nothing for this.
     */
    public int suspendListedOf(UUID enterpriseId) {
        return moveAll(enterpriseId, ProductStatus.PUBLISHED, ProductStatus.SUSPENDED);
    }

    /** Lists again what {@link #suspendListedOf} took off, where it was (its publication time is kept). */
    public int relistSuspendedOf(UUID enterpriseId) {
        return moveAll(enterpriseId, ProductStatus.SUSPENDED, ProductStatus.PUBLISHED);
    }

    private int moveAll(UUID enterpriseId, ProductStatus from, ProductStatus to) {
        // The version moves too: an edit prepared before the change is stale after it (If-Match).
        return update("status = ?1, version = version + 1 where enterpriseId = ?2 and status = ?3", to, enterpriseId, from);
    }
}
