package uz.aqlli.catalog.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.catalog.api.ProductCatalogueTest.PRODUCTS;
import static uz.aqlli.catalog.api.Registrations.newStir;

/**
 * The search once matches are too many to count exactly: 20,000 products of one enterprise in a
 * technopark of their own, loaded in one statement as a bulk import would. Product {@code g} is
 * published {@code g} seconds ago at {@code g × 1000} so'm; the made-up word "zarxal" is in the name
 * of every fifth product and in the description of every second, so that 12,000 match it: 4,000 by
 * name (tier one) and 8,000 by description only (tier two). Every expected page is worked out from
 * those rules, not from the search.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ProductSearchAtScaleTest {

    static final int PRODUCTS_LOADED = 20_000;

    @Inject
    EntityManager entityManager;

    String technopark;
    UUID enterprise;
    final List<UUID> ids = new ArrayList<>();

    @BeforeEach
    void loadTwentyThousandProducts() {
        technopark = "Sinov texnoparki " + System.nanoTime();
        enterprise = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into organization (id, kind, legal_name, stir, region_code, status, registered_at, zone_type, zone_name,
                        sectors, status_changed_by, status_changed_at)
                    values (?1, 'ENTERPRISE', 'Sinov ko''lami MChJ', ?2, '1726', 'VERIFIED', now(), 'TECHNOPARK', ?3, array['IT'],
                        'test', now())""")
                    .setParameter(1, enterprise).setParameter(2, newStir()).setParameter(3, technopark).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into product (id, enterprise_id, status, name, description, sector, unit, price_uzs, min_order_quantity,
                        lead_time_days, export_ready, region_code, zone_type, zone_name, version, created_at, updated_at, published_at)
                    select gen_random_uuid(), ?1, 'PUBLISHED',
                           jsonb_build_object('uz-Latn', case when g % 5 = 0 then 'Zarxal dastur ' else 'Dastur ' end || g),
                           jsonb_build_object('uz-Latn', case when g % 2 = 0 then 'zarxal bilan ishlaydi' else 'oddiy tavsif' end),
                           'IT', 'PIECE', g * 1000, 1, 5, g % 4 = 0, '1726', 'TECHNOPARK', ?2, 0, now(), now(),
                           timestamp '2026-01-01 00:00:00+00' - g * interval '1 second'
                    from generate_series(1, ?3) g""")
                    .setParameter(1, enterprise).setParameter(2, technopark).setParameter(3, PRODUCTS_LOADED).executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("analyze product").executeUpdate());
        // g → id, to check pages against the rules above
        ids.add(null);
        QuarkusTransaction.requiringNew().run(() -> {
            for (Object id : entityManager.createNativeQuery("select id from product where zone_name = ?1 order by price_uzs")
                    .setParameter(1, technopark).getResultList()) {
                ids.add((UUID) id);
            }
        });
    }

    @AfterEach
    void removeThem() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from product where enterprise_id = ?1").setParameter(1, enterprise).executeUpdate();
            entityManager.createNativeQuery("delete from organization where id = ?1").setParameter(1, enterprise).executeUpdate();
        });
    }

    @Test
    void manyMatchesAreEstimatedFromTheSampleAndSaySo() {
        JsonPath all = search(Map.of()).jsonPath();
        assertFalse(all.getBoolean("exact"));
        assertAbout(PRODUCTS_LOADED, all.getLong("total"), "the technopark's products");
        JsonPath word = search(Map.of("q", "zarxal")).jsonPath();
        assertFalse(word.getBoolean("exact"));
        assertAbout(12_000, word.getLong("total"), "zarxal");
        // Estimates come in whole hundreds (one sampled product stands for a hundred).
        assertEquals(0, word.getLong("total") % 100);
        Map<String, Integer> exportReady = counts(word.getList("facets.exportReady"));
        // Every fourth product is export-ready, and all of them match (g % 4 = 0 ⊂ g % 2 = 0): 5,000.
        assertAbout(5_000, exportReady.get("true"), "export-ready among zarxal");
        assertEquals(Map.of("1726", (int) word.getLong("total")), counts(word.getList("facets.region")));

        // A filter that leaves few is counted exactly again.
        JsonPath few = search(Map.of("q", "zarxal", "maxPrice", "150000")).jsonPath();
        assertTrue(few.getBoolean("exact"));
        // g ≤ 150 with g % 2 = 0 or g % 5 = 0: 75 + 30 - 15
        assertEquals(90, few.getLong("total"));
    }

    @Test
    void fewMatchesAreCountedByFacetAndPagedByRelevanceFromOneCollection() {
        // g ≤ 150: 30 name matches (g % 5 = 0), then 60 in the description only; newest (smallest g) first in each.
        List<Integer> relevance = new ArrayList<>(IntStream.rangeClosed(1, 150).filter(g -> g % 5 == 0).boxed().toList());
        relevance.addAll(IntStream.rangeClosed(1, 150).filter(g -> g % 2 == 0 && g % 5 != 0).boxed().toList());
        Map<String, Object> few = Map.of("q", "zarxal", "maxPrice", "150000", "size", 20);

        JsonPath first = search(few).jsonPath();
        assertTrue(first.getBoolean("exact"));
        assertEquals(expected(relevance, 0, 20), ids(first));
        // Export-ready is g % 4 = 0, all of them matches: 4, 8, ..., 148.
        assertEquals(Map.of("true", 37, "false", 53), counts(first.getList("facets.exportReady")));
        assertEquals(Map.of("0-1000000", 90), counts(first.getList("facets.price")));
        assertEquals(Map.of(technopark, 90), counts(first.getList("facets.cluster")));

        // Page 1 crosses from the name matches into the description ones; page 4 holds the last ten;
        // page 5 is past the end but still counts.
        assertEquals(expected(relevance, 20, 20), page(with(few, "page", 1)));
        assertEquals(expected(relevance, 80, 10), page(with(few, "page", 4)));
        JsonPath beyond = search(with(few, "page", 5)).jsonPath();
        assertEquals(List.of(), ids(beyond));
        assertEquals(90, beyond.getLong("total"));
        // By price, the same collection in the other order.
        List<Integer> byPrice = IntStream.rangeClosed(1, 150).filter(g -> g % 2 == 0 || g % 5 == 0).boxed().toList();
        assertEquals(expected(byPrice.reversed(), 20, 20), page(with(with(few, "sort", "PRICE_DESC"), "page", 1)));
    }

    @Test
    void relevancePagesPutNameMatchesFirstNewestFirstAcrossTheTierBoundary() {
        List<Integer> nameMatches = IntStream.rangeClosed(1, PRODUCTS_LOADED).filter(g -> g % 5 == 0).boxed().toList();
        List<Integer> descriptionOnly = IntStream.rangeClosed(1, PRODUCTS_LOADED).filter(g -> g % 2 == 0 && g % 5 != 0).boxed().toList();
        List<Integer> relevance = new ArrayList<>(nameMatches);
        relevance.addAll(descriptionOnly);

        assertEquals(expected(relevance, 0, 20), page(Map.of("q", "zarxal", "size", 20, "page", 0)));
        // Page 133 of 30 starts at 3,990: the last ten name matches, then twenty description matches.
        assertEquals(expected(relevance, 3_990, 30), page(Map.of("q", "zarxal", "size", 30, "page", 133)));
        assertEquals(expected(relevance, 4_000, 20), page(Map.of("q", "zarxal", "size", 20, "page", 200)));
        assertEquals(expected(relevance, 6_000, 20), page(Map.of("q", "zarxal", "size", 20, "page", 300)));
        // A typo of the word finds the same, by the dictionary.
        assertEquals(expected(relevance, 0, 20), page(Map.of("q", "zarxol", "size", 20)));
        // With the region chosen, the pages walk the region's own newest products: the same pages.
        assertEquals(expected(relevance, 0, 20), page(Map.of("q", "zarxal", "size", 20, "regionCode", "1726")));
        assertEquals(expected(relevance, 3_990, 30), page(Map.of("q", "zarxal", "size", 30, "page", 133, "regionCode", "1726")));
        assertEquals(expected(relevance, 6_000, 20), page(Map.of("q", "zarxal", "size", 20, "page", 300, "regionCode", "1726")));
    }

    @Test
    void priceAndNewestPagesFollowTheirOrderOverManyMatches() {
        List<Integer> matches = IntStream.rangeClosed(1, PRODUCTS_LOADED).filter(g -> g % 2 == 0 || g % 5 == 0).boxed().toList();
        assertEquals(expected(matches, 0, 20), page(Map.of("q", "zarxal", "sort", "PRICE_ASC")));
        assertEquals(expected(matches.reversed(), 100, 20), page(Map.of("q", "zarxal", "sort", "PRICE_DESC", "page", 5)));
        assertEquals(expected(matches, 40, 20), page(Map.of("q", "zarxal", "sort", "NEWEST", "page", 2)));
        List<Integer> exportReady = IntStream.rangeClosed(1, PRODUCTS_LOADED).filter(g -> g % 4 == 0).boxed().toList();
        assertEquals(expected(exportReady, 0, 20), page(Map.of("exportReady", true)));
        // Newest in the region: the walk through the region's own index.
        assertEquals(expected(matches, 40, 20), page(Map.of("q", "zarxal", "sort", "NEWEST", "page", 2, "regionCode", "1726")));
    }

    @Test
    void aPageIsWrittenWholeWithItsLengthRatherThanInChunks() {
        var answer = search(Map.of("q", "zarxal", "size", 40));
        byte[] body = answer.asByteArray();
        // Larger than Quarkus's default 8 KiB output buffer, under the platform's 64 KiB.
        assertTrue(body.length > 8192 && body.length < 65536, body.length + " bytes");
        assertEquals(String.valueOf(body.length), answer.header("Content-Length"));
        assertEquals(null, answer.header("Transfer-Encoding"));
    }

    private List<UUID> expected(List<Integer> order, int from, int size) {
        return order.subList(from, from + size).stream().map(ids::get).toList();
    }

    private List<UUID> page(Map<String, Object> parameters) {
        return ids(search(parameters).jsonPath());
    }

    private static List<UUID> ids(JsonPath answer) {
        return answer.getList("items.id", String.class).stream().map(UUID::fromString).toList();
    }

    private static Map<String, Object> with(Map<String, Object> parameters, String name, Object value) {
        Map<String, Object> more = new java.util.HashMap<>(parameters);
        more.put(name, value);
        return more;
    }

    private io.restassured.response.Response search(Map<String, Object> parameters) {
        var request = given().queryParam("cluster", technopark);
        parameters.forEach(request::queryParam);
        return request.get(PRODUCTS).then().statusCode(200).extract().response();
    }

    /**
     * An estimate is a hundred times a binomial count (1 % of the matches, one chance in a hundred
     * each), whose standard deviation is about {@code 10 × √expected}; 4.5 of them leave a false
     * failure about once in 150,000 runs, and still catch an estimate off by a factor.
     */
    private static void assertAbout(long expected, long actual, String what) {
        double allowed = 4.5 * 10 * Math.sqrt(expected);
        assertTrue(Math.abs(actual - expected) <= allowed, what + ": about " + expected + " (± " + Math.round(allowed)
                + "), estimated " + actual);
    }

    private static Map<String, Integer> counts(List<Map<String, Object>> facet) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        facet.forEach(value -> counts.put(value.get("value").toString(), ((Number) value.get("count")).intValue()));
        return counts;
    }
}
