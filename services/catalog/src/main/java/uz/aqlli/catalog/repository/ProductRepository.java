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
}
