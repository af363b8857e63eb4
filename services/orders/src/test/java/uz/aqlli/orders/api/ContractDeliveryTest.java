package uz.aqlli.orders.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.orders.service.ContractSweep;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.AccessMatrix;
import uz.aqlli.platform.testing.AccessMatrix.Route;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.KeycloakUsers;
import uz.aqlli.platform.testing.MovableClock;
import uz.aqlli.platform.testing.Tokens;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.orders.api.ContractSigningTest.in;
import static uz.aqlli.orders.api.ContractSigningTest.milestone;
import static uz.aqlli.orders.api.ContractSigningTest.plan;
import static uz.aqlli.orders.api.ExactAmounts.exactly;
import static uz.aqlli.orders.api.Market.CONTRACTS;
import static uz.aqlli.orders.api.Market.as;

/**
 * A signed contract carried out with real tokens: deliveries, a rejection, a partial acceptance,
 * payments, an amendment and completion; termination both ways; the sweep accepting and marking
 * overdue what passed while it was down; bad input; who may do what; the events.
 */
@QuarkusTest
@org.junit.jupiter.api.extension.ExtendWith(ExactAmounts.class)
class ContractDeliveryTest extends MarketTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MovableClock clock;

    @Inject
    Scheduler scheduler;

    private Market.Org buyer;
    private Market.Org provider;

    @AfterEach
    void realTime() {
        clock.backToRealTime();
        scheduler.resume(ContractSweep.JOB);
    }

    /**
     * An active contract of 10,000,000.50 so'm between a Bukhara buyer and a Navoi provider:
     * 1 delivery of 4,000,000 (in 10 days), 2 delivery of 3,000,000 (in 20), 3 payment of 3,000,000.50 (in 30).
     */
    private String signed() {
        buyer = market.enterprise("1706");
        provider = market.provider("1712");
        RequestAwarded award = Market.award(buyer, provider, "10000000.50");
        market.awarded(award);
        String id = given().queryParam("requestId", award.requestId().toString()).get(CONTRACTS).then().statusCode(200)
                .extract().path("items[0].id");
        String path = CONTRACTS + "/" + id;
        step(provider.manager, path + "/plan", plan(milestone("Tahlil", "DELIVERY", "4000000", in(10)),
                milestone("Joriy etish", "DELIVERY", "3000000", in(20)), milestone("Yakuniy to'lov", "PAYMENT", "3000000.50", in(30))))
                .statusCode(200);
        step(buyer.manager, path + "/plan/agreement", Map.of("planVersion", 1)).statusCode(200);
        step(provider.manager, path + "/signature", Map.of("planVersion", 1)).statusCode(200);
        step(buyer.manager, path + "/signature", Map.of("planVersion", 1)).statusCode(200).body("status", equalTo("ACTIVE"));
        return id;
    }

    /** A step with the version the actor just read (If-Match), as a client would send it. */
    private static ValidatableResponse step(String token, String path, Object body) {
        String contract = path.substring(0, path.indexOf('/', CONTRACTS.length() + 1));
        String etag = as(token).get(contract).then().statusCode(200).extract().header("ETag");
        return as(token).header("If-Match", etag).body(body).post(path).then();
    }

    @Test
    void fromSignatureThroughDeliveriesPaymentsAndAnAmendmentToCompletion() throws IOException {
        String id = signed();
        String path = CONTRACTS + "/" + id;
        String m = path + "/milestones/";

        // Milestone 1: delivered with a document, rejected (scheduled again, due as before), delivered again, accepted.
        step(provider.member(), m + "1/delivery", Map.of("note", "Tahlil hisoboti", "documents",
                List.of("https://hujjat.example.uz/tahlil.pdf"))).statusCode(200)
                .body("milestones[0].status", equalTo("DELIVERED")).body("milestones[0].acceptanceDueAt", notNullValue());
        step(buyer.member(), m + "1/rejection", Map.of("reason", "Xulosa bo'limi yo'q")).statusCode(200)
                .body("milestones[0].status", equalTo("SCHEDULED")).body("milestones[0].dueDate", equalTo(in(10)))
                .body("milestones[0].rejectionReason", equalTo("Xulosa bo'limi yo'q"));
        step(provider.manager, m + "1/delivery", Map.of("note", "Xulosa qo'shildi")).statusCode(200);
        step(buyer.manager, m + "1/acceptance", Map.of()).statusCode(200)
                .body("milestones[0].status", equalTo("MET")).body("milestones[0].acceptedAmountUzs", exactly("4000000.00"))
                .body("milestones[0].acceptedAutomatically", equalTo(false));

        // Milestone 2: accepted in part.
        step(provider.manager, m + "2/delivery", Map.of()).statusCode(200);
        step(buyer.manager, m + "2/acceptance", Map.of("amountUzs", "2500000")).statusCode(200)
                .body("milestones[1].status", equalTo("PARTIALLY_MET")).body("milestones[1].acceptedAmountUzs", exactly("2500000.00"));

        // The supplier proposes a lower value, the last payment cut to match; the buyer's manager accepts it.
        Map<String, Object> amendment = Map.of("rationale", "PRICE_REDUCTION", "description", "Ikkinchi bosqich qisman bajarildi",
                "newValueUzs", "9500000.50", "milestones", List.of(Map.of("number", 3, "amountUzs", "2500000.50", "dueDate", in(45))));
        step(provider.manager, path + "/amendments", amendment).statusCode(200)
                .body("amendments[0].status", equalTo("PROPOSED")).body("valueInForceUzs", exactly("10000000.50"));
        step(provider.manager, path + "/amendments/1/acceptance", Map.of()).statusCode(403);
        step(buyer.manager, path + "/amendments/1/acceptance", Map.of()).statusCode(200)
                .body("amendments[0].status", equalTo("ACCEPTED")).body("valueUzs", exactly("10000000.50"))
                .body("valueInForceUzs", exactly("9500000.50")).body("milestones[2].amountUzs", exactly("2500000.50"))
                .body("milestones[2].plannedAmountUzs", exactly("3000000.50")).body("milestones[2].dueDate", equalTo(in(45)));

        // Payments: up to what was accepted; the payment milestone is met by its payment; then COMPLETED.
        String today = in(0);
        step(buyer.manager, m + "1/payments", Map.of("amountUzs", "4000000", "paidOn", today)).statusCode(200);
        step(buyer.manager, m + "2/payments", Map.of("amountUzs", "2500000.01", "paidOn", today)).statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("amountUzs"));
        step(buyer.manager, m + "2/payments", Map.of("amountUzs", "2500000", "paidOn", today)).statusCode(200)
                .body("status", equalTo("ACTIVE"));
        step(buyer.manager, m + "3/payments", Map.of("amountUzs", "2500000.50", "paidOn", today)).statusCode(200)
                .body("status", equalTo("COMPLETED")).body("milestones[2].status", equalTo("MET"))
                .body("paidUzs", exactly("9000000.50")).body("acceptedUzs", exactly("9000000.50")).body("completedAt", notNullValue());
        step(buyer.manager, m + "1/payments", Map.of("amountUzs", "1", "paidOn", today)).statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:contract-not-active"));

        // Public: statuses, amounts, amendments, payments, why a delivery was rejected; the delivery's note and documents only for the parties.
        given().get(path).then().statusCode(200).body("payments.size()", equalTo(3))
                .body("amendments[0].rationale", equalTo("PRICE_REDUCTION"))
                .body("milestones[0].deliveryNote", nullValue()).body("milestones[0].documents", nullValue())
                .body("milestones[0].rejectionReason", equalTo("Xulosa bo'limi yo'q"));
        as(provider.manager).get(path).then().body("milestones[0].deliveryNote", equalTo("Xulosa qo'shildi"));

        // The e-invoice of an accepted milestone, to the parties only.
        as(provider.manager).get(m + "2/e-invoice").then().statusCode(200)
                .body("ProductList.Products[0].DeliverySumWithVat", exactly("2500000.00"))
                .body("FacturaDoc.FacturaNo", equalTo("C-" + id.toUpperCase() + "-2")) // the whole id: no two contracts share it
                .body("ContractDoc.ContractNo", equalTo("C-" + id.toUpperCase()))
                .body("SellerTin", equalTo(provider.stir)).body("BuyerTin", equalTo(buyer.stir));
        as(provider.manager).get(m + "3/e-invoice").then().statusCode(200);
        as(provider.manager).get(m + "4/e-invoice").then().statusCode(404);
        as(buyer.member()).get(m + "2/e-invoice").then().statusCode(200);
        as(market.provider("1712").manager).get(m + "2/e-invoice").then().statusCode(403);
        as(Tokens.demoUser(realmUrl, "admin1")).get(m + "2/e-invoice").then().statusCode(403);

        List<ConsumerRecord<String, byte[]>> mine = eventsOf(id, 16);
        assertEquals(List.of("ContractCreated", "MilestonePlanProposed", "ContractSigned", "ContractSigned",
                        "MilestoneDelivered", "MilestoneRejected", "MilestoneDelivered", "MilestoneAccepted",
                        "MilestoneDelivered", "MilestoneAccepted", "ContractAmended",
                        "PaymentRecorded", "PaymentRecorded", "PaymentRecorded", "MilestoneAccepted", "ContractCompleted"),
                mine.stream().map(record -> EventTopics.header(record, "ce_type")).toList());
        JsonNode partial = JSON.readTree(mine.get(9).value());
        assertEquals("PARTIALLY_MET", partial.get("status").asText());
        assertEquals(0, new BigDecimal("2500000").compareTo(partial.get("acceptedAmountUzs").decimalValue()));
        assertEquals("1712", partial.get("contract").get("supplier").get("regionCode").asText());
        assertEquals("1706", partial.get("contract").get("buyer").get("regionCode").asText());
        assertEquals("ERP", partial.get("contract").get("category").asText());
        assertEquals(in(20), partial.get("milestone").get("dueDate").asText());
        JsonNode amended = JSON.readTree(mine.get(10).value());
        assertEquals("PRICE_REDUCTION", amended.get("rationale").asText());
        assertEquals(0, new BigDecimal("9500000.50").compareTo(amended.get("valueInForceUzs").decimalValue()));
        assertEquals(0, new BigDecimal("10000000.50").compareTo(amended.get("contract").get("valueUzs").decimalValue()));
        JsonNode completed = JSON.readTree(mine.get(15).value());
        assertEquals(0, new BigDecimal("10000000.50").compareTo(completed.get("awardedUzs").decimalValue()));
        assertEquals(0, new BigDecimal("9000000.50").compareTo(completed.get("acceptedUzs").decimalValue()));
        assertEquals(0, new BigDecimal("9000000.50").compareTo(completed.get("paidUzs").decimalValue()));
        assertEquals("COMPLETED", completed.get("contract").get("status").asText());
        assertTrue(!new String(mine.get(4).value(), java.nio.charset.StandardCharsets.UTF_8).contains("Tahlil hisoboti"),
                "the delivery note is the parties' own, not an event's");
        assertEquals("Xulosa bo'limi yo'q", JSON.readTree(mine.get(5).value()).get("reason").asText());
    }

    @Test
    void endedByOnePartyWithWhatWasPaidOrByAgreementAndNothingChangesAfterwards() throws IOException {
        String id = signed();
        String path = CONTRACTS + "/" + id;
        step(provider.manager, path + "/milestones/1/delivery", Map.of()).statusCode(200);
        step(buyer.manager, path + "/milestones/1/acceptance", Map.of()).statusCode(200);
        step(buyer.manager, path + "/milestones/1/payments", Map.of("amountUzs", "1000000", "paidOn", in(0))).statusCode(200);

        step(provider.manager, path + "/termination", Map.of("reason", "Mutaxassislar yo'q", "paidUzs", "0")).statusCode(409)
                .body("errors.field", hasItem("paidUzs"));
        step(provider.manager, path + "/termination", Map.of("reason", "Mutaxassislar yo'q")).statusCode(400)
                .body("errors.field", hasItem("paidUzs"));
        step(provider.member(), path + "/termination", Map.of("reason", "x", "paidUzs", "1000000")).statusCode(403);
        step(provider.manager, path + "/termination", Map.of("reason", "Mutaxassislar yo'q", "paidUzs", "1000000")).statusCode(200)
                .body("status", equalTo("TERMINATED")).body("termination.kind", equalTo("BY_ONE_PARTY"))
                .body("termination.side", equalTo("SUPPLIER")).body("termination.paidUzs", exactly("1000000.00"));
        for (var attempt : List.of(
                List.of(provider.manager, path + "/milestones/2/delivery", Map.of()),
                List.of(buyer.manager, path + "/milestones/1/payments", Map.of("amountUzs", "1", "paidOn", in(0))),
                List.of(buyer.manager, path + "/amendments", Map.of("rationale", "TAX_RATE", "description", "x", "newValueUzs", "1")),
                List.of(buyer.manager, path + "/termination", Map.of("reason", "x", "paidUzs", "1000000")))) {
            step((String) attempt.get(0), (String) attempt.get(1), attempt.get(2)).statusCode(409)
                    .body("type", equalTo("urn:aqlli:problem:contract-not-active"));
        }

        String agreed = signed();
        String other = CONTRACTS + "/" + agreed;
        step(buyer.manager, other + "/termination", Map.of("reason", "Loyiha to'xtatildi", "paidUzs", "0", "byAgreement", true))
                .statusCode(200).body("status", equalTo("ACTIVE")).body("termination.kind", equalTo("BY_AGREEMENT"))
                .body("termination.terminatedAt", nullValue());
        step(buyer.manager, other + "/termination/agreement", Map.of()).statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:not-the-other-party"));
        step(provider.member(), other + "/termination/agreement", Map.of()).statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:manager-signature-required"));
        step(provider.manager, other + "/termination/agreement", Map.of()).statusCode(200)
                .body("status", equalTo("TERMINATED")).body("termination.terminatedAt", notNullValue());

        JsonNode one = JSON.readTree(last(id, "ContractTerminated").value());
        assertEquals("BY_ONE_PARTY", one.get("kind").asText());
        assertEquals(0, new BigDecimal("1000000").compareTo(one.get("paidUzs").decimalValue()));
        assertEquals(0, new BigDecimal("4000000").compareTo(one.get("acceptedUzs").decimalValue()));
        JsonNode both = JSON.readTree(last(agreed, "ContractTerminated").value());
        assertEquals("BY_AGREEMENT", both.get("kind").asText());
        assertEquals("BUYER", both.get("side").asText());
        assertEquals("TERMINATED", both.get("contract").get("status").asText());
    }

    @Test
    void whatRanOutWhileNobodySweptIsAcceptedAsOfTheWindowsEndAndOverdueOnce() throws IOException {
        String id = signed();
        String path = CONTRACTS + "/" + id;
        step(provider.manager, path + "/milestones/1/delivery", Map.of()).statusCode(200);
        String dueAt = as(buyer.manager).get(path).then().extract().path("milestones[0].acceptanceDueAt");

        // The sweep is down (as the service would be) while the window and milestone 2's due date pass.
        scheduler.pause(ContractSweep.JOB);
        sleepPastASweep(); // a sweep already running when the pause came ends before the clock moves
        clock.moveAhead(Duration.ofDays(25));
        sleepPastASweep();
        as(buyer.manager).get(path).then().body("milestones[0].status", equalTo("DELIVERED"))
                .body("milestones[1].overdueAt", nullValue());
        // The window is the rule, not the sweep: the buyer's answer after it is refused though nobody swept yet.
        step(buyer.manager, path + "/milestones/1/rejection", Map.of("reason", "Kech")).statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:acceptance-window-passed"));

        scheduler.resume(ContractSweep.JOB);
        Market.eventually(() -> as(buyer.manager).get(path).then().body("milestones[0].status", equalTo("MET"))
                .body("milestones[0].acceptedAutomatically", equalTo(true)).body("milestones[1].overdueAt", notNullValue()));
        as(buyer.manager).get(path).then().body("milestones[0].metAt", equalTo(dueAt))
                .body("milestones[1].status", equalTo("SCHEDULED")).body("milestones[2].overdueAt", nullValue());
        sleepPastASweep();

        // Still deliverable once overdue; the event came once.
        step(provider.manager, path + "/milestones/2/delivery", Map.of()).statusCode(200).body("milestones[1].status", equalTo("DELIVERED"));
        List<ConsumerRecord<String, byte[]>> mine = eventsOf(id, 8);
        List<String> types = mine.stream().map(record -> EventTopics.header(record, "ce_type")).toList();
        assertEquals(List.of("ContractCreated", "MilestonePlanProposed", "ContractSigned", "ContractSigned", "MilestoneDelivered",
                "MilestoneAccepted", "MilestoneOverdue", "MilestoneDelivered"), types);
        JsonNode accepted = JSON.readTree(mine.get(types.indexOf("MilestoneAccepted")).value());
        assertTrue(accepted.get("automatic").asBoolean());
        assertEquals(Instant.parse(dueAt), Instant.parse(accepted.get("metAt").asText()));
        JsonNode overdue = JSON.readTree(mine.get(types.indexOf("MilestoneOverdue")).value());
        assertEquals(2, overdue.get("milestone").get("number").asInt());
        assertEquals(in(20), overdue.get("dueDate").asText());
    }

    @Test
    void aMilestoneUnderDisputeRefusesItsStepsAndTheSweepPassesItByUntilTheDisputeEnds() {
        String id = signed();
        String path = CONTRACTS + "/" + id;
        step(provider.manager, path + "/milestones/1/delivery", Map.of()).statusCode(200);
        java.util.UUID dispute = java.util.UUID.randomUUID();
        // As the disputes service does when a dispute opens (Contract.freezeMilestone in its transaction).
        onContract(id, contract -> {
            contract.freezeMilestone(1, dispute, Duration.ofDays(1), Instant.now());
            contract.freezeMilestone(2, dispute, Duration.ofDays(1), Instant.now());
        });
        clock.moveAhead(Duration.ofDays(25));
        sleepPastASweep();
        sleepPastASweep();
        as(buyer.manager).get(path).then().body("milestones[0].status", equalTo("DELIVERED"))
                .body("milestones[0].disputeId", equalTo(dispute.toString())).body("milestones[1].overdueAt", nullValue());
        // that it is disputed is public; which dispute only the parties see, as disputes are 404 to everyone else
        given().get(path).then().body("milestones[0].underDispute", equalTo(true)).body("milestones[0].disputeId", nullValue());
        step(buyer.manager, path + "/milestones/1/acceptance", Map.of()).statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:milestone-under-dispute"));

        onContract(id, contract -> {
            contract.unfreezeMilestone(1);
            contract.unfreezeMilestone(2);
        });
        Market.eventually(() -> as(buyer.manager).get(path).then().body("milestones[0].status", equalTo("MET"))
                .body("milestones[0].acceptedAutomatically", equalTo(true)).body("milestones[1].overdueAt", notNullValue()));
        given().get(path).then().body("milestones[0].underDispute", equalTo(false));
    }

    @Test
    void aDeliveryWhoseWindowPassedWhileNobodySweptCountsAsAcceptedAndIsNoLongerDisputed() {
        String id = signed();
        String path = CONTRACTS + "/" + id;
        step(provider.manager, path + "/milestones/1/delivery", Map.of()).statusCode(200);
        scheduler.pause(ContractSweep.JOB); // down past the window
        sleepPastASweep(); // a sweep already running when the pause came ends before the clock moves
        clock.moveAhead(Duration.ofDays(25));
        as(buyer.manager).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("subject", "MILESTONE", "contractId", id, "number", 1, "reasonCode", "NOT_AS_AGREED",
                        "text", "Hisobot to'liq emas"))
                .post("/api/orders/disputes").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:aqlli:problem:acceptance-window-passed"));
        as(buyer.manager).get(path).then().body("milestones[0].status", equalTo("DELIVERED"))
                .body("milestones[0].underDispute", equalTo(false));
        scheduler.resume(ContractSweep.JOB);
        Market.eventually(() -> given().get(path).then().body("milestones[0].status", equalTo("MET"))
                .body("milestones[0].acceptedAutomatically", equalTo(true)));
    }

    private static void onContract(String id, java.util.function.Consumer<uz.aqlli.orders.Contract> change) {
        var contracts = io.quarkus.arc.Arc.container().instance(uz.aqlli.orders.repository.ContractRepository.class).get();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> change.accept(contracts.findById(java.util.UUID.fromString(id))));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndOnlyTheRightSideActs() {
        String id = signed();
        String path = CONTRACTS + "/" + id;
        String m = path + "/milestones/";
        var stranger = market.provider("1712");

        step(provider.manager, m + "9/delivery", Map.of()).statusCode(404).contentType("application/problem+json");
        step(provider.manager, m + "1/delivery", Map.of("documents", List.of("http://hujjat.uz/a.pdf"))).statusCode(400)
                .body("errors.field", equalTo(List.of("documents[0]")));
        step(buyer.manager, m + "1/delivery", Map.of()).statusCode(403).body("type", equalTo("urn:aqlli:problem:not-the-supplier"));
        step(stranger.manager, m + "1/delivery", Map.of()).statusCode(403);
        as(provider.manager).body(Map.of()).post(m + "1/delivery").then().statusCode(428);
        step(provider.manager, m + "1/acceptance", Map.of()).statusCode(403).body("type", equalTo("urn:aqlli:problem:not-the-buyer"));
        step(buyer.manager, m + "1/acceptance", Map.of()).statusCode(409).body("type", equalTo("urn:aqlli:problem:milestone-not-delivered"));
        step(provider.manager, m + "3/delivery", Map.of()).statusCode(409).body("type", equalTo("urn:aqlli:problem:payment-milestone"));
        step(provider.manager, m + "1/delivery", Map.of()).statusCode(200);
        step(buyer.manager, m + "1/acceptance", Map.of("amountUzs", "4000000")).statusCode(400)
                .body("errors.field", equalTo(List.of("amountUzs")));
        step(buyer.manager, m + "1/acceptance", Map.of("amountUzs", "-1")).statusCode(400).body("errors.field", hasItem("amountUzs"));
        step(buyer.manager, m + "1/rejection", Map.of()).statusCode(400).body("errors.field", hasItem("reason"));
        step(buyer.manager, m + "1/payments", Map.of("amountUzs", "1", "paidOn", in(0))).statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:milestone-not-accepted"));
        step(buyer.manager, m + "1/acceptance", Map.of("amountUzs", "3999999.99")).statusCode(200);
        step(buyer.manager, m + "1/payments", Map.of("amountUzs", "1", "paidOn", in(-1))).statusCode(400)
                .body("errors.field", equalTo(List.of("paidOn")));
        step(buyer.manager, m + "1/payments", Map.of("amountUzs", "1", "paidOn", in(1))).statusCode(400)
                .body("errors.field", equalTo(List.of("paidOn")));
        step(buyer.manager, m + "1/payments", Map.of("amountUzs", "4000000", "paidOn", in(0))).statusCode(409)
                .body("errors.field", equalTo(List.of("amountUzs")));
        step(buyer.manager, m + "1/payments", Map.of("paidOn", in(0))).statusCode(400).body("errors.field", hasItem("amountUzs"));
        step(provider.manager, m + "1/payments", Map.of("amountUzs", "1", "paidOn", in(0))).statusCode(403);
        Map<String, Object> amendment = new HashMap<>(Map.of("rationale", "SOMETHING", "description", "x", "newValueUzs", "1"));
        step(buyer.manager, path + "/amendments", amendment).statusCode(400);
        amendment.put("rationale", "DURATION_EXTENSION");
        step(buyer.manager, path + "/amendments", amendment).statusCode(400).body("errors.field", equalTo(List.of("milestones")));
        step(buyer.manager, path + "/amendments", Map.of("rationale", "DURATION_EXTENSION", "description", "x",
                "milestones", List.of(Map.of("number", 2, "dueDate", in(-1))))).statusCode(400)
                .body("errors.field", equalTo(List.of("milestones[0].dueDate")));
        step(buyer.manager, path + "/amendments/5/acceptance", Map.of()).statusCode(404);
        given().get(path).then().statusCode(200).body("amendments.size()", equalTo(0)).body("payments.size()", equalTo(0));
    }

    @Test
    void theAdministrationSeesItsRegionsContractsAndActsOnNone() {
        String id = signed();
        String path = CONTRACTS + "/" + id;
        String m = path + "/milestones/1";
        String samarkand = KeycloakUsers.signedInAdministrator(realmUrl, "1718");
        as(Tokens.demoUser(realmUrl, "admin-navoi")).queryParam("size", 100).get(CONTRACTS + "/region").then().statusCode(200)
                .body("items.id", hasItem(id));
        as(Tokens.demoUser(realmUrl, "admin-bukhara")).queryParam("status", "ACTIVE").queryParam("size", 100)
                .get(CONTRACTS + "/region").then().statusCode(200).body("items.id", hasItem(id));
        as(Tokens.demoUser(realmUrl, "admin1")).queryParam("regionCode", "1712").queryParam("size", 100)
                .get(CONTRACTS + "/region").then().statusCode(200).body("items.id", hasItem(id));
        as(samarkand).queryParam("size", 100).get(CONTRACTS + "/region").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(samarkand).queryParam("regionCode", "1706").get(CONTRACTS + "/region").then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:outside-your-region"));
        as(buyer.manager).get(CONTRACTS + "/region").then().statusCode(403);
        as(Tokens.demoUser(realmUrl, "admin1")).queryParam("regionCode", "17x").get(CONTRACTS + "/region").then().statusCode(400);

        Map<String, Object> payment = Map.of("amountUzs", "1", "paidOn", in(0));
        Map<String, Object> ending = Map.of("reason", "x", "paidUzs", "0");
        Map<String, Object> amendment = Map.of("rationale", "TAX_RATE", "description", "x", "newValueUzs", "1");
        new AccessMatrix(realmUrl)
                .expectRefusedWithBrokenTokens(Route.get(CONTRACTS + "/region"), 401)
                .expectRefusedWithBrokenTokens(Route.post(m + "/delivery", Map.of()), 401)
                .expectRefusedWithBrokenTokens(Route.post(m + "/acceptance", Map.of()), 401)
                .expectRefusedWithBrokenTokens(Route.post(m + "/rejection", Map.of("reason", "x")), 401)
                .expectRefusedWithBrokenTokens(Route.post(m + "/payments", payment), 401)
                .expectRefusedWithBrokenTokens(Route.get(m + "/e-invoice"), 401)
                .expectRefusedWithBrokenTokens(Route.post(path + "/amendments", amendment), 401)
                .expectRefusedWithBrokenTokens(Route.post(path + "/amendments/1/acceptance", Map.of()), 401)
                .expectRefusedWithBrokenTokens(Route.post(path + "/amendments/1/refusal", Map.of()), 401)
                .expectRefusedWithBrokenTokens(Route.post(path + "/termination", ending), 401)
                .expectRefusedWithBrokenTokens(Route.post(path + "/termination/agreement", Map.of()), 401)
                .expect(Route.get(CONTRACTS + "/region"), "admin1", 200)
                .expect(Route.get(CONTRACTS + "/region"), "enterprise1", 403)
                .expect(Route.get(CONTRACTS + "/region"), "provider1", 403)
                .expect(Route.post(m + "/delivery", Map.of()), "admin1", 403)
                .expect(Route.post(m + "/delivery", Map.of()), "provider1", 403)
                .expect(Route.post(m + "/acceptance", Map.of()), "enterprise1", 403)
                .expect(Route.post(m + "/rejection", Map.of("reason", "x")), "admin1", 403)
                .expect(Route.post(m + "/payments", payment), "admin1", 403)
                .expect(Route.post(m + "/payments", payment), "enterprise1", 403)
                .expect(Route.get(m + "/e-invoice"), "admin1", 403)
                .expect(Route.get(m + "/e-invoice"), "enterprise1", 403)
                .expect(Route.post(path + "/amendments", amendment), "admin1", 403)
                .expect(Route.post(path + "/amendments", amendment), "provider1", 403)
                .expect(Route.post(path + "/amendments/1/acceptance", Map.of()), "enterprise1", 403)
                .expect(Route.post(path + "/amendments/1/refusal", Map.of()), "admin1", 403)
                .expect(Route.post(path + "/termination", ending), "admin1", 403)
                .expect(Route.post(path + "/termination", ending), "enterprise1", 403)
                .expect(Route.post(path + "/termination/agreement", Map.of()), "provider1", 403)
                .verify();
        given().get(path).then().statusCode(200).body("status", equalTo("ACTIVE")).body("milestones[0].status", equalTo("SCHEDULED"));
    }

    private List<ConsumerRecord<String, byte[]>> eventsOf(String id, int atMost) {
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        EventTopics.all(kafka, Topic.CONTRACTS.topicName(), Duration.ofSeconds(20), record -> {
            if (id.equals(record.key())) {
                mine.add(record);
            }
            return mine.size() == atMost;
        });
        return mine;
    }

    private ConsumerRecord<String, byte[]> last(String id, String type) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        EventTopics.all(kafka, Topic.CONTRACTS.topicName(), Duration.ofSeconds(20), record -> {
            if (id.equals(record.key()) && type.equals(EventTopics.header(record, "ce_type"))) {
                found.add(record);
            }
            return !found.isEmpty();
        });
        assertEquals(1, found.size(), type + " of " + id);
        return found.get(0);
    }

    private static void sleepPastASweep() {
        try {
            Thread.sleep(2500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
