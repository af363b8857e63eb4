package uz.aqlli.catalog.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.catalog.api.ProductCatalogueTest.PRODUCTS;
import static uz.aqlli.catalog.api.ProductCatalogueTest.as;
import static uz.aqlli.catalog.api.ProductCatalogueTest.product;
import static uz.aqlli.catalog.api.Registrations.PASSWORD;
import static uz.aqlli.catalog.api.Registrations.enterprise;
import static uz.aqlli.catalog.api.Registrations.newStir;
import static uz.aqlli.catalog.api.Registrations.post;
import static uz.aqlli.catalog.api.Registrations.with;

/**
 * The public search over five products of two new enterprises that share a cluster of their own
 * (the cluster filter keeps other tests' products out of the figures).
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ProductSearchTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    String cluster;
    final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeEach
    void twoEnterprisesListFiveProducts() {
        cluster = "Sinov to'qimachilik klasteri " + System.nanoTime();
        String namangan = verifiedEnterprise("1714");
        String andijan = verifiedEnterprise("1703");
        list(namangan, "yarn", product(Map.of("uz-Latn", "Paxta ipi"), Map.of("uz-Latn", "Namangan tolasidan yigirilgan ip"),
                "TEXTILE_AND_GARMENTS", "45000.00", true));
        list(namangan, "fabric", product(Map.of("uz-Cyrl", "Пахта матоси"), Map.of("uz-Cyrl", "Табиий мато, 150 см эн"),
                "TEXTILE_AND_GARMENTS", "2500000.00", false));
        list(andijan, "russian", product(Map.of("ru", "Хлопковая пряжа"), Map.of("ru", "Пряжа из узбекского хлопка"),
                "TEXTILE_AND_GARMENTS", "60000.00", true));
        list(andijan, "skein", product(Map.of("uz-Latn", "Ip kalava"), Map.of("uz-Latn", "Tarkibida 80% paxta bor"),
                "TEXTILE_AND_GARMENTS", "15000000.00", false));
        list(andijan, "parts", product(Map.of("uz-Latn", "To'qimachilik dastgohlari uchun ehtiyot qismlar"),
                Map.of("ru", "Запчасти для ткацких станков"), "MACHINE_BUILDING", "1200000000.00", true));
    }

    @Test
    void latinFindsCyrillicAndTheReverseAndTheNameCountsAboveTheDescription() {
        // Both names say it (equal rank, either order); the description's mention comes after them.
        List<String> latin = found(Map.of("q", "paxta"));
        assertEquals(java.util.Set.of("yarn", "fabric"), java.util.Set.copyOf(latin.subList(0, 2)), "paxta: " + latin);
        assertEquals(List.of("skein"), latin.subList(2, latin.size()), "paxta: " + latin);
        assertEquals(List.of("yarn", "fabric", "skein"), sorted(found(Map.of("q", "ПАХТА")), List.of("yarn", "fabric", "skein")));
        List<String> cyrillicQuery = found(Map.of("q", "пахта"));
        assertTrue(cyrillicQuery.indexOf("skein") == 2, "a description mention ranks below the names: " + cyrillicQuery);
        assertEquals(List.of("parts"), found(Map.of("q", "тўқимачилик")));
        assertEquals(List.of("russian"), found(Map.of("q", "хлопковая")));
        // Both words in the name first; a name only alike (the typo path) may follow.
        assertEquals("yarn", found(Map.of("q", "paxta ipi")).get(0));
    }

    @Test
    void aMistypedWordStillFindsTheProduct() {
        assertTrue(found(Map.of("q", "to'qimachlik")).contains("parts"), "to'qimachlik");
        assertTrue(found(Map.of("q", "paxat")).contains("yarn"), "paxat");
        assertEquals(List.of(), found(Map.of("q", "metall")));
    }

    @Test
    void everyFacetCountIsTheSizeOfTheResultFilteredByIt() {
        JsonPath all = search(Map.of()).extract().jsonPath();
        assertEquals(5, all.getLong("total"));
        Map<String, String> parameterOf = Map.of("region", "regionCode", "zoneType", "zoneType", "cluster", "cluster",
                "sector", "sector", "exportReady", "exportReady");
        Map<String, List<Map<String, Object>>> facets = all.getMap("facets");
        assertEquals(Map.of("1714", 2, "1703", 3), counts(facets.get("region")));
        assertEquals(Map.of("0-1000000", 2, "1000000-10000000", 1, "10000000-100000000", 1, "1000000000-", 1),
                counts(facets.get("price")));
        for (var facet : facets.entrySet()) {
            for (Map<String, Object> value : facet.getValue()) {
                Map<String, Object> filter = new HashMap<>();
                String label = value.get("value").toString();
                if (facet.getKey().equals("price")) {
                    String[] bounds = label.split("-", -1);
                    filter.put("minPrice", bounds[0]);
                    if (!bounds[1].isEmpty()) {
                        filter.put("maxPrice", new BigDecimal(bounds[1]).subtract(new BigDecimal("0.01")).toPlainString());
                    }
                } else {
                    filter.put(parameterOf.get(facet.getKey()), label);
                }
                long filtered = search(filter).extract().jsonPath().getLong("total");
                assertEquals(((Number) value.get("count")).longValue(), filtered, facet.getKey() + "=" + label);
            }
        }
        // Facets of a text query count within its result.
        Map<String, List<Map<String, Object>>> paxta = search(Map.of("q", "paxta")).extract().jsonPath().getMap("facets");
        assertEquals(Map.of("1714", 2, "1703", 1), counts(paxta.get("region")));
    }

    @Test
    void pagesNeitherOverlapNorSkipAndSortsHold() {
        for (String sort : List.of("PRICE_ASC", "PRICE_DESC", "NEWEST", "RELEVANCE")) {
            List<String> paged = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                paged.addAll(found(Map.of("sort", sort, "size", 2, "page", page)));
            }
            assertEquals(found(Map.of("sort", sort, "size", 100)), paged, sort);
            assertEquals(5, paged.stream().distinct().count(), sort);
        }
        assertEquals(List.of("yarn", "russian", "fabric", "skein", "parts"), found(Map.of("sort", "PRICE_ASC")));
        // A text query sorted by something other than relevance.
        assertEquals(List.of("skein", "fabric", "yarn"), found(Map.of("q", "paxta", "sort", "PRICE_DESC")));
    }

    private List<String> found(Map<String, Object> parameters) {
        Map<String, String> names = new HashMap<>();
        ids.forEach((name, id) -> names.put(id, name));
        return search(parameters).extract().jsonPath().getList("items.id", String.class).stream().map(names::get).toList();
    }

    private io.restassured.response.ValidatableResponse search(Map<String, Object> parameters) {
        RequestSpecification request = given().queryParam("cluster", cluster);
        parameters.forEach(request::queryParam);
        return request.get(PRODUCTS).then().statusCode(200);
    }

    private static Map<String, Integer> counts(List<Map<String, Object>> facet) {
        Map<String, Integer> counts = new HashMap<>();
        facet.forEach(value -> counts.put(value.get("value").toString(), ((Number) value.get("count")).intValue()));
        return counts;
    }

    private static List<String> sorted(List<String> found, List<String> order) {
        return found.stream().sorted((a, b) -> Integer.compare(order.indexOf(a), order.indexOf(b))).toList();
    }

    private String verifiedEnterprise(String region) {
        String stir = newStir();
        var body = with(with(enterprise(stir, region), "organization", "zoneType", "CLUSTER"), "organization", "zoneName", cluster);
        String id = Registrations.registerAndConfirm(body);
        given().auth().oauth2(Tokens.demoUser(realmUrl, "admin1")).contentType("application/json").body(Map.of("decision", "VERIFY"))
                .post("/api/catalog/organizations/" + id + "/decisions").then().statusCode(200);
        return Tokens.password(realmUrl, "aqlli-web", "manager-" + stir + "@korxona.uz", PASSWORD);
    }

    private void list(String token, String name, Map<String, Object> product) {
        String id = as(token).body(product).post(PRODUCTS).then().statusCode(201).extract().path("id");
        as(token).header("If-Match", "\"0\"").post(PRODUCTS + "/" + id + "/publication").then().statusCode(200);
        ids.put(name, id);
    }
}
