package uz.aqlli.catalog.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.AccessMatrix;
import uz.aqlli.platform.testing.AccessMatrix.Route;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.catalog.api.Registrations.PASSWORD;
import static uz.aqlli.catalog.api.Registrations.enterprise;
import static uz.aqlli.catalog.api.Registrations.newStir;
import static uz.aqlli.catalog.api.Registrations.post;
import static uz.aqlli.catalog.api.Registrations.with;
import static uz.aqlli.platform.testing.Demo.BUKHARA_TEXTILE;

/** Products: the lifecycle under If-Match, who sees a draft, the events, and bad input. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ProductCatalogueTest {

    static final String PRODUCTS = "/api/catalog/products";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void anEnterpriseListsAProductAndEveryChangeNamesItsVersion() {
        String enterprise1 = Tokens.demoUser(realmUrl, "enterprise1");
        var created = as(enterprise1).body(product("Paxta ipi Ne 30/1", "45000.00")).post(PRODUCTS).then().statusCode(201)
                .header("ETag", equalTo("\"0\"")).body("status", equalTo("DRAFT")).body("enterpriseId", equalTo(BUKHARA_TEXTILE))
                .body("regionCode", equalTo("1706")).body("zoneType", equalTo("CLUSTER")).extract();
        String id = created.path("id");
        String path = PRODUCTS + "/" + id;

        // A draft is private to its enterprise and its region's administration.
        given().get(path).then().statusCode(404);
        as(Tokens.demoUser(realmUrl, "enterprise2")).get(path).then().statusCode(404);
        as(Tokens.demoUser(realmUrl, "admin-bukhara")).get(path).then().statusCode(200);
        as(Tokens.demoUser(realmUrl, "admin-navoi")).get(path).then().statusCode(404);

        as(enterprise1).body(product("Paxta ipi Ne 30/1", "44000.00")).put(path).then().statusCode(428)
                .body("type", equalTo("urn:aqlli:problem:version-required"));
        as(enterprise1).header("If-Match", "\"5\"").body(product("Paxta ipi Ne 30/1", "44000.00")).put(path).then().statusCode(412);
        as(enterprise1).header("If-Match", "\"0\"").body(product("Paxta ipi Ne 30/1", "44000.00")).put(path).then().statusCode(200)
                .header("ETag", equalTo("\"1\""));
        as(enterprise1).post(path + "/publication").then().statusCode(428);
        as(enterprise1).header("If-Match", "\"0\"").post(path + "/publication").then().statusCode(412);
        as(enterprise1).header("If-Match", "\"1\"").post(path + "/publication").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).header("ETag", equalTo("\"2\""));

        given().get(path).then().statusCode(200).header("ETag", equalTo("\"2\"")).body("priceUzs", equalTo(44000.00f));
        given().get("/api/catalog/organizations/" + BUKHARA_TEXTILE + "/products?size=100").then().statusCode(200)
                .body("items.id", hasItem(id));

        // A price change of a listed product is an event with the new price.
        as(enterprise1).header("If-Match", "\"2\"").body(product("Paxta ipi Ne 30/1", "43500.50")).put(path).then().statusCode(200);
        var updated = EventTopics.await(kafka, Topic.PRODUCTS.topicName(),
                r -> id.equals(r.key()) && "ProductUpdated".equals(EventTopics.header(r, "ce_type")), Duration.ofSeconds(10));
        assertTrue(updated.isPresent(), "no ProductUpdated on the topic");
        String payload = new String(updated.get().value(), StandardCharsets.UTF_8);
        assertTrue(payload.matches("(?s).*\"priceUzs\":\\s*43500\\.50[,}].*") && payload.contains("\"minQuantity\""), payload);

        as(enterprise1).header("If-Match", "\"3\"").post(path + "/withdrawal").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().get(path).then().statusCode(404);
        List<String> types = EventTopics.all(kafka, Topic.PRODUCTS.topicName(), Duration.ofSeconds(10),
                        r -> id.equals(r.key()) && "ProductWithdrawn".equals(EventTopics.header(r, "ce_type")))
                .stream().filter(r -> id.equals(r.key())).map(r -> EventTopics.header(r, "ce_type")).toList();
        assertEquals(List.of("ProductPublished", "ProductUpdated", "ProductWithdrawn"), types);
    }

    /** The IKPU (MXIK) code an e-invoice line needs travels with the product to orders, which never asks catalog. */
    @Test
    void theIkpuCodeIsKeptShownAndCarriedByTheProductsEvents() throws Exception {
        String enterprise1 = Tokens.demoUser(realmUrl, "enterprise1");
        String word = "ikpusinov" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        Map<String, Object> body = product("Paxta ipi " + word, "41000.00");
        body.put("ikpuCode", "05205001001000000");
        String id = as(enterprise1).body(body).post(PRODUCTS).then().statusCode(201)
                .body("ikpuCode", equalTo("05205001001000000")).extract().path("id");
        String path = PRODUCTS + "/" + id;
        as(enterprise1).get(path).then().statusCode(200).body("ikpuCode", equalTo("05205001001000000"));
        as(enterprise1).header("If-Match", "\"0\"").post(path + "/publication").then().statusCode(200);
        given().queryParam("q", word).get(PRODUCTS).then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.ikpuCode", equalTo("05205001001000000"));

        var published = EventTopics.await(kafka, Topic.PRODUCTS.topicName(),
                        r -> id.equals(r.key()) && "ProductPublished".equals(EventTopics.header(r, "ce_type")), Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no ProductPublished for " + id));
        assertEquals("05205001001000000", new ObjectMapper().readTree(published.value()).path("ikpuCode").asText());

        // A revision with another code is news too.
        body.put("ikpuCode", "05205001002000000");
        as(enterprise1).header("If-Match", "\"1\"").body(body).put(path).then().statusCode(200)
                .body("ikpuCode", equalTo("05205001002000000"));
        var updated = EventTopics.await(kafka, Topic.PRODUCTS.topicName(),
                        r -> id.equals(r.key()) && "ProductUpdated".equals(EventTopics.header(r, "ce_type")), Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no ProductUpdated for " + id));
        assertEquals("05205001002000000", new ObjectMapper().readTree(updated.value()).path("ikpuCode").asText());
    }

    /** The same rule as offers' offers (OfferBoardTest): a missing If-Match changes nothing. */
    @Test
    void publishingOrWithdrawingWithoutIfMatchIsRefusedAsVersionRequired() {
        String enterprise1 = Tokens.demoUser(realmUrl, "enterprise1");
        String path = PRODUCTS + "/" + as(enterprise1).body(product("Paxta kalava", "52000")).post(PRODUCTS).then()
                .statusCode(201).extract().path("id");

        expectVersionRequired(as(enterprise1).post(path + "/publication"));
        as(enterprise1).get(path).then().statusCode(200).body("status", equalTo("DRAFT")).header("ETag", equalTo("\"0\""));
        as(enterprise1).header("If-Match", "\"0\"").post(path + "/publication").then().statusCode(200);

        expectVersionRequired(as(enterprise1).post(path + "/withdrawal"));
        expectVersionRequired(as(enterprise1).header("If-Match", " ").post(path + "/withdrawal"));
        as(enterprise1).get(path).then().statusCode(200).body("status", equalTo("PUBLISHED")).header("ETag", equalTo("\"1\""));
        as(enterprise1).header("If-Match", "\"1\"").post(path + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    private static void expectVersionRequired(Response response) {
        response.then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("urn:aqlli:problem:version-required"))
                .body("title", equalTo("Precondition required"));
    }

    @Test
    void aPendingEnterpriseDraftsButCannotPublish() {
        String stir = newStir();
        Registrations.registerAndConfirm(enterprise(stir, "1730"));
        String manager = Tokens.password(realmUrl, "aqlli-web", "manager-" + stir + "@korxona.uz", PASSWORD);
        String id = as(manager).body(product("Atlas mato", "120000")).post(PRODUCTS).then().statusCode(201).extract().path("id");
        as(manager).header("If-Match", "\"0\"").post(PRODUCTS + "/" + id + "/publication").then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:organization-not-verified")).body("detail", containsString("not been verified"));
        as(Tokens.demoUser(realmUrl, "provider1")).body(product("Atlas mato", "120000")).post(PRODUCTS).then().statusCode(403);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String enterprise1 = Tokens.demoUser(realmUrl, "enterprise1");
        expectInvalid(enterprise1, "sector", Map.of("sector", "SPACE"));
        expectInvalid(enterprise1, "priceUzs", Map.of("priceUzs", "-100"));
        expectInvalid(enterprise1, "hsCode", Map.of("hsCode", "52"));
        expectInvalid(enterprise1, "ikpuCode", Map.of("ikpuCode", "0520500100100000"));
        expectInvalid(enterprise1, "ikpuCode", Map.of("ikpuCode", "052050010010000001"));
        expectInvalid(enterprise1, "ikpuCode", Map.of("ikpuCode", "0520500100100000A"));
        expectInvalid(enterprise1, "name", Map.of("name", Map.of("fr", "Fil de coton")));
        expectInvalid(enterprise1, "priceTiers[1].minQuantity", Map.of("priceTiers",
                List.of(Map.of("minQuantity", 1000, "priceUzs", "900"), Map.of("minQuantity", 500, "priceUzs", "800"))));
        expectInvalid(enterprise1, "leadTimeDays", Map.of("leadTimeDays", 400));
        given().queryParam("size", 101).get(PRODUCTS).then().statusCode(400).body("errors.field", hasItem("size"));
        given().queryParam("sector", "SPACE").get(PRODUCTS).then().statusCode(400).body("errors.field", hasItem("sector"));
        given().queryParam("minPrice", "-1").get(PRODUCTS).then().statusCode(400).body("errors.field", hasItem("minPrice"));
    }

    @Test
    void theAccessMatrix() {
        String enterprise1 = Tokens.demoUser(realmUrl, "enterprise1");
        String draft = as(enterprise1).body(product("Matrix mato", "1000")).post(PRODUCTS).then().statusCode(201).extract().path("id");
        Route read = Route.get(PRODUCTS + "/" + draft);
        Route revise = Route.put(PRODUCTS + "/" + draft, product("Matrix mato", "1"));
        Route publish = Route.post(PRODUCTS + "/" + draft + "/publication", null);
        Route withdraw = Route.post(PRODUCTS + "/" + draft + "/withdrawal", null);
        Route mine = Route.get(PRODUCTS + "/mine");
        Route create = Route.post(PRODUCTS, product("Matrix mato", "1"));

        var matrix = new AccessMatrix(realmUrl).expectRefusedWithBrokenTokens(read, 404)
                .expectRefusedWithBrokenTokens(Route.get(PRODUCTS), 200);
        for (Route route : List.of(revise, publish, withdraw, mine, create)) {
            matrix.expectRefusedWithBrokenTokens(route, 401);
        }
        for (Route route : List.of(read, revise, publish, withdraw)) {
            matrix.expect(route, "enterprise2", 404);
        }
        for (Route route : List.of(revise, publish, withdraw, mine, create)) {
            matrix.expect(route, "provider1", 403).expect(route, "admin1", 403);
        }
        matrix.expect(read, "provider1", 404).expect(read, "admin-navoi", 404).expect(read, "admin1", 200).verify();
    }

    private void expectInvalid(String token, String field, Map<String, Object> change) {
        Map<String, Object> body = new HashMap<>(product("Paxta ipi", "1000"));
        body.putAll(change);
        as(token).body(body).post(PRODUCTS).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    static Map<String, Object> product(String name, String price) {
        return product(Map.of("uz-Latn", name), Map.of("uz-Latn", name + " — Buxoro klasteri mahsuloti"), "TEXTILE_AND_GARMENTS",
                price, true);
    }

    static Map<String, Object> product(Map<String, String> name, Map<String, String> description, String sector, String price,
                                       boolean exportReady) {
        return new HashMap<>(Map.of(
                "name", name,
                "description", description,
                "sector", sector,
                "hsCode", "520512",
                "unit", "KILOGRAM",
                "priceUzs", price,
                "priceTiers", List.of(Map.of("minQuantity", 1000, "priceUzs", "1.00")),
                "minOrderQuantity", 100,
                "leadTimeDays", 14,
                "exportReady", exportReady));
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
