package uz.aqlli.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import uz.aqlli.catalog.Product;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public product search: {@link ProductFinder} picks the page's products and counts the facets
 * in the database, over this transaction's connection; the page's products are then read as
 * entities, in the finder's order.
 */
@ApplicationScoped
public class ProductSearch {

    private final EntityManager entityManager;
    private final ProductFinder finder = new ProductFinder();

    ProductSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One page of products; {@code exact} false when total and facet counts are estimates. */
    public record Result(List<Product> items, long total, boolean exact, Map<String, List<ProductFinder.Facet>> facets) {
    }

    @Transactional
    public Result search(ProductFinder.Filter filter, ProductFinder.Sort sort, int page, int size) {
        ProductFinder.Found found = entityManager.unwrap(Session.class)
                .doReturningWork(connection -> finder.find(connection, filter, sort, page, size));
        List<Product> items = found.ids().isEmpty() ? List.of()
                : entityManager.createQuery("from Product p where p.id in :ids", Product.class)
                        .setParameter("ids", found.ids())
                        // Nothing here changes them: no snapshots to keep, nothing to check at commit.
                        .setHint(HibernateHints.HINT_READ_ONLY, true)
                        .getResultList().stream()
                        .sorted(Comparator.comparingInt((Product product) -> found.ids().indexOf(product.id())))
                        .toList();
        return new Result(items, found.total(), found.exact(), found.facets());
    }
}
