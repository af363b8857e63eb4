package uz.aqlli.catalog.api;

import uz.aqlli.catalog.service.ProductFinder;

import java.util.List;
import java.util.Map;

/**
 * One page of search results, how many match in all, and the facets: for each of {@code region},
 * {@code zoneType}, {@code cluster}, {@code sector}, {@code exportReady} and {@code price} (bands
 * in so'm, {@code from-to} with {@code to} exclusive), each value's count within the filtered result.
 * {@code exact} is false when a search matches so much of the catalogue (thousands of products)
 * that {@code total} and the counts are estimated from a 1 % sample, in hundreds.
 */
public record SearchView(List<ProductView> items, int page, int size, long total, boolean exact,
                         Map<String, List<ProductFinder.Facet>> facets) {
}
