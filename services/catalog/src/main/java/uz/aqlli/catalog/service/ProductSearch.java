package uz.aqlli.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import uz.aqlli.catalog.Product;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        Session session = entityManager.unwrap(Session.class);
        // A search changes nothing: no flush at commit, no snapshots of what it reads.
        session.setHibernateFlushMode(FlushMode.MANUAL);
        ProductFinder.Found found = session.doReturningWork(connection -> finder.find(connection, filter, sort, page, size));
        // By id, in the finder's order: one cached statement (a query with "in :ids" is translated
        // anew for every list, which cost more than the search's own SQL).
        List<Product> items = found.ids().isEmpty() ? List.of()
                : session.byMultipleIds(Product.class).withReadOnly(true).multiLoad(found.ids()).stream()
                        .filter(Objects::nonNull)
                        .toList();
        return new Result(items, found.total(), found.exact(), found.facets());
    }
}
