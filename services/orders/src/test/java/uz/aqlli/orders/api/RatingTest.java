package uz.aqlli.orders.api;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.orders.service.RatingSweep;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.orders.api.Market.ORDERS;
import static uz.aqlli.orders.api.Market.as;
import static uz.aqlli.orders.api.ProductOrderTest.line;
import static uz.aqlli.orders.api.ProductOrderTest.order;

/**
 * Double-blind ratings of completed orders with real tokens: hidden from everyone but the rater's
 * members (the counterpart, a stranger, the administration; on every route, list and topic) until
 * both have rated or the window closes, then published together; once only; only by the parties
 * of a completed order; one public response by the rated party.
 */
@QuarkusTest
class RatingTest extends MarketTest {

    static final String RATINGS = "/api/orders/ratings";

    @Inject
    MovableClock clock;

    @Inject
    Scheduler scheduler;

    @AfterEach
    void realTime() {
        clock.backToRealTime();
        scheduler.resume(RatingSweep.JOB);
    }

    @Test
    void bothRatingsArePublishedTogetherAndNothingOfEitherShowsBefore() {
        Deal deal = completed();
        String buyerText = "Ip sifatli, lekin qadoq yirtilgan " + UUID.randomUUID();
        String buyerRating = rate(deal.buyer.manager, deal.id, 4, 2, 5, buyerText).then().statusCode(201)
                .body("published", equalTo(false)).body("quality", equalTo(4)).body("text", equalTo(buyerText))
                .body("ratedId", equalTo(deal.seller.id.toString())).extract().path("id");

        // The rater's own members read it; nobody else learns a score, the text or that it exists.
        as(deal.buyer.member()).get(RATINGS + "/orders/" + deal.id).then().statusCode(200).body("id", equalTo(List.of(buyerRating)));
        var stranger = market.enterprise("1706");
        String admin = Tokens.demoUser(realmUrl, "admin1");
        Map<String, String> others = new HashMap<>(Map.of("seller", deal.seller.manager, "seller's member", deal.seller.member(),
                "stranger", stranger.manager, "administration", admin));
        others.put("anonymous", "");
        for (var other : others.entrySet()) {
            for (String route : List.of(RATINGS + "/orders/" + deal.id, RATINGS + "/" + buyerRating,
                    RATINGS + "?organizationId=" + deal.seller.id, RATINGS + "?organizationId=" + deal.buyer.id)) {
                Response response = call(other.getValue(), route);
                String body = response.asString();
                assertFalse(body.contains(buyerText), other.getKey() + " read the hidden rating at " + route + ": " + body);
                assertFalse(body.matches("(?s).*\"total\":\\s*[1-9].*"), other.getKey() + " counted the hidden rating at " + route + ": " + body);
            }
        }
        as(deal.seller.manager).get(RATINGS + "/orders/" + deal.id).then().statusCode(200).body("", hasSize(0));
        as(admin).get(RATINGS + "/orders/" + deal.id).then().statusCode(200).body("", hasSize(0));
        as(stranger.manager).get(RATINGS + "/orders/" + deal.id).then().statusCode(404);
        given().get(RATINGS + "/" + buyerRating).then().statusCode(404);
        assertTrue(ratingEvents(deal.id, Duration.ofSeconds(3)).isEmpty(), "a rating event left before publication");

        // The second rating publishes both at once.
        String sellerText = "Tez to'ladi " + UUID.randomUUID();
        String sellerRating = rate(deal.seller.member(), deal.id, 5, 5, 3, sellerText).then().statusCode(201)
                .body("published", equalTo(true)).extract().path("id");
        given().get(RATINGS + "/" + buyerRating).then().statusCode(200).body("published", equalTo(true))
                .body("timeliness", equalTo(2)).body("text", equalTo(buyerText));
        as(deal.buyer.manager).get(RATINGS + "/orders/" + deal.id).then().body("id", equalTo(List.of(buyerRating, sellerRating)));
        given().get(RATINGS + "?organizationId=" + deal.seller.id).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(buyerRating)).body("items[0].dealId", nullValue())
                .body("items[0].raterId", equalTo(deal.buyer.id.toString()));

        List<ConsumerRecord<String, byte[]>> events = ratingEvents(deal.id, Duration.ofSeconds(15));
        assertEquals(1, events.size());
        assertEquals("RatingsPublished", EventTopics.header(events.get(0), "ce_type"));
        String payload = new String(events.get(0).value(), StandardCharsets.UTF_8);
        assertTrue(payload.contains(buyerText) && payload.contains(sellerText) && payload.contains("BOTH_RATED")
                && payload.contains(buyerRating) && payload.contains(sellerRating), payload);
        assertFalse(payload.contains(deal.buyer.managerId), "the rater's user id left in the event: " + payload);
        // what the lake and the red flags count ratings by, without joining the order
        JsonPath event = JsonPath.from(payload);
        assertEquals(deal.buyer.id.toString(), event.getString("buyer.organizationId"), payload);
        assertEquals("1706", event.getString("buyer.regionCode"), payload);
        assertEquals(deal.seller.id.toString(), event.getString("seller.organizationId"), payload);
        assertEquals("1712", event.getString("seller.regionCode"), payload);
        assertEquals("1712201", event.getString("seller.districtCode"), payload);
        assertEquals("TEXTILE_AND_GARMENTS", event.getString("sector"), payload);
        assertNull(event.getString("serviceCategory"), payload);
    }

    @Test
    void whenTheWindowClosesTheOneRatingIsPublishedAsOfItsEndEvenAfterDowntime() {
        Deal deal = completed();
        String rating = rate(deal.buyer.manager, deal.id, 3, 3, 3, "O'rtacha").then().statusCode(201).extract().path("id");
        String closedAt = as(deal.buyer.manager).get(ORDERS + "/" + deal.id).then().extract().path("closedAt");
        Instant windowEnds = Instant.parse(closedAt).plus(Duration.ofDays(14));

        scheduler.pause(RatingSweep.JOB);
        sleepPastASweep(); // a sweep already running when the pause came ends before the clock moves
        clock.moveAhead(Duration.ofDays(15));
        // the window is the rule, not the sweep: past it nobody rates, though nothing has been published yet
        rate(deal.seller.manager, deal.id, 1, 1, 1, "Kech").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:rating-window-closed")).body("errors.field", hasItem("orderId"));
        sleep(2500);
        as(deal.seller.manager).get(RATINGS + "/orders/" + deal.id).then().body("", hasSize(0));

        scheduler.resume(RatingSweep.JOB);
        Market.eventually(() -> as(deal.seller.manager).get(RATINGS + "/orders/" + deal.id).then().body("", hasSize(1))
                .body("[0].id", equalTo(rating)));
        String publishedAt = given().get(RATINGS + "/" + rating).then().statusCode(200).extract().path("publishedAt");
        assertEquals(windowEnds, Instant.parse(publishedAt));
        List<ConsumerRecord<String, byte[]>> events = ratingEvents(deal.id, Duration.ofSeconds(15));
        assertEquals(1, events.size());
        String payload = new String(events.get(0).value(), StandardCharsets.UTF_8);
        assertTrue(payload.contains("WINDOW_CLOSED") && payload.contains(rating), payload);
    }

    @Test
    void aRatingIsGivenOnceOnlyByAPartyOfACompletedOrder() {
        Deal deal = completed();
        String first = rate(deal.buyer.manager, deal.id, 5, 5, 5, "A'lo").then().statusCode(201).extract().path("id");
        // once per organization, whichever member tries again, and the rating is not changed
        rate(deal.buyer.member(), deal.id, 1, 1, 1, "Yomon").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:aqlli:problem:already-rated")).body("detail", containsString(first))
                .body("errors.field", hasItem("rating"));
        as(deal.buyer.manager).get(RATINGS + "/" + first).then().body("quality", equalTo(5)).body("text", equalTo("A'lo"));

        // a stranger does not see the order; the administration sees it but is no party
        var stranger = market.enterprise("1706");
        rate(stranger.manager, deal.id, 5, 5, 5, "x").then().statusCode(404);
        rate(Tokens.demoUser(realmUrl, "admin1"), deal.id, 5, 5, 5, "x").then().statusCode(403);
        rate(deal.buyer.manager, UUID.randomUUID().toString(), 5, 5, 5, "x").then().statusCode(404);

        // no rating before the deal is done
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        String delivered = delivered(seller, buyer);
        rate(buyer.manager, delivered, 4, 4, 4, "Hali erta").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:aqlli:problem:deal-not-finished")).body("errors.field", hasItem("orderId"));
        rate(seller.manager, delivered, 4, 4, 4, "Hali erta").then().statusCode(409).body("errors.field", hasItem("orderId"));
    }

    @Test
    void theRatedPartyRespondsOnceInPublicAfterPublication() {
        Deal deal = completed();
        String aboutSeller = rate(deal.buyer.manager, deal.id, 2, 3, 4, "Kechikdi").then().statusCode(201).extract().path("id");
        // hidden, it is no one's to answer: the seller does not know it exists
        respond(deal.seller.manager, aboutSeller, "Uzr").then().statusCode(404);
        rate(deal.seller.manager, deal.id, 5, 5, 5, "Yaxshi xaridor").then().statusCode(201);

        respond(deal.buyer.manager, aboutSeller, "O'zimga javob").then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:not-the-rated-party")).body("errors.field", hasItem("id"));
        respond(deal.seller.member(), aboutSeller, "Transport kechikdi, uzr so'raymiz").then().statusCode(200)
                .body("response", equalTo("Transport kechikdi, uzr so'raymiz"));
        respond(deal.seller.manager, aboutSeller, "Yana bir bor").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:already-responded")).body("detail", containsString(aboutSeller))
                .body("errors.field", hasItem("response"));
        given().get(RATINGS + "/" + aboutSeller).then().statusCode(200).body("response", equalTo("Transport kechikdi, uzr so'raymiz"));
        given().get(RATINGS + "?organizationId=" + deal.seller.id).then().body("items[0].response", equalTo("Transport kechikdi, uzr so'raymiz"));
    }

    @Test
    void badScoresAndTextsAreRefusedNamingTheField() {
        Deal deal = completed();
        for (var invalid : List.of(
                Map.of("field", "quality", "body", body(0, 3, 3, "x")),
                Map.of("field", "timeliness", "body", body(3, 6, 3, "x")),
                Map.of("field", "communication", "body", Map.of("quality", 3, "timeliness", 3, "text", "x")),
                Map.of("field", "text", "body", body(3, 3, 3, " ")),
                Map.of("field", "text", "body", body(3, 3, 3, "a".repeat(2001))))) {
            as(deal.buyer.manager).body(invalid.get("body")).post(RATINGS + "/orders/" + deal.id).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(invalid.get("field")));
        }
        as(deal.buyer.manager).body("{\"quality\": \"besh\"}").post(RATINGS + "/orders/" + deal.id).then().statusCode(400)
                .contentType("application/problem+json");
        as(deal.buyer.manager).get(RATINGS + "/orders/" + deal.id).then().body("", hasSize(0));
        String rating = rate(deal.buyer.manager, deal.id, 3, 3, 3, "x").then().statusCode(201).extract().path("id");
        rate(deal.seller.manager, deal.id, 3, 3, 3, "y").then().statusCode(201);
        as(deal.seller.manager).body(Map.of("text", "")).post(RATINGS + "/" + rating + "/response").then().statusCode(400)
                .body("errors.field", hasItem("text"));
        given().get(RATINGS).then().statusCode(400).body("errors.field", hasItem("organizationId"));
    }

    @Test
    void theAccessMatrix() {
        Deal deal = completed();
        String rating = rate(deal.buyer.manager, deal.id, 3, 3, 3, "x").then().statusCode(201).extract().path("id");
        Map<String, Object> body = body(4, 4, 4, "y");
        new AccessMatrix(realmUrl)
                .expectRefusedWithBrokenTokens(Route.post(RATINGS + "/orders/" + deal.id, body), 401)
                .expectRefusedWithBrokenTokens(Route.get(RATINGS + "/orders/" + deal.id), 401)
                .expectRefusedWithBrokenTokens(Route.post(RATINGS + "/" + rating + "/response", Map.of("text", "z")), 401)
                .expectRefusedWithBrokenTokens(Route.get(RATINGS + "?organizationId=" + deal.seller.id), 200)
                .expectRefusedWithBrokenTokens(Route.get(RATINGS + "/" + rating), 404)
                .expect(Route.post(RATINGS + "/orders/" + deal.id, body), "admin1", 403)
                .expect(Route.post(RATINGS + "/orders/" + deal.id, body), "provider1", 404)
                .expect(Route.get(RATINGS + "/orders/" + deal.id), "enterprise2", 404)
                .expect(Route.get(RATINGS + "/" + rating), "admin1", 404)
                .expect(Route.get(RATINGS + "/" + rating), "provider1", 404)
                .expect(Route.post(RATINGS + "/" + rating + "/response", Map.of("text", "z")), "enterprise2", 404)
                .verify();
        as(deal.seller.manager).get(RATINGS + "/orders/" + deal.id).then().body("", hasSize(0));
    }

    private record Deal(String id, Market.Org seller, Market.Org buyer) {
    }

    /** A product order of one enterprise from another, delivered and accepted. */
    private Deal completed() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        String id = delivered(seller, buyer);
        as(buyer.manager).header("If-Match", "\"2\"").post(ORDERS + "/" + id + "/acceptance").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        return new Deal(id, seller, buyer);
    }

    private String delivered(Market.Org seller, Market.Org buyer) {
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);
        String id = buyer.as().body(order(line(product, "5"))).post(ORDERS).then().statusCode(201).extract().path("id");
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", ServiceOrderTest.in(3)))
                .post(ORDERS + "/" + id + "/confirmation").then().statusCode(200);
        as(seller.manager).header("If-Match", "\"1\"").post(ORDERS + "/" + id + "/delivery").then().statusCode(200);
        return id;
    }

    private static Map<String, Object> body(int quality, int timeliness, int communication, String text) {
        return Map.of("quality", quality, "timeliness", timeliness, "communication", communication, "text", text);
    }

    private static Response rate(String token, String orderId, int quality, int timeliness, int communication, String text) {
        return as(token).body(body(quality, timeliness, communication, text)).post(RATINGS + "/orders/" + orderId);
    }

    private static Response respond(String token, String rating, String text) {
        return as(token).body(Map.of("text", text)).post(RATINGS + "/" + rating + "/response");
    }

    private static Response call(String token, String path) {
        return token.isEmpty() ? given().get(path) : as(token).get(path);
    }

    /** The ratings topic's records keyed by the deal, read for up to {@code wait} (until one arrives). */
    private List<ConsumerRecord<String, byte[]>> ratingEvents(String dealId, Duration wait) {
        return EventTopics.all(kafka, Topic.RATINGS.topicName(), wait, r -> dealId.equals(r.key())).stream()
                .filter(r -> dealId.equals(r.key())).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepPastASweep() {
        try {
            Thread.sleep(2500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
