package uz.aqlli.orders.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.AccessMatrix;
import uz.aqlli.platform.testing.AccessMatrix.Route;
import uz.aqlli.platform.testing.EventTopics;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.orders.api.ExactAmounts.exactly;
import static uz.aqlli.orders.api.Market.CONTRACTS;
import static uz.aqlli.orders.api.Market.as;

/**
 * From the award to a signed contract with real tokens: the supplier's plan (refused when it does
 * not add up or is due in the past), the buyer's change request and agreement, both managers'
 * signatures; a refusal; If-Match on every step; who may act; and the events.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(ExactAmounts.class)
class ContractSigningTest extends MarketTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Market.Org buyer;
    private Market.Org provider;

    private String contract(String price) {
        buyer = market.enterprise("1706");
        provider = market.provider("1726");
        RequestAwarded award = Market.award(buyer, provider, price);
        market.awarded(award);
        return given().queryParam("requestId", award.requestId().toString()).get(CONTRACTS).then().statusCode(200)
                .extract().path("items[0].id");
    }

    static String in(int days) {
        return LocalDate.now(ZoneId.of("Asia/Tashkent")).plusDays(days).toString();
    }

    static Map<String, Object> milestone(String title, String type, String amount, String due) {
        return Map.of("title", title, "type", type, "amountUzs", amount, "dueDate", due);
    }

    static Map<String, Object> plan(Map<?, ?>... milestones) {
        return Map.of("milestones", List.of(milestones));
    }

    @Test
    void planAgreementAndBothSignaturesMakeItActive() throws IOException {
        String id = contract("10000000.50");
        String path = CONTRACTS + "/" + id;

        // Does not add up: 400 naming the milestones; due yesterday: 400 naming that milestone's date.
        as(provider.manager).header("If-Match", "\"0\"").body(plan(milestone("Tahlil", "DELIVERY", "4000000", in(10)),
                        milestone("To'lov", "PAYMENT", "6000000", in(20))))
                .post(path + "/plan").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("milestones")));
        as(provider.manager).header("If-Match", "\"0\"").body(plan(milestone("Tahlil", "DELIVERY", "4000000", in(-1)),
                        milestone("To'lov", "PAYMENT", "6000000.50", in(20))))
                .post(path + "/plan").then().statusCode(400).body("errors.field", equalTo(List.of("milestones[0].dueDate")));
        as(provider.manager).header("If-Match", "\"0\"").body(plan(milestone("Tahlil", "SHIPPING", "10000000.50", in(10))))
                .post(path + "/plan").then().statusCode(400);

        // Version 1, changes asked; version 2 agreed.
        String member = provider.member();
        as(member).header("If-Match", "\"0\"").body(plan(milestone("Hammasi", "DELIVERY", "10000000.50", in(30))))
                .post(path + "/plan").then().statusCode(200).header("ETag", equalTo("\"1\"")).body("currentPlanVersion", equalTo(1));
        as(buyer.manager).header("If-Match", "\"1\"").body(Map.of("planVersion", 1, "note", "Ikki bosqichga bo'ling"))
                .post(path + "/plan/change-request").then().statusCode(200).body("plans[0].status", equalTo("CHANGES_REQUESTED"));
        as(provider.manager).header("If-Match", "\"2\"").body(plan(milestone("Tahlil va joriy etish", "DELIVERY", "4000000", in(10)),
                        milestone("Yakuniy to'lov", "PAYMENT", "6000000.50", in(20))))
                .post(path + "/plan").then().statusCode(200).body("currentPlanVersion", equalTo(2))
                .body("plans[1].milestones.amountUzs", contains(exactly("4000000.00"), exactly("6000000.50")));
        as(buyer.manager).header("If-Match", "\"3\"").body(Map.of("planVersion", 1)).post(path + "/plan/agreement")
                .then().statusCode(409);
        as(buyer.member()).header("If-Match", "\"3\"").body(Map.of("planVersion", 2)).post(path + "/plan/agreement")
                .then().statusCode(200).body("plans[1].status", equalTo("AGREED"));

        // The change note is the parties' own; the plan is public.
        given().get(path).then().statusCode(200).body("plans[0].changeNote", nullValue())
                .body("plans[1].milestones.title", equalTo(List.of("Tahlil va joriy etish", "Yakuniy to'lov")));
        as(buyer.manager).get(path).then().statusCode(200).body("plans[0].changeNote", equalTo("Ikki bosqichga bo'ling"));

        // Only a manager signs, and the version agreed.
        as(member).header("If-Match", "\"4\"").body(Map.of("planVersion", 2)).post(path + "/signature").then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:manager-signature-required"));
        as(provider.manager).header("If-Match", "\"4\"").body(Map.of("planVersion", 1)).post(path + "/signature")
                .then().statusCode(409).body("errors.field", hasItem("planVersion"));
        as(provider.manager).header("If-Match", "\"4\"").body(Map.of("planVersion", 2)).post(path + "/signature")
                .then().statusCode(200).body("status", equalTo("PENDING")).body("supplierSignedAt", notNullValue())
                .body("dateSigned", nullValue());
        as(buyer.manager).header("If-Match", "\"5\"").body(Map.of("planVersion", 2)).post(path + "/signature")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("dateSigned", notNullValue())
                .body("signedPlanVersion", equalTo(2));
        given().get(path).then().statusCode(200).body("status", equalTo("ACTIVE")).body("buyerSignedBy", nullValue());

        List<ConsumerRecord<String, byte[]>> mine = eventsOf(id, 5);
        assertEquals(List.of("ContractCreated", "MilestonePlanProposed", "MilestonePlanProposed", "ContractSigned", "ContractSigned"),
                mine.stream().map(record -> EventTopics.header(record, "ce_type")).toList());
        JsonNode proposed = JSON.readTree(mine.get(2).value());
        assertEquals(2, proposed.get("planVersion").asInt());
        assertEquals("PAYMENT", proposed.get("milestones").get(1).get("type").asText());
        assertEquals(0, proposed.get("milestones").get(1).get("amountUzs").decimalValue().compareTo(new java.math.BigDecimal("6000000.50")));
        assertEquals(in(20), proposed.get("milestones").get(1).get("dueDate").asText());
        assertTrue(!proposed.toString().contains("Ikki bosqich"), "the change note stays out of the events");
        JsonNode first = JSON.readTree(mine.get(3).value());
        assertEquals("SUPPLIER", first.get("side").asText());
        assertTrue(first.get("dateSigned").isNull());
        JsonNode second = JSON.readTree(mine.get(4).value());
        assertEquals("BUYER", second.get("side").asText());
        assertEquals("ACTIVE", second.get("contract").get("status").asText());
        assertEquals("1726", second.get("contract").get("supplier").get("regionCode").asText());
        assertTrue(!second.get("dateSigned").isNull());
    }

    @Test
    void aManagerRefusesToSignWithAReason() throws IOException {
        String id = contract("5000000");
        String path = CONTRACTS + "/" + id;
        as(provider.manager).header("If-Match", "\"0\"").body(Map.of()).post(path + "/signing-refusal").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        as(provider.manager).header("If-Match", "\"0\"").body(Map.of("reason", "Narxlar o'zgardi"))
                .post(path + "/signing-refusal").then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("refusedBy", equalTo("SUPPLIER")).body("refusalReason", equalTo("Narxlar o'zgardi"));
        as(buyer.manager).header("If-Match", "\"1\"").body(Map.of("planVersion", 1)).post(path + "/signature").then().statusCode(409);

        List<ConsumerRecord<String, byte[]>> mine = eventsOf(id, 2);
        assertEquals("ContractSigningRefused", EventTopics.header(mine.get(1), "ce_type"));
        JsonNode refused = JSON.readTree(mine.get(1).value());
        assertEquals("SUPPLIER", refused.get("side").asText());
        assertEquals("Narxlar o'zgardi", refused.get("reason").asText());
        assertEquals("CANCELLED", refused.get("contract").get("status").asText());
    }

    @Test
    void everyStepNeedsTheCurrentVersion() {
        String id = contract("3000000");
        String path = CONTRACTS + "/" + id;
        var body = plan(milestone("Hammasi", "DELIVERY", "3000000", in(5)));
        as(provider.manager).body(body).post(path + "/plan").then().statusCode(428);
        as(provider.manager).header("If-Match", "\"7\"").body(body).post(path + "/plan").then().statusCode(412);
        as(provider.manager).body(Map.of("reason", "x")).post(path + "/signing-refusal").then().statusCode(428);
        as(provider.manager).header("If-Match", "\"0\"").body(body).post(path + "/plan").then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"0\"").body(Map.of("planVersion", 1)).post(path + "/plan/agreement")
                .then().statusCode(412);
        as(buyer.manager).body(Map.of("planVersion", 1)).post(path + "/plan/agreement").then().statusCode(428);
    }

    @Test
    void anyoneReadsItOnlyItsPartiesActOnIt() {
        String id = contract("2000000");
        String path = CONTRACTS + "/" + id;
        var stranger = market.provider("1726");
        var otherBuyer = market.enterprise("1706");
        var body = plan(milestone("Hammasi", "DELIVERY", "2000000", in(5)));

        given().get(path).then().statusCode(200).body("valueUzs", exactly("2000000.00"));
        given().get(CONTRACTS + "/" + UUID.randomUUID()).then().statusCode(404);
        given().header("If-Match", "\"0\"").contentType("application/json").body(Map.of("reason", "x"))
                .post(path + "/signing-refusal").then().statusCode(401);
        as(stranger.manager).header("If-Match", "\"0\"").body(body).post(path + "/plan").then().statusCode(403);
        as(buyer.manager).header("If-Match", "\"0\"").body(body).post(path + "/plan").then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:not-the-supplier"));
        as(otherBuyer.manager).header("If-Match", "\"0\"").body(Map.of("reason", "x")).post(path + "/signing-refusal")
                .then().statusCode(403).body("type", equalTo("urn:aqlli:problem:not-a-party"));
        as(provider.manager).header("If-Match", "\"0\"").body(body).post(path + "/plan").then().statusCode(200);
        as(provider.manager).header("If-Match", "\"1\"").body(Map.of("planVersion", 1)).post(path + "/plan/agreement")
                .then().statusCode(403).body("type", equalTo("urn:aqlli:problem:not-the-buyer"));
        as(stranger.manager).header("If-Match", "\"1\"").body(Map.of("planVersion", 1, "note", "x")).post(path + "/plan/change-request")
                .then().statusCode(403);
        given().get(path).then().statusCode(200).body("plans[0].status", equalTo("PROPOSED"));

        // Each party lists its own.
        as(provider.manager).queryParam("side", "SUPPLIER").get(CONTRACTS).then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        as(buyer.manager).get(CONTRACTS).then().statusCode(200).body("items.id", equalTo(List.of(id)));
        as(stranger.manager).queryParam("side", "SUPPLIER").get(CONTRACTS).then().statusCode(200).body("total", equalTo(0));

        // The administration reads, never acts; a broken token is refused even where none is needed; a tender's
        // contracts are public, one's own list needs a sign-in; no stranger answers a plan or signs.
        String tender = CONTRACTS + "?requestId=" + given().get(path).then().extract().path("requestId");
        var version1 = Map.of("planVersion", 1);
        new AccessMatrix(realmUrl)
                .expectRefusedWithBrokenTokens(Route.get(CONTRACTS), 401)
                .expectRefusedWithBrokenTokens(Route.get(tender), 200)
                .expectRefusedWithBrokenTokens(Route.post(path + "/plan/agreement", version1), 401)
                .expectRefusedWithBrokenTokens(Route.post(path + "/plan/change-request", Map.of("planVersion", 1, "note", "x")), 401)
                .expectRefusedWithBrokenTokens(Route.post(path + "/signing-refusal", Map.of("reason", "x")), 401)
                .expect(Route.get(CONTRACTS), "provider1", 200)
                .expect(Route.get(tender), "provider1", 200)
                .expect(Route.get(tender), "admin1", 200)
                .expect(Route.post(path + "/plan/agreement", version1), "enterprise1", 403)
                .expect(Route.post(path + "/plan/agreement", version1), "admin1", 403)
                .expect(Route.post(path + "/plan/change-request", Map.of("planVersion", 1, "note", "x")), "enterprise1", 403)
                .expect(Route.post(path + "/plan/change-request", Map.of("planVersion", 1, "note", "x")), "provider1", 403)
                .expect(Route.post(path + "/signature", version1), "enterprise1", 403)
                .expect(Route.post(path + "/signature", version1), "provider1", 403)
                .expect(Route.post(path + "/signature", version1), "admin1", 403)
                .expect(Route.post(path + "/signing-refusal", Map.of("reason", "x")), "enterprise1", 403)
                .expect(Route.post(path + "/signing-refusal", Map.of("reason", "x")), "provider1", 403)
                .expectRefusedWithBrokenTokens(Route.get(path), 200)
                .expectRefusedWithBrokenTokens(Route.post(path + "/plan", body), 401)
                .expectRefusedWithBrokenTokens(Route.post(path + "/signature", Map.of("planVersion", 1)), 401)
                .expect(Route.get(path), "admin1", 200)
                .expect(Route.post(path + "/plan", body), "admin1", 403)
                .expect(Route.post(path + "/signing-refusal", Map.of("reason", "x")), "admin1", 403)
                .verify();
        given().get(path).then().statusCode(200).body("status", equalTo("PENDING")).body("version", equalTo(1));
    }

    private List<ConsumerRecord<String, byte[]>> eventsOf(String id, int count) {
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        EventTopics.all(kafka, Topic.CONTRACTS.topicName(), Duration.ofSeconds(30), record -> {
            if (id.equals(record.key())) {
                mine.add(record);
            }
            return mine.size() == count;
        });
        assertEquals(count, mine.size(), "events of " + id);
        return mine;
    }
}
