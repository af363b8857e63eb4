package uz.aqlli.offers.api;

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
import uz.aqlli.platform.testing.DirectoryEvents;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.KeycloakUsers;
import uz.aqlli.platform.testing.Tokens;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.platform.testing.Demo.TASHKENT_SOFT;
import static uz.aqlli.platform.testing.Demo.SAMARKAND_IT;

/**
 * Providers' offers with real Keycloak tokens: the demo providers' organizations get their standing
 * from directory events put on the topic as catalog would.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "offers"))
class OfferBoardTest {

    static final String OFFERS = "/api/offers/offers";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;


    @Test
    void aVerifiedProviderPublishesAnOfferAndWithdrawsIt() {
        String provider1 = Tokens.demoUser(realmUrl, "provider1");
        announce(TASHKENT_SOFT, "1726", "Registered", "PENDING", Instant.now());

        Response created = as(provider1).body(offer("ERP", "12500000.50")).post(OFFERS);
        created.then().statusCode(201).body("status", equalTo("DRAFT")).body("providerId", equalTo(TASHKENT_SOFT))
                .header("ETag", equalTo("\"0\"")).header("Location", containsString(OFFERS + "/"));
        String id = created.path("id");

        // Pending: drafting is allowed, publishing is not, and the problem says why.
        as(provider1).header("If-Match", "\"0\"").post(OFFERS + "/" + id + "/publication").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:aqlli:problem:organization-not-verified"))
                .body("detail", containsString("not been verified"));
        given().get(OFFERS + "/" + id).then().statusCode(404);

        announce(TASHKENT_SOFT, "1726", "Verified", "VERIFIED", Instant.now());
        as(provider1).header("If-Match", "\"0\"").post(OFFERS + "/" + id + "/publication").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("priceUzs", equalTo(12500000.50f));

        given().get(OFFERS + "/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("title.ru", equalTo("Внедрение ERP"));
        given().queryParam("category", "ERP").queryParam("regionCode", "1726").queryParam("size", 100).get(OFFERS)
                .then().statusCode(200).body("items.id", hasItem(id));
        given().queryParam("category", "ERP").queryParam("regionCode", "1733").queryParam("size", 100).get(OFFERS)
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().queryParam("maxPrice", "12500000.49").queryParam("size", 100).get(OFFERS)
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().queryParam("minPrice", "12500000.50").queryParam("maxPrice", "12500000.50").get(OFFERS)
                .then().statusCode(200).body("items.id", hasItem(id));

        var published = EventTopics.await(kafka, Topic.OFFERS.topicName(),
                r -> id.equals(r.key()) && "OfferPublished".equals(EventTopics.header(r, "ce_type")), Duration.ofSeconds(10));
        assertTrue(published.isPresent(), "no OfferPublished on the topic");
        String payload = new String(published.get().value(), StandardCharsets.UTF_8);
        // The exact amount, as written: never through a floating-point number.
        assertTrue(payload.matches("(?s).*\"priceUzs\":\\s*12500000\\.50[,}].*"), payload);

        as(provider1).header("If-Match", "\"1\"").post(OFFERS + "/" + id + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        given().get(OFFERS + "/" + id).then().statusCode(404);
        as(provider1).get(OFFERS + "/" + id).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        as(provider1).header("If-Match", "\"2\"").post(OFFERS + "/" + id + "/publication").then().statusCode(409);
        as(provider1).queryParam("status", "WITHDRAWN").get(OFFERS + "/mine").then().statusCode(200).body("items.id", hasItem(id));
        assertTrue(EventTopics.await(kafka, Topic.OFFERS.topicName(),
                r -> id.equals(r.key()) && "OfferWithdrawn".equals(EventTopics.header(r, "ce_type")), Duration.ofSeconds(10)).isPresent());
    }

    @Test
    void aSuspendedOrRejectedProviderIsToldWhyItCannotPublish() {
        String provider2 = Tokens.demoUser(realmUrl, "provider2");
        Instant now = Instant.now();
        String id = as(provider2).body(offer("CYBERSECURITY", "4000000")).post(OFFERS).then().statusCode(201).extract().path("id");

        announce(SAMARKAND_IT, "1718", "Suspended", "SUSPENDED", now);
        as(provider2).header("If-Match", "\"0\"").post(OFFERS + "/" + id + "/publication").then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:organization-not-verified")).body("detail", containsString("suspended"));

        announce(SAMARKAND_IT, "1718", "Rejected", "REJECTED", now.plusMillis(1));
        as(provider2).header("If-Match", "\"0\"").post(OFFERS + "/" + id + "/publication").then().statusCode(403).body("detail", containsString("rejected"));

        announce(SAMARKAND_IT, "1718", "Reinstated", "VERIFIED", now.plusMillis(2));
        as(provider2).header("If-Match", "\"0\"").post(OFFERS + "/" + id + "/publication").then().statusCode(200);
    }

    @Test
    void aSuspendedProvidersOffersLeaveTheBoardAndComeBackOnReinstatement() {
        String organization = UUID.randomUUID().toString();
        String provider = KeycloakUsers.signedInMember(realmUrl, "providers", UUID.fromString(organization));
        Instant verifiedAt = Instant.now();
        announce(organization, "1730", "Verified", "VERIFIED", verifiedAt);
        String id = as(provider).body(offer("CLOUD_AND_HOSTING", "7300000")).post(OFFERS).then().statusCode(201).extract().path("id");
        as(provider).header("If-Match", "\"0\"").post(OFFERS + "/" + id + "/publication").then().statusCode(200);
        given().queryParam("providerId", organization).get(OFFERS).then().statusCode(200)
                .body("items.id", equalTo(List.of(id))).body("total", equalTo(1));

        announce(organization, "1730", "Suspended", "SUSPENDED", verifiedAt.plusSeconds(1));
        given().queryParam("providerId", organization).get(OFFERS).then().statusCode(200)
                .body("items", empty()).body("total", equalTo(0));
        given().queryParam("category", "CLOUD_AND_HOSTING").queryParam("size", 100).get(OFFERS).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().get(OFFERS + "/" + id).then().statusCode(404);
        // The provider still has it, published as it was.
        as(provider).get(OFFERS + "/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED"));

        announce(organization, "1730", "Reinstated", "VERIFIED", verifiedAt.plusSeconds(2));
        given().queryParam("providerId", organization).get(OFFERS).then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        given().get(OFFERS + "/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    /** The IKPU (MXIK) code an e-invoice line of an order needs travels with the offer to orders, which never asks offers. */
    @Test
    void theIkpuCodeIsKeptShownAndCarriedByTheOffersEvents() throws Exception {
        String provider1 = Tokens.demoUser(realmUrl, "provider1");
        announce(TASHKENT_SOFT, "1726", "Verified", "VERIFIED", Instant.now());
        Map<String, Object> body = new HashMap<>(offer("ERP", "30000000"));
        body.put("ikpuCode", "06202001001000000");
        String id = as(provider1).body(body).post(OFFERS).then().statusCode(201)
                .body("ikpuCode", equalTo("06202001001000000")).extract().path("id");
        String path = OFFERS + "/" + id;
        as(provider1).header("If-Match", "\"0\"").post(path + "/publication").then().statusCode(200);
        given().get(path).then().statusCode(200).body("ikpuCode", equalTo("06202001001000000"));
        given().queryParam("category", "ERP").queryParam("size", 100).get(OFFERS).then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.ikpuCode", equalTo("06202001001000000"));

        var published = EventTopics.await(kafka, Topic.OFFERS.topicName(),
                        r -> id.equals(r.key()) && "OfferPublished".equals(EventTopics.header(r, "ce_type")), Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no OfferPublished for " + id));
        assertEquals("06202001001000000", new ObjectMapper().readTree(published.value()).path("ikpuCode").asText());

        body.put("ikpuCode", "06202001002000000");
        as(provider1).header("If-Match", "\"1\"").body(body).put(path).then().statusCode(200)
                .body("ikpuCode", equalTo("06202001002000000"));
        var updated = EventTopics.await(kafka, Topic.OFFERS.topicName(),
                        r -> id.equals(r.key()) && "OfferUpdated".equals(EventTopics.header(r, "ce_type")), Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no OfferUpdated for " + id));
        assertEquals("06202001002000000", new ObjectMapper().readTree(updated.value()).path("ikpuCode").asText());
    }

    @Test
    void onlyTheProviderChangesItsOfferAndEveryChangeNamesTheVersionItChanges() {
        String provider1 = Tokens.demoUser(realmUrl, "provider1");
        String id = as(provider1).body(offer("E_COMMERCE", "900000")).post(OFFERS).then().statusCode(201).extract().path("id");
        String path = OFFERS + "/" + id;

        as(provider1).body(offer("E_COMMERCE", "950000")).put(path).then().statusCode(428)
                .body("type", equalTo("urn:aqlli:problem:version-required"));
        as(provider1).header("If-Match", "\"7\"").body(offer("E_COMMERCE", "950000")).put(path).then().statusCode(412)
                .body("type", equalTo("urn:aqlli:problem:stale-version"));
        as(provider1).header("If-Match", "\"0\"").body(offer("E_COMMERCE", "950000")).put(path).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("priceUzs", equalTo(950000));
        // The second writer with the first writer's version loses.
        as(provider1).header("If-Match", "\"0\"").body(offer("E_COMMERCE", "990000")).put(path).then().statusCode(412);

        // Sensitive fields in the body are ignored: the owner and status come from the token and the lifecycle.
        Map<String, Object> forged = new HashMap<>(offer("E_COMMERCE", "950000"));
        forged.put("providerId", SAMARKAND_IT);
        forged.put("status", "PUBLISHED");
        as(provider1).header("If-Match", "\"1\"").body(forged).put(path).then().statusCode(200)
                .body("providerId", equalTo(TASHKENT_SOFT)).body("status", equalTo("DRAFT"));
    }

    /** The same rule as catalog's products (ProductCatalogueTest): a missing If-Match changes nothing. */
    @Test
    void publishingOrWithdrawingWithoutIfMatchIsRefusedAsVersionRequired() {
        String organization = UUID.randomUUID().toString();
        String provider = KeycloakUsers.signedInMember(realmUrl, "providers", UUID.fromString(organization));
        announce(organization, "1726", "Verified", "VERIFIED", Instant.now());
        String path = OFFERS + "/" + as(provider).body(offer("ERP", "3100000")).post(OFFERS).then().statusCode(201)
                .extract().path("id");

        expectVersionRequired(as(provider).post(path + "/publication"));
        as(provider).get(path).then().statusCode(200).body("status", equalTo("DRAFT")).header("ETag", equalTo("\"0\""));
        as(provider).header("If-Match", "\"0\"").post(path + "/publication").then().statusCode(200);

        expectVersionRequired(as(provider).post(path + "/withdrawal"));
        expectVersionRequired(as(provider).header("If-Match", " ").post(path + "/withdrawal"));
        as(provider).get(path).then().statusCode(200).body("status", equalTo("PUBLISHED")).header("ETag", equalTo("\"1\""));
        as(provider).header("If-Match", "\"1\"").post(path + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    private static void expectVersionRequired(Response response) {
        response.then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("urn:aqlli:problem:version-required"))
                .body("title", equalTo("Precondition required"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String provider1 = Tokens.demoUser(realmUrl, "provider1");
        expectInvalid(provider1, "priceUzs", "priceUzs", "-5");
        expectInvalid(provider1, "priceUzs", "priceUzs", "10.005");
        expectInvalid(provider1, "category", "category", "BLOCKCHAIN");
        expectInvalid(provider1, "title", "title", Map.of("de", "ERP-Einführung"));
        expectInvalid(provider1, "title", "title", Map.of("ru", "x".repeat(201)));
        expectInvalid(provider1, "regionsServed[0]", "regionsServed", List.of("9999"));
        expectInvalid(provider1, "regionsServed[1]", "regionsServed", List.of("1726", "1726"));
        expectInvalid(provider1, "deliveryDays", "deliveryDays", 0);
        expectInvalid(provider1, "ikpuCode", "ikpuCode", "0620200100100000");
        expectInvalid(provider1, "ikpuCode", "ikpuCode", "062020010010000001");
        expectInvalid(provider1, "ikpuCode", "ikpuCode", "06202001001O00000");
        given().queryParam("size", 101).get(OFFERS).then().statusCode(400).body("errors.field", hasItem("size"));
        given().queryParam("minPrice", 10).queryParam("maxPrice", 5).get(OFFERS).then().statusCode(400)
                .body("errors.field", hasItem("minPrice"));
        given().queryParam("category", "NOPE").get(OFFERS).then().statusCode(400).contentType("application/problem+json");
        as(provider1).contentType(ContentType.JSON).body("{\"category\": ").post(OFFERS).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theAccessMatrix() {
        announce(TASHKENT_SOFT, "1726", "Verified", "VERIFIED", Instant.now());
        String provider1 = Tokens.demoUser(realmUrl, "provider1");
        String draft = as(provider1).body(offer("TRAINING", "1500000")).post(OFFERS).then().statusCode(201).extract().path("id");
        String live = as(provider1).body(offer("TRAINING", "1600000")).post(OFFERS).then().statusCode(201).extract().path("id");
        as(provider1).header("If-Match", "\"0\"").post(OFFERS + "/" + live + "/publication").then().statusCode(200);

        Route readDraft = Route.get(OFFERS + "/" + draft);
        Route reviseDraft = Route.put(OFFERS + "/" + draft, offer("TRAINING", "1"));
        Route publishDraft = Route.post(OFFERS + "/" + draft + "/publication", null);
        Route withdrawLive = Route.post(OFFERS + "/" + live + "/withdrawal", null);
        Route readLive = Route.get(OFFERS + "/" + live);
        Route mine = Route.get(OFFERS + "/mine");
        Route create = Route.post(OFFERS, offer("TRAINING", "1"));
        Route board = Route.get(OFFERS);

        var matrix = new AccessMatrix(realmUrl);
        matrix.expectRefusedWithBrokenTokens(readDraft, 404)
                .expectRefusedWithBrokenTokens(readLive, 200)
                .expectRefusedWithBrokenTokens(board, 200);
        for (Route route : List.of(reviseDraft, publishDraft, withdrawLive, mine, create)) {
            matrix.expectRefusedWithBrokenTokens(route, 401);
        }
        // Another provider: someone else's draft does not exist for it, and it cannot act on it.
        for (Route route : List.of(readDraft, reviseDraft, publishDraft, withdrawLive)) {
            matrix.expect(route, "provider2", 404);
        }
        // Enterprises and the administration do not sell.
        for (String user : List.of("enterprise1", "admin1")) {
            for (Route route : List.of(reviseDraft, publishDraft, withdrawLive, mine, create)) {
                matrix.expect(route, user, 403);
            }
        }
        matrix.expect(readDraft, "enterprise1", 404)
                // Region level: the draft's region's administration (and the republic's) read it, others do not.
                .expect(readDraft, "admin1", 200)
                .expect(readDraft, "admin-bukhara", 404)
                .expect(readLive, "enterprise1", 200)
                .expect(readDraft, "provider1", 200)
                .verify();
    }

    private void expectInvalid(String token, String field, String property, Object value) {
        Map<String, Object> body = new HashMap<>(offer("ERP", "1000"));
        body.put(property, value);
        as(token).body(body).post(OFFERS).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private void announce(String organizationId, String region, String type, String status, Instant asOf) {
        Standings.announce(kafka, organizationId, "PROVIDER", region, type, status, asOf);
    }

    static Map<String, Object> offer(String category, String price) {
        return Map.of(
                "category", category,
                "title", Map.of("uz-Latn", "ERP joriy etish", "ru", "Внедрение ERP"),
                "description", Map.of("uz-Latn", "1C:ERP asosida ishlab chiqarish korxonalari uchun joriy etish va o'qitish"),
                "pricingModel", "FIXED",
                "priceUzs", price,
                "deliveryDays", 60,
                "regionsServed", List.of("1726", "1727"));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
