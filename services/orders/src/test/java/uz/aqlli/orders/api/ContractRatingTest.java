package uz.aqlli.orders.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.AccessMatrix;
import uz.aqlli.platform.testing.AccessMatrix.Route;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.MovableClock;
import uz.aqlli.platform.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.orders.api.ContractSigningTest.in;
import static uz.aqlli.orders.api.ContractSigningTest.milestone;
import static uz.aqlli.orders.api.ContractSigningTest.plan;
import static uz.aqlli.orders.api.Market.CONTRACTS;
import static uz.aqlli.orders.api.Market.as;

/**
 * Ratings of a contract once it has ended (here terminated by the buyer): only its parties rate,
 * not before the end; hidden, on every route, count and topic (even the contract's public ratings),
 * until both have rated or the window closes.
 */
@QuarkusTest
class ContractRatingTest extends MarketTest {

    static final String RATINGS = "/api/orders/ratings/contracts/";
    static final String ALL_RATINGS = "/api/orders/ratings";

    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.backToRealTime();
    }

    @Test
    void theEndedContractsPartiesRateEachOtherDoubleBlind() {
        var buyer = market.enterprise("1706");
        var provider = market.provider("1712");
        String id = signed(buyer, provider);
        String path = CONTRACTS + "/" + id;

        // Active, it is not yet to be rated.
        rate(buyer.manager, id, "Hali erta").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:aqlli:problem:deal-not-finished")).body("errors.field", hasItem("contractId"));
        step(buyer.manager, path + "/termination", Map.of("reason", "Loyiha to'xtatildi", "paidUzs", "0", "byAgreement", false))
                .statusCode(200).body("status", equalTo("TERMINATED"));

        String buyerText = "Muddatlar buzildi " + UUID.randomUUID();
        String byBuyer = rate(buyer.member(), id, buyerText).statusCode(201).body("published", equalTo(false))
                .body("ratedId", equalTo(provider.id.toString())).extract().path("id");
        // A contract is public, its hidden ratings are not: no route, list, count or topic shows one.
        given().get(RATINGS + id).then().statusCode(200).body("", hasSize(0));
        as(provider.manager).get(RATINGS + id).then().statusCode(200).body("", hasSize(0));
        as(buyer.manager).get(RATINGS + id).then().statusCode(200).body("id", equalTo(List.of(byBuyer)));
        var stranger = market.provider("1726");
        Map<String, String> others = new HashMap<>(Map.of("supplier", provider.manager, "supplier's member", provider.member(),
                "stranger", stranger.manager, "administration", Tokens.demoUser(realmUrl, "admin1")));
        others.put("anonymous", "");
        for (var other : others.entrySet()) {
            call(other.getValue(), ALL_RATINGS + "/" + byBuyer).statusCode(404);
            for (String route : List.of(RATINGS + id, ALL_RATINGS + "/" + byBuyer, ALL_RATINGS + "?organizationId=" + provider.id,
                    ALL_RATINGS + "?organizationId=" + buyer.id)) {
                String body = call(other.getValue(), route).extract().asString();
                assertFalse(body.contains(buyerText) || (route.contains("?") && body.contains(byBuyer)), other.getKey() + " read the hidden rating at " + route + ": " + body);
                assertFalse(body.matches("(?s).*\"total\":\\s*[1-9].*"), other.getKey() + " counted the hidden rating at " + route + ": " + body);
            }
        }
        assertTrue(ratingEvents(id, Duration.ofSeconds(3)).isEmpty(), "a rating event of the contract left before publication");
        rate(stranger.manager, id, "Begona").statusCode(403).body("type", equalTo("urn:aqlli:problem:not-a-party"))
                .body("errors.field", hasItem("contractId"));
        rate(buyer.manager, id, "Yana").statusCode(409).body("type", equalTo("urn:aqlli:problem:already-rated"));

        rate(provider.manager, id, "Buyurtmachi to'xtatdi").statusCode(201).body("published", equalTo(true));
        given().get(RATINGS + id).then().statusCode(200).body("", hasSize(2)).body("[0].id", equalTo(byBuyer))
                .body("[0].dealKind", equalTo("CONTRACT")).body("[0].dealId", equalTo(id));
        given().get(ALL_RATINGS + "?organizationId=" + provider.id).then().body("total", equalTo(1)).body("items[0].dealId", equalTo(id));
        rate(buyer.manager, UUID.randomUUID().toString(), "x").statusCode(404);

        List<ConsumerRecord<String, byte[]>> events = ratingEvents(id, Duration.ofSeconds(15));
        assertEquals(1, events.size());
        String payload = new String(events.get(0).value(), StandardCharsets.UTF_8);
        assertTrue(payload.contains(buyerText) && payload.contains("BOTH_RATED"), payload);
        // what the lake and the red flags count ratings by, without joining the contract
        JsonPath event = JsonPath.from(payload);
        assertEquals("CONTRACT", event.getString("dealKind"), payload);
        assertEquals(buyer.id.toString(), event.getString("buyer.organizationId"), payload);
        assertEquals("1706", event.getString("buyer.regionCode"), payload);
        assertEquals(provider.id.toString(), event.getString("seller.organizationId"), payload);
        assertEquals("1712", event.getString("seller.regionCode"), payload);
        assertEquals("ERP", event.getString("serviceCategory"), payload);
        assertNull(event.getString("sector"), payload);
    }

    @Test
    void whenTheWindowClosesTheContractsOneRatingIsPublishedAsOfItsEnd() {
        var buyer = market.enterprise("1706");
        var provider = market.provider("1712");
        String id = signed(buyer, provider);
        step(buyer.manager, CONTRACTS + "/" + id + "/termination", Map.of("reason", "Loyiha to'xtatildi", "paidUzs", "0", "byAgreement", false))
                .statusCode(200);
        // as stored (the step's own answer has the clock's nanoseconds, the database keeps microseconds)
        String terminatedAt = as(buyer.manager).get(CONTRACTS + "/" + id).then().statusCode(200).extract().path("termination.terminatedAt");
        String rating = rate(provider.manager, id, "Kutilmaganda to'xtatildi").statusCode(201).extract().path("id");

        clock.moveAhead(Duration.ofDays(15));
        rate(buyer.manager, id, "Kech").statusCode(409).body("type", equalTo("urn:aqlli:problem:rating-window-closed"))
                .body("errors.field", hasItem("contractId"));
        Market.eventually(() -> given().get(RATINGS + id).then().body("", hasSize(1)).body("[0].id", equalTo(rating)));
        String publishedAt = given().get(ALL_RATINGS + "/" + rating).then().statusCode(200).extract().path("publishedAt");
        assertEquals(Instant.parse(terminatedAt).plus(Duration.ofDays(14)), Instant.parse(publishedAt));
        List<ConsumerRecord<String, byte[]>> events = ratingEvents(id, Duration.ofSeconds(15));
        assertEquals(1, events.size());
        assertTrue(new String(events.get(0).value(), StandardCharsets.UTF_8).contains("WINDOW_CLOSED"));
    }

    @Test
    void theAccessMatrix() {
        var buyer = market.enterprise("1706");
        var provider = market.provider("1712");
        String id = signed(buyer, provider);
        step(buyer.manager, CONTRACTS + "/" + id + "/termination", Map.of("reason", "Loyiha to'xtatildi", "paidUzs", "0", "byAgreement", false))
                .statusCode(200);
        String rating = rate(buyer.manager, id, "x").statusCode(201).extract().path("id");
        Map<String, Object> body = Map.of("quality", 4, "timeliness", 4, "communication", 4, "text", "y");
        new AccessMatrix(realmUrl)
                .expectRefusedWithBrokenTokens(Route.post(RATINGS + id, body), 401)
                .expectRefusedWithBrokenTokens(Route.get(RATINGS + id), 200)
                .expectRefusedWithBrokenTokens(Route.get(ALL_RATINGS + "/" + rating), 404)
                .expectRefusedWithBrokenTokens(Route.post(ALL_RATINGS + "/" + rating + "/response", Map.of("text", "z")), 401)
                .expect(Route.post(RATINGS + id, body), "admin1", 403)
                .expect(Route.post(RATINGS + id, body), "provider1", 403)
                .expect(Route.post(RATINGS + id, body), "enterprise2", 403)
                .expect(Route.post(RATINGS + UUID.randomUUID(), body), "enterprise2", 404)
                .expect(Route.get(RATINGS + id), "admin1", 200)
                .expect(Route.get(RATINGS + id), "provider1", 200)
                .expect(Route.get(RATINGS + UUID.randomUUID()), "enterprise2", 404)
                .expect(Route.get(ALL_RATINGS + "/" + rating), "admin1", 404)
                .expect(Route.get(ALL_RATINGS + "/" + rating), "provider1", 404)
                .expect(Route.post(ALL_RATINGS + "/" + rating + "/response", Map.of("text", "z")), "provider1", 404)
                .verify();
        // nobody outside rated: the buyer's rating is still the only one, and hidden
        as(provider.manager).get(RATINGS + id).then().body("", hasSize(0));
        as(buyer.manager).get(RATINGS + id).then().body("id", equalTo(List.of(rating)));
    }

    private String signed(Market.Org buyer, Market.Org provider) {
        RequestAwarded award = Market.award(buyer, provider, "6000000");
        market.awarded(award);
        String id = given().queryParam("requestId", award.requestId().toString()).get(CONTRACTS).then().statusCode(200)
                .extract().path("items[0].id");
        String path = CONTRACTS + "/" + id;
        step(provider.manager, path + "/plan", plan(milestone("Joriy etish", "DELIVERY", "4000000", in(10)),
                milestone("To'lov", "PAYMENT", "2000000", in(20)))).statusCode(200);
        step(buyer.manager, path + "/plan/agreement", Map.of("planVersion", 1)).statusCode(200);
        step(provider.manager, path + "/signature", Map.of("planVersion", 1)).statusCode(200);
        step(buyer.manager, path + "/signature", Map.of("planVersion", 1)).statusCode(200).body("status", equalTo("ACTIVE"));
        return id;
    }

    private static ValidatableResponse rate(String token, String contract, String text) {
        return as(token).body(Map.of("quality", 3, "timeliness", 2, "communication", 4, "text", text)).post(RATINGS + contract).then();
    }

    private static ValidatableResponse call(String token, String path) {
        return (token.isEmpty() ? given() : as(token)).get(path).then();
    }

    /** The ratings topic's records keyed by the contract, read for up to {@code wait} (until one arrives). */
    private List<ConsumerRecord<String, byte[]>> ratingEvents(String contractId, Duration wait) {
        return EventTopics.all(kafka, Topic.RATINGS.topicName(), wait, r -> contractId.equals(r.key())).stream()
                .filter(r -> contractId.equals(r.key())).toList();
    }

    private static ValidatableResponse step(String token, String path, Object body) {
        String contract = path.substring(0, path.indexOf('/', CONTRACTS.length() + 1));
        String etag = as(token).get(contract).then().statusCode(200).extract().header("ETag");
        return as(token).header("If-Match", etag).body(body).post(path).then();
    }
}
