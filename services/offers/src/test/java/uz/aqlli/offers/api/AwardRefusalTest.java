package uz.aqlli.offers.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.ContractFacts;
import uz.aqlli.platform.events.ContractSigningRefused;
import uz.aqlli.platform.events.OrderParty;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.KeycloakUsers;
import uz.aqlli.platform.testing.MovableClock;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static uz.aqlli.platform.testing.Demo.BUKHARA_TEXTILE;
import static uz.aqlli.platform.testing.Demo.SAMARKAND_IT;
import static uz.aqlli.platform.testing.Demo.TASHKENT_SOFT;

/**
 * A refusal to sign the award's contract, as orders announces it on {@code aqlli.orders.contracts}:
 * the supplier's sends the request back to the buyer's evaluation without the declining bid; the
 * buyer's leaves the request awarded; a refusal that is not from orders is a dead letter.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "offers"))
class AwardRefusalTest {

    static final String REQUESTS = "/api/offers/requests";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    MovableClock clock;

    String buyer;
    String provider1;
    String provider2;
    String provider3;
    String provider3Organization;

    @BeforeEach
    void market() {
        Standings.verified(kafka, BUKHARA_TEXTILE, "ENTERPRISE", "1706");
        Standings.verified(kafka, TASHKENT_SOFT, "PROVIDER", "1726");
        Standings.verified(kafka, SAMARKAND_IT, "PROVIDER", "1718");
        provider3Organization = UUID.randomUUID().toString();
        Standings.verified(kafka, provider3Organization, "PROVIDER", "1703");
        buyer = Tokens.demoUser(realmUrl, "enterprise1");
        provider1 = Tokens.demoUser(realmUrl, "provider1");
        provider2 = Tokens.demoUser(realmUrl, "provider2");
        provider3 = KeycloakUsers.signedInMember(realmUrl, "providers", UUID.fromString(provider3Organization));
    }

    @AfterEach
    void realTime() {
        clock.backToRealTime();
    }

    @Test
    void aSuppliersRefusalSendsTheRequestBackToTheBuyerWithoutItsBid() {
        String secret = "uchinchi-taklif-" + UUID.randomUUID();
        Tender tender = awardedTender(secret);
        String path = REQUESTS + "/" + tender.id;
        // What the award made public, to anyone: every bid's bidder and price, and the count.
        Map<String, List<Object>> publicAtAward = publicBids(path);
        assertEquals(3, publicAtAward.get("ids").size(), publicAtAward.toString());
        UUID contract = UUID.randomUUID();
        ContractSigningRefused refusal = refusal(contract, tender, "SUPPLIER", "Muddatlar bajarib bo'lmaydi");
        String eventId = UUID.randomUUID().toString();
        PlatformEvents.publishAs(kafka, Topic.CONTRACTS, eventId, refusal, Topic.CONTRACTS.source(), OffsetDateTime.now(ZoneOffset.UTC));
        Standings.awaitHandled(eventId);

        as(buyer).get(path).then().statusCode(200).body("status", equalTo("EVALUATION")).body("awardedBidId", nullValue())
                .body("bidCount", equalTo(2));
        as(buyer).get(path + "/bids").then().statusCode(200)
                .body("items.find { it.id == '" + tender.declining + "' }.status", equalTo("DECLINED_AWARD"));
        as(buyer).body(Map.of("bidId", tender.declining)).post(path + "/award").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:aqlli:problem:award-declined"))
                .body("detail", containsString(tender.declining)).body("errors.field", hasItem("bidId"));

        // Redelivered under its id, and sent again under another: the refusal applies once.
        PlatformEvents.publishAs(kafka, Topic.CONTRACTS, eventId, refusal, Topic.CONTRACTS.source(), OffsetDateTime.now(ZoneOffset.UTC));
        Standings.awaitHandled(PlatformEvents.publish(kafka, refusal));

        // Back in evaluation, what the award made public stays public (open data and integrity
        // published it): the same bids, bidders and prices for anyone, on the list and by id.
        assertEquals(publicAtAward, publicBids(path));
        given().get(path + "/bids").then().statusCode(200).body("bidCount", equalTo(2))
                .body("items.find { it.id == '" + tender.declining + "' }.status", equalTo("DECLINED_AWARD"));
        given().get(path).then().statusCode(200).body("bidCount", equalTo(2));
        for (String outsider : List.of("", provider1)) {
            String body = call(outsider, path + "/bids/" + tender.third);
            assertTrue(body.contains("29000000") && body.contains(provider3Organization), body);
        }

        // The next bid is the lowest now, and awarding it needs no reason.
        as(buyer).body(Map.of("bidId", tender.third)).post(path + "/award").then().statusCode(200)
                .body("status", equalTo("AWARDED")).body("awardedBidId", equalTo(tender.third));

        List<ConsumerRecord<String, byte[]>> events = EventTopics.all(kafka, Topic.SERVICE_REQUESTS.topicName(), Duration.ofSeconds(15),
                        r -> tender.id.equals(r.key()) && "RequestAwarded".equals(EventTopics.header(r, "ce_type"))
                                && payload(r).contains(tender.third))
                .stream().filter(r -> tender.id.equals(r.key())).toList();
        List<String> types = events.stream().map(r -> EventTopics.header(r, "ce_type")).toList();
        assertEquals(List.of("RequestPublished", "BidSubmitted", "BidSubmitted", "BidSubmitted", "BidsRevealed", "RequestAwarded",
                "RequestAwardDeclined", "RequestAwarded"), types);
        String declined = payload(events.get(6));
        assertTrue(declined.contains(tender.declining) && declined.contains(SAMARKAND_IT) && declined.contains(contract.toString())
                && declined.contains("Muddatlar bajarib bo'lmaydi"), declined);
        for (String losing : List.of(tender.first, tender.third, TASHKENT_SOFT, provider3Organization, "30000000", "29000000",
                "27500000", secret)) {
            assertFalse(declined.contains(losing), "RequestAwardDeclined carries " + losing + ": " + declined);
        }
        String second = payload(events.get(7));
        assertTrue(second.contains(provider3Organization) && second.matches("(?s).*\"bidCount\":\\s*2.*"), second);
    }

    @Test
    void aBuyersRefusalLeavesTheRequestAwardedAndOnlyOrdersMayRefuse() {
        Tender tender = awardedTender("taklif");
        String path = REQUESTS + "/" + tender.id;

        // Not from orders: a dead letter, and the award stands.
        UUID forgedContract = UUID.randomUUID();
        PlatformEvents.publish(kafka, Topic.CONTRACTS, refusal(forgedContract, tender, "SUPPLIER", "soxta"), "/aqlli/catalog",
                OffsetDateTime.now(ZoneOffset.UTC));
        EventTopics.await(kafka, Topic.OFFERS_DEAD_LETTERS.topicName(),
                        r -> forgedContract.toString().equals(r.key()) && "offers-award-refusals".equals(EventTopics.header(r, "dead-letter-consumer")),
                        Duration.ofSeconds(15))
                .orElseGet(() -> fail("a refusal from catalog was not dead-lettered"));

        Standings.awaitHandled(PlatformEvents.publish(kafka, refusal(UUID.randomUUID(), tender, "BUYER", "Byudjet qisqardi")));
        given().get(path).then().statusCode(200).body("status", equalTo("AWARDED")).body("awardedBidId", equalTo(tender.declining));
        as(buyer).body(Map.of("bidId", tender.third)).post(path + "/award").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:invalid-status-transition"));
        assertTrue(EventTopics.all(kafka, Topic.SERVICE_REQUESTS.topicName(), Duration.ofSeconds(3), r -> false).stream()
                .noneMatch(r -> tender.id.equals(r.key()) && "RequestAwardDeclined".equals(EventTopics.header(r, "ce_type"))));
    }

    /** The bids an anonymous caller reads: ids, bidders and prices, in the list's order. */
    private static Map<String, List<Object>> publicBids(String path) {
        var list = given().get(path + "/bids").then().statusCode(200).extract();
        return Map.of("ids", list.path("items.id"), "providers", list.path("items.providerId"),
                "prices", list.path("items.priceUzs"));
    }

    /** Three bids, the deadline passed, the lowest (provider2's) awarded. */
    private Tender awardedTender(String thirdProposal) {
        Instant deadline = clock.instant().plus(Duration.ofHours(1));
        String id = as(buyer).body(Map.of(
                        "category", "ERP",
                        "title", Map.of("uz-Latn", "Tikuv sexi uchun ERP"),
                        "description", Map.of("uz-Latn", "Ombor va ishlab chiqarish"),
                        "regions", List.of("1706"),
                        "deadline", deadline.toString(),
                        "criterion", "LOWEST_PRICE"))
                .post(REQUESTS).then().statusCode(201).extract().path("id");
        String path = REQUESTS + "/" + id;
        String first = bid(provider1, path, "30000000.00", "birinchi").then().statusCode(201).extract().path("id");
        String declining = bid(provider2, path, "27500000.00", "ikkinchi").then().statusCode(201).extract().path("id");
        String third = bid(provider3, path, "29000000.00", thirdProposal).then().statusCode(201).extract().path("id");
        clock.passBeyond(deadline);
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"EVALUATION".equals(given().get(path).then().extract().path("status"))) {
            if (System.nanoTime() > until) {
                fail("request " + id + " never closed");
            }
            Standings.sleep(200);
        }
        as(buyer).body(Map.of("bidId", declining)).post(path + "/award").then().statusCode(200).body("status", equalTo("AWARDED"));
        return new Tender(id, first, declining, third);
    }

    private record Tender(String id, String first, String declining, String third) {
    }

    private static ContractSigningRefused refusal(UUID contract, Tender tender, String side, String reason) {
        ContractFacts facts = new ContractFacts(contract, UUID.fromString(tender.id), UUID.fromString(tender.declining), "CANCELLED",
                new OrderParty(UUID.fromString(BUKHARA_TEXTILE), "1706", null, null, null),
                new OrderParty(UUID.fromString(SAMARKAND_IT), "1718", null, null, null), "ERP", new BigDecimal("27500000.00"), "UZS");
        return new ContractSigningRefused(facts, side, reason, Instant.now());
    }

    private static io.restassured.response.Response bid(String token, String path, String price, String proposal) {
        return as(token).body(Map.of("priceUzs", price, "durationDays", 60, "proposal", proposal)).post(path + "/bids");
    }

    private static String call(String token, String path) {
        RequestSpecification request = given();
        if (!token.isEmpty()) {
            request = request.auth().oauth2(token);
        }
        return request.get(path).asString();
    }

    private static String payload(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
