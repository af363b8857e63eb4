package uz.aqlli.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.util.List;
import java.util.Map;

/**
 * The public product search: {@link ProductFinder} picks and reads the page's products and counts
 * the facets in the database, over this transaction's connection. No entities: the page statement
 * reads what the listing shows, so the search is the finder's SQL and nothing more (the benchmark
 * measures exactly that SQL against the HTTP path).
 */
@ApplicationScoped
public class ProductSearch {

    private final EntityManager entityManager;
    private final ProductFinder finder = new ProductFinder();

    ProductSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One page of products; {@code exact} false when total and facet counts are estimates. */
    public record Result(List<ProductFinder.Listed> items, long total, boolean exact, Map<String, List<ProductFinder.Facet>> facets) {
    }

    @Transactional
    public Result search(ProductFinder.Filter filter, ProductFinder.Sort sort, int page, int size) {
        ProductFinder.Found found = entityManager.unwrap(Session.class)
                .doReturningWork(connection -> finder.find(connection, filter, sort, page, size));
        return new Result(found.items(), found.total(), found.exact(), found.facets());
    }
}
