package uz.aqlli.orders.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.orders.service.AcceptanceSweep;
import uz.aqlli.orders.service.DisputeSweep;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.AccessMatrix;
import uz.aqlli.platform.testing.AccessMatrix.Route;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.MovableClock;
import uz.aqlli.platform.testing.Tokens;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static uz.aqlli.orders.api.Market.ORDERS;
import static uz.aqlli.orders.api.Market.as;
import static uz.aqlli.orders.api.ProductOrderTest.line;
import static uz.aqlli.orders.api.ProductOrderTest.order;

/**
 * Disputes over orders and subscription months on the real service: opened by either party (it
 * freezes just its subject), answered, settled by both parties' matching outcome or escalated (by a
 * party, or by the response window passing, after downtime too) and decided by the administration
 * of the buyer's region; seen only by the parties and that administration; each step an event on
 * aqlli.orders.disputes without the parties' texts.
 */
@QuarkusTest
class DisputeTest extends MarketTest {

    static final String DISPUTES = "/api/orders/disputes";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MovableClock clock;

    @Inject
    Scheduler scheduler;

    @AfterEach
    void realTime() {
        clock.backToRealTime();
        scheduler.resume(DisputeSweep.JOB);
        scheduler.resume(AcceptanceSweep.JOB);
    }

    /** Bukhara (1706) buys 5 kg at 1000 so'm from Navoi (1712); delivered, version 2. */
    private String delivered(Market.Org seller, Market.Org buyer) {
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);
        String id = buyer.as().body(order(line(product, "5"))).post(ORDERS).then().statusCode(201).extract().path("id");
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", ServiceOrderTest.in(3)))
                .post(ORDERS + "/" + id + "/confirmation").then().statusCode(200);
        as(seller.manager).header("If-Match", "\"1\"").post(ORDERS + "/" + id + "/delivery").then().statusCode(200);
        return id;
    }

    static Map<String, Object> opening(String subject, String orderId, Integer number, String reasonCode, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("orderId", orderId);
        if (number != null) {
            body.put("number", number);
        }
        body.put("reasonCode", reasonCode);
        body.put("text", text);
        return body;
    }

    private String open(String token, Map<String, Object> body) {
        return as(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(DISPUTES).then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void theBuyerOpensTheSellerRespondsAndBothSettleOnPartOfTheOrder() throws IOException {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        String order = delivered(seller, buyer);
        String key = UUID.randomUUID().toString();
        var body = opening("ORDER", order, null, "NOT_AS_AGREED", "Ichki izoh: 2 kg kam keldi");
        String member = buyer.member();
        var opened = as(member).header("Idempotency-Key", key).body(body).post(DISPUTES).then().statusCode(201)
                .header("ETag", equalTo("\"0\"")).body("status", equalTo("OPEN")).body("openedBy", equalTo("BUYER"))
                .body("subject.kind", equalTo("ORDER")).body("subject.amountUzs", equalTo(5000.00f))
                .body("responseDueAt", notNullValue()).extract();
        String id = opened.path("id");
        // a retry with the same key is the same dispute, not a second one; without one it is a second dispute, refused
        as(member).header("Idempotency-Key", key).body(body).post(DISPUTES).then().statusCode(201).body("id", equalTo(id))
                .header("Idempotent-Replayed", equalTo("true"));
        as(member).body(body).post(DISPUTES).then().statusCode(409).body("type", equalTo("urn:aqlli:problem:order-disputed"));
        String path = DISPUTES + "/" + id;
        as(buyer.manager).get(ORDERS + "/" + order).then().body("status", equalTo("DISPUTED")).body("disputeId", equalTo(id));

        // frozen: no acceptance, no cancellation, no second dispute
        as(buyer.manager).header("If-Match", "\"3\"").post(ORDERS + "/" + order + "/acceptance").then().statusCode(409);
        as(seller.manager).header("If-Match", "\"3\"").body(Map.of("reason", "x")).post(ORDERS + "/" + order + "/cancellation")
                .then().statusCode(409);
        as(seller.manager).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(opening("ORDER", order, null, "NOT_PAID", "x")).post(DISPUTES).then().statusCode(409);

        // only the other party answers; without If-Match 428, with a stale one 412
        as(buyer.manager).header("If-Match", "\"0\"").body(Map.of("text", "o'zim")).post(path + "/response").then().statusCode(403);
        as(seller.manager).body(Map.of("text", "x")).post(path + "/response").then().statusCode(428);
        as(seller.manager).header("If-Match", "\"7\"").body(Map.of("text", "x")).post(path + "/response").then().statusCode(412);
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("text", "Ichki javob: tarozi xato"))
                .post(path + "/response").then().statusCode(200).body("status", equalTo("RESPONDED"))
                .body("responseText", equalTo("Ichki javob: tarozi xato")).header("ETag", equalTo("\"1\""));

        // different outcomes do not settle it; the same one does, and it is applied to the order
        as(buyer.manager).header("If-Match", "\"1\"").body(Map.of("outcome", "PARTIAL_AMOUNT", "amountUzs", "3000"))
                .post(path + "/settlement").then().statusCode(200).body("status", equalTo("RESPONDED"))
                .body("buyerProposal.outcome", equalTo("PARTIAL_AMOUNT"));
        as(seller.manager).header("If-Match", "\"2\"").body(Map.of("outcome", "ACCEPT"))
                .post(path + "/settlement").then().statusCode(200).body("status", equalTo("RESPONDED"));
        as(seller.manager).header("If-Match", "\"3\"").body(Map.of("outcome", "PARTIAL_AMOUNT", "amountUzs", "3000.00"))
                .post(path + "/settlement").then().statusCode(200).body("status", equalTo("SETTLED"))
                .body("outcome", equalTo("PARTIAL_AMOUNT")).body("settledUzs", equalTo(3000.00f)).body("closedAt", notNullValue());
        as(buyer.manager).get(ORDERS + "/" + order).then().body("status", equalTo("COMPLETED"))
                .body("completedBy", equalTo("DISPUTE")).body("settledAmountUzs", equalTo(3000.00f))
                .body("amountUzs", equalTo(5000.00f));
        as(buyer.manager).header("If-Match", "\"4\"").body(Map.of("note", "x")).post(path + "/escalation").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:dispute-settled"));

        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        List<String> expected = List.of("DisputeOpened", "DisputeResponded", "DisputeSettled");
        EventTopics.all(kafka, Topic.DISPUTES.topicName(), Duration.ofSeconds(30), record -> {
            if (id.equals(record.key())) {
                mine.add(record);
            }
            return mine.size() == expected.size();
        });
        assertEquals(expected, mine.stream().map(record -> EventTopics.header(record, "ce_type")).toList());
        for (ConsumerRecord<String, byte[]> record : mine) {
            String raw = new String(record.value(), StandardCharsets.UTF_8);
            assertFalse(raw.contains("Ichki"), "no party's text in " + raw);
            JsonNode facts = JSON.readTree(record.value()).get("dispute");
            assertEquals("ORDER", facts.get("subjectKind").asText());
            assertEquals(order, facts.get("orderId").asText());
            assertEquals("NOT_AS_AGREED", facts.get("reasonCode").asText());
            assertEquals("BUYER", facts.get("openedBy").asText());
            assertEquals("1706", facts.get("buyer").get("regionCode").asText());
            assertEquals("TEXTILE_AND_GARMENTS", facts.get("sector").asText(), "the deal's sector, for the lake and red flags");
            assertEquals(seller.id.toString(), facts.get("seller").get("organizationId").asText());
            assertEquals(0, facts.get("subjectUzs").decimalValue().compareTo(new BigDecimal("5000")));
        }
        JsonNode settled = JSON.readTree(mine.get(2).value());
        assertEquals("PARTIAL_AMOUNT", settled.get("outcome").asText());
        assertEquals(0, settled.get("settledUzs").decimalValue().compareTo(new BigDecimal("3000")));
        assertEquals("SETTLED", settled.get("dispute").get("status").asText());
    }

    @Test
    void eitherPartyEscalatesAndTheBuyersRegionDecidesWithAWrittenReason() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        String order = delivered(seller, buyer);
        String id = open(seller.manager, opening("ORDER", order, null, "NOT_PAID", "To'lanmadi"));
        String path = DISPUTES + "/" + id;
        as(buyer.manager).header("If-Match", "\"0\"").body(Map.of("note", "Hakamga")).post(path + "/escalation").then()
                .statusCode(200).body("status", equalTo("ESCALATED")).body("escalatedBy", equalTo("BUYER"));
        // the parties no longer settle it; the seller's region does not even see it
        as(seller.manager).header("If-Match", "\"1\"").body(Map.of("outcome", "ACCEPT")).post(path + "/settlement").then()
                .statusCode(409);
        String navoi = Tokens.demoUser(realmUrl, "admin-navoi");
        as(navoi).header("If-Match", "\"1\"").body(Map.of("outcome", "ACCEPT", "reason", "x")).post(path + "/resolution")
                .then().statusCode(404);
        String bukhara = Tokens.demoUser(realmUrl, "admin-bukhara");
        as(bukhara).header("If-Match", "\"1\"").body(Map.of("outcome", "REDO")).post(path + "/resolution").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(bukhara).header("If-Match", "\"1\"").body(Map.of("outcome", "REDO", "reason", "Yetkazish qayta tekshirilsin"))
                .post(path + "/resolution").then().statusCode(200).body("status", equalTo("RESOLVED"))
                .body("outcome", equalTo("REDO")).body("decidedFor", equalTo("1706"))
                .body("resolutionReason", equalTo("Yetkazish qayta tekshirilsin")).body("settledUzs", nullValue());
        // back to the seller, who delivers again; the buyer then accepts
        as(seller.manager).get(ORDERS + "/" + order).then().body("status", equalTo("CONFIRMED"));
        String version = as(seller.manager).get(ORDERS + "/" + order).then().extract().header("ETag");
        as(seller.manager).header("If-Match", version).post(ORDERS + "/" + order + "/delivery").then().statusCode(200)
                .body("status", equalTo("DELIVERED"));

        List<String> types = new ArrayList<>();
        List<byte[]> resolved = new ArrayList<>();
        EventTopics.all(kafka, Topic.DISPUTES.topicName(), Duration.ofSeconds(30), record -> {
            if (id.equals(record.key())) {
                types.add(EventTopics.header(record, "ce_type"));
                if ("DisputeResolved".equals(EventTopics.header(record, "ce_type"))) {
                    resolved.add(record.value());
                }
            }
            return types.size() == 3;
        });
        assertEquals(List.of("DisputeOpened", "DisputeEscalated", "DisputeResolved"), types);
        // Who decided, for the lake's tamper-evident record: the deciding user, beside the region.
        try {
            JsonNode data = new ObjectMapper().readTree(resolved.get(0));
            String subject = new ObjectMapper().readTree(java.util.Base64.getUrlDecoder().decode(bukhara.split("\\.")[1])).get("sub").asText();
            assertEquals(subject, data.get("decidedByUser").asText());
            assertEquals("1706", data.get("decidedBy").asText());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anUnansweredDisputeIsEscalatedAfterDowntimeAndTheAcceptanceSweepLeavesTheOrderFrozen() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        String order = delivered(seller, buyer);
        String id = open(buyer.manager, opening("ORDER", order, null, "NOT_DELIVERED", "Kelmadi"));
        String path = DISPUTES + "/" + id;
        String due = as(buyer.manager).get(path).then().extract().path("responseDueAt");
        // the sweep is down (as the service would be) while the response window and the acceptance window run out
        scheduler.pause(DisputeSweep.JOB);
        sleepPastASweep(); // a sweep already running when the pause came ends before the clock moves
        clock.moveAhead(Duration.ofDays(20));
        sleepPastASweep();
        as(buyer.manager).get(path).then().body("status", equalTo("OPEN"));
        // the window is the rule, not the sweep: a late answer is refused though nobody has swept yet
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("text", "kech")).post(path + "/response").then()
                .statusCode(409).body("type", equalTo("urn:aqlli:problem:response-window-passed"))
                .body("errors[0].field", equalTo("text"));
        // the acceptance sweep ran all along: the disputed order is not accepted
        as(buyer.manager).get(ORDERS + "/" + order).then().body("status", equalTo("DISPUTED"));
        scheduler.resume(DisputeSweep.JOB);
        Market.eventually(() -> as(buyer.manager).get(path).then().body("status", equalTo("ESCALATED"))
                .body("escalatedBy", equalTo("RESPONSE_WINDOW")));
        // escalated as of the moment the window ended, not when the sweep came back
        as(buyer.manager).get(path).then().body("escalatedAt", equalTo(due));
        as(buyer.manager).get(ORDERS + "/" + order).then().body("status", equalTo("DISPUTED"));
    }

    @Test
    void aDisputedMonthFreezesOnlyItselfAndTheRestOfTheSubscriptionGoesOn() {
        var provider = market.provider("1726");
        var buyer = market.enterprise("1706");
        var offer = market.offer(provider, "MONTHLY_SUBSCRIPTION", "500000");
        String order = buyer.as().body(Map.of("offerId", offer.toString(), "months", 2)).post(ORDERS).then().statusCode(201)
                .extract().path("id");
        String path = ORDERS + "/" + order;
        as(provider.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", ServiceOrderTest.in(60)))
                .post(path + "/confirmation").then().statusCode(200);
        as(provider.manager).header("If-Match", "\"1\"").post(path + "/months/1/delivery").then().statusCode(200);
        String id = open(buyer.manager, opening("MONTH", order, 1, "NOT_AS_AGREED", "Tizim ishlamadi"));
        as(buyer.manager).get(DISPUTES + "/" + id).then().body("subject.number", equalTo(1))
                .body("subject.amountUzs", equalTo(500000.00f));
        // opening froze month 1 (the order's version moved on); month 2 is delivered meanwhile
        as(provider.manager).header("If-Match", "\"3\"").post(path + "/months/2/delivery").then().statusCode(200);

        // both windows pass: month 2 is accepted by its window, month 1 stays frozen, the dispute goes up
        clock.moveAhead(Duration.ofDays(15));
        Market.eventually(() -> as(buyer.manager).get(path).then()
                .body("subscriptionMonths[1].status", equalTo("ACCEPTED"))
                .body("subscriptionMonths[1].acceptedBy", equalTo("ACCEPTANCE_WINDOW")));
        as(buyer.manager).get(path).then().body("status", equalTo("CONFIRMED"))
                .body("subscriptionMonths[0].status", equalTo("DISPUTED"));
        Market.eventually(() -> as(buyer.manager).get(DISPUTES + "/" + id).then().body("status", equalTo("ESCALATED")));

        String admin = Tokens.demoUser(realmUrl, "admin1");
        as(admin).header("If-Match", "\"1\"").body(Map.of("outcome", "PARTIAL_AMOUNT", "amountUzs", "500000", "reason", "x"))
                .post(DISPUTES + "/" + id + "/resolution").then().statusCode(400).body("errors[0].field", equalTo("amountUzs"));
        as(admin).header("If-Match", "\"1\"")
                .body(Map.of("outcome", "PARTIAL_AMOUNT", "amountUzs", "250000", "reason", "Yarim oy ishladi"))
                .post(DISPUTES + "/" + id + "/resolution").then().statusCode(200).body("decidedFor", equalTo("17"));
        as(buyer.manager).get(path).then().body("status", equalTo("COMPLETED"))
                .body("subscriptionMonths[0].status", equalTo("ACCEPTED"))
                .body("subscriptionMonths[0].settledAmountUzs", equalTo(250000.00f));
    }

    /** An active contract of 3,000,000 so'm in two milestones (1,000,000 and 2,000,000), signed by both managers. */
    private String signedContract(Market.Org buyer, Market.Org supplier) {
        var award = Market.award(buyer, supplier, "3000000");
        market.awarded(award);
        String id = io.restassured.RestAssured.given().queryParam("requestId", award.requestId().toString())
                .get(Market.CONTRACTS).then().statusCode(200).extract().path("items[0].id");
        String path = Market.CONTRACTS + "/" + id;
        as(supplier.manager).header("If-Match", "\"0\"").body(ContractSigningTest.plan(
                        ContractSigningTest.milestone("O'rnatish", "DELIVERY", "1000000", ContractSigningTest.in(10)),
                        ContractSigningTest.milestone("Joriy etish", "DELIVERY", "2000000", ContractSigningTest.in(20))))
                .post(path + "/plan").then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"1\"").body(Map.of("planVersion", 1)).post(path + "/plan/agreement").then().statusCode(200);
        as(supplier.manager).header("If-Match", "\"2\"").body(Map.of("planVersion", 1)).post(path + "/signature").then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"3\"").body(Map.of("planVersion", 1)).post(path + "/signature").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        return id;
    }

    @Test
    void aContractMilestoneIsDisputedAloneAndReleasedWhenTheDisputeEnds() {
        var buyer = market.enterprise("1706");
        var supplier = market.provider("1726");
        String contract = signedContract(buyer, supplier);
        Map<String, Object> body = new HashMap<>(Map.of("subject", "MILESTONE", "contractId", contract, "number", 1,
                "reasonCode", "NOT_PAID", "text", "Avans to'lanmadi"));
        as(market.enterprise("1706").manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(DISPUTES)
                .then().statusCode(403).body("type", equalTo("urn:aqlli:problem:not-a-party"));
        String id = as(supplier.member()).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(DISPUTES).then()
                .statusCode(201).body("openedBy", equalTo("SELLER")).body("subject.kind", equalTo("MILESTONE"))
                .body("subject.contractId", equalTo(contract)).body("subject.amountUzs", equalTo(1000000.00f))
                .body("buyerRegionCode", equalTo("1706")).extract().path("id");
        // one dispute at a time on the milestone; the other milestone is free to be disputed
        as(buyer.manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(DISPUTES).then()
                .statusCode(409).body("type", equalTo("urn:aqlli:problem:milestone-under-dispute"));
        body.put("number", 3);
        as(buyer.manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(DISPUTES).then().statusCode(404);
        // the buyer's region decides, also for a contract
        as(Tokens.demoUser(realmUrl, "admin-bukhara")).get(DISPUTES + "/" + id).then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"0\"").body(Map.of("text", "To'landi, 12-noyabr")).post(DISPUTES + "/" + id + "/response")
                .then().statusCode(200);
        // a milestone not delivered has nothing to accept, part-accept or redo: only CANCEL ends it, with no amount
        for (Map<String, Object> outcome : List.<Map<String, Object>>of(Map.of("outcome", "ACCEPT"), Map.of("outcome", "REDO"),
                Map.of("outcome", "PARTIAL_AMOUNT", "amountUzs", "500000"))) {
            as(buyer.manager).header("If-Match", "\"1\"").body(outcome).post(DISPUTES + "/" + id + "/settlement")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:aqlli:problem:outcome-not-applicable")).body("errors[0].field", equalTo("outcome"));
        }
        as(buyer.manager).header("If-Match", "\"1\"").body(Map.of("outcome", "CANCEL")).post(DISPUTES + "/" + id + "/settlement")
                .then().statusCode(200);
        as(supplier.manager).header("If-Match", "\"2\"").body(Map.of("outcome", "CANCEL")).post(DISPUTES + "/" + id + "/settlement")
                .then().statusCode(200).body("status", equalTo("SETTLED")).body("subject.kind", equalTo("MILESTONE"))
                .body("settledUzs", nullValue());
        as(buyer.manager).get(Market.CONTRACTS + "/" + contract).then()
                .body("milestones[0].status", equalTo("SCHEDULED")).body("milestones[0].disputeId", nullValue());
        // released: a new dispute over it may be opened again
        body.put("number", 1);
        as(buyer.manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(DISPUTES).then().statusCode(201);

        // a delivered milestone takes the outcome through the contract's own steps, the frozen time not counted
        String path = Market.CONTRACTS + "/" + contract;
        as(supplier.manager).header("If-Match", as(supplier.manager).get(path).then().extract().header("ETag"))
                .body(Map.of("note", "O'rnatildi")).post(path + "/milestones/2/delivery").then().statusCode(200);
        Map<String, Object> second2 = new HashMap<>(Map.of("subject", "MILESTONE", "contractId", contract, "number", 2,
                "reasonCode", "NOT_AS_AGREED", "text", "Faqat 3 sex ulandi"));
        // If-Match names the contract's version the party saw: a stale one is refused and freezes nothing
        String tag = as(buyer.manager).get(path).then().extract().header("ETag");
        as(buyer.manager).header("Idempotency-Key", UUID.randomUUID().toString()).header("If-Match", "\"0\"").body(second2)
                .post(DISPUTES).then().statusCode(412);
        String second = as(buyer.manager).header("Idempotency-Key", UUID.randomUUID().toString()).header("If-Match", tag)
                .body(second2).post(DISPUTES).then().statusCode(201).extract().path("id");
        as(buyer.manager).get(path).then().body("milestones[1].disputeId", equalTo(second))
                .body("milestones[0].disputeId", notNullValue());
        as(buyer.manager).header("If-Match", as(buyer.manager).get(path).then().extract().header("ETag"))
                .body(Map.of()).post(path + "/milestones/2/acceptance").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:milestone-under-dispute"));
        clock.moveAhead(Duration.ofDays(16)); // past the acceptance window: the sweep does not accept it, nor does the outcome fail
        sleepPastASweep();
        as(buyer.manager).get(path).then().body("milestones[1].status", equalTo("DELIVERED"));
        // nobody answered in the 5 days: the dispute sweep escalated it meanwhile
        Market.eventually(() -> as(buyer.manager).get(DISPUTES + "/" + second).then().body("status", equalTo("ESCALATED"))
                .body("escalatedBy", equalTo("RESPONSE_WINDOW")).body("version", equalTo(1)));
        // released as it was, it would be accepted by the next sweep as of a moment inside the dispute: refused
        as(Tokens.demoUser(realmUrl, "admin-bukhara")).header("If-Match", "\"1\"")
                .body(Map.of("outcome", "CANCEL", "reason", "Kelishdilar"))
                .post(DISPUTES + "/" + second + "/resolution").then().statusCode(409).body("errors[0].field", equalTo("outcome"));
        sleepPastASweep();
        as(buyer.manager).get(path).then().body("milestones[1].status", equalTo("DELIVERED"))
                .body("milestones[1].disputeId", equalTo(second));
        as(Tokens.demoUser(realmUrl, "admin-bukhara")).header("If-Match", "\"1\"")
                .body(Map.of("outcome", "PARTIAL_AMOUNT", "amountUzs", "1500000", "reason", "3 sexdan 2 tasi ulandi"))
                .post(DISPUTES + "/" + second + "/resolution").then().statusCode(200).body("status", equalTo("RESOLVED"));
        as(buyer.manager).get(path).then().body("milestones[1].status", equalTo("PARTIALLY_MET"))
                .body("milestones[1].acceptedAmountUzs", equalTo(1500000.00f)).body("milestones[1].disputeId", nullValue());
    }

    @Test
    void aDisputeThatOutlivesItsContractEndsByCancelAndKeepsTheMilestoneHeld() {
        var buyer = market.enterprise("1706");
        var supplier = market.provider("1726");
        String contract = signedContract(buyer, supplier);
        String path = Market.CONTRACTS + "/" + contract;
        String id = open(supplier.manager, new HashMap<>(Map.of("subject", "MILESTONE", "contractId", contract, "number", 1,
                "reasonCode", "NOT_PAID", "text", "Avans to'lanmadi")));
        as(buyer.manager).header("If-Match", as(buyer.manager).get(path).then().extract().header("ETag"))
                .body(Map.of("reason", "Loyiha to'xtatildi", "paidUzs", "0")).post(path + "/termination").then().statusCode(200)
                .body("status", equalTo("TERMINATED"));
        as(buyer.manager).header("If-Match", "\"0\"").body(Map.of("text", "Shartnoma tugadi")).post(DISPUTES + "/" + id + "/response")
                .then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"1\"").body(Map.of("outcome", "ACCEPT")).post(DISPUTES + "/" + id + "/settlement")
                .then().statusCode(409).body("errors[0].field", equalTo("outcome"));
        as(buyer.manager).header("If-Match", "\"1\"").body(Map.of("outcome", "CANCEL")).post(DISPUTES + "/" + id + "/settlement")
                .then().statusCode(200);
        as(supplier.manager).header("If-Match", "\"2\"").body(Map.of("outcome", "CANCEL")).post(DISPUTES + "/" + id + "/settlement")
                .then().statusCode(200).body("status", equalTo("SETTLED"));
        // a terminated contract's milestone is not released into a state that would look open to steps
        as(buyer.manager).get(path).then().body("status", equalTo("TERMINATED")).body("milestones[0].disputeId", equalTo(id));
    }

    @Test
    void aDisputeIsSeenOnlyByItsPartiesAndTheBuyersRegionsAdministration() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var stranger = market.enterprise("1706");
        String order = delivered(seller, buyer);
        String id = open(buyer.manager, opening("ORDER", order, null, "LATE", "Kechikdi"));
        String path = DISPUTES + "/" + id;
        for (String reader : new String[]{buyer.manager, buyer.member(), seller.manager, seller.member()}) {
            as(reader).get(path).then().statusCode(200).body("text", equalTo("Kechikdi"));
        }
        for (String outsider : new String[]{stranger.manager, KeycloakUsersHolder.samarkand(realmUrl)}) {
            as(outsider).get(path).then().statusCode(404).contentType("application/problem+json");
            as(outsider).header("If-Match", "\"0\"").body(Map.of("text", "x")).post(path + "/response").then()
                    .statusCode(outsider.equals(stranger.manager) ? 404 : 403);
        }
        // the seller's region's administration sees the order, not the dispute
        String navoi = Tokens.demoUser(realmUrl, "admin-navoi");
        as(navoi).get(ORDERS + "/" + order).then().statusCode(200).body("reason", nullValue());
        as(stranger.manager).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(opening("ORDER", order, null, "OTHER", "x")).post(DISPUTES).then().statusCode(404);
        // lists: the parties' and the deciding administration's, nobody else's
        as(seller.manager).queryParam("size", 100).get(DISPUTES).then().statusCode(200).body("items.id", hasItem(id));
        as(stranger.manager).queryParam("size", 100).get(DISPUTES).then().statusCode(200).body("items.id", not(hasItem(id)));
        as(navoi).queryParam("size", 100).get(DISPUTES).then().statusCode(200).body("items.id", not(hasItem(id)));
        as(Tokens.demoUser(realmUrl, "admin-bukhara")).queryParam("size", 100).get(DISPUTES).then().statusCode(200)
                .body("items.id", hasItem(id));

        var resolution = Map.of("outcome", "ACCEPT", "reason", "x");
        new AccessMatrix(realmUrl)
                .expect(Route.get(path), "admin-bukhara", 200)
                .expect(Route.get(path), "admin1", 200)
                .expect(Route.get(path), "admin-navoi", 404)
                .expect(Route.get(path), "enterprise1", 404)
                .expect(Route.get(path), "provider1", 404)
                .expect(Route.post(path + "/response", Map.of("text", "x")), "enterprise1", 404)
                .expect(Route.post(path + "/settlement", Map.of("outcome", "ACCEPT")), "provider1", 404)
                .expect(Route.post(path + "/escalation", Map.of()), "enterprise1", 404)
                .expect(Route.post(path + "/response", Map.of("text", "x")), "admin-bukhara", 403)
                .expect(Route.post(path + "/resolution", resolution), "admin-navoi", 404)
                .expect(Route.post(path + "/resolution", resolution), "enterprise1", 403)
                .expect(Route.post(DISPUTES, opening("ORDER", order, null, "OTHER", "x")), "admin1", 403)
                .expect(Route.post(DISPUTES, opening("ORDER", order, null, "OTHER", "x")), "enterprise1", 404)
                .expectRefusedWithBrokenTokens(Route.get(path), 401)
                .expectRefusedWithBrokenTokens(Route.post(DISPUTES, opening("ORDER", order, null, "OTHER", "x")), 401)
                .verify();
        // nothing of that changed it
        as(buyer.manager).get(path).then().body("status", equalTo("OPEN")).body("version", equalTo(0));
    }

    @Test
    void documentsOfEachStepAreSeenByThePartiesAndTheDecidingAdministrationAndOnNoEvent() throws IOException {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        String order = delivered(seller, buyer);
        String act = "https://hujjat.example.uz/ichki/dalolatnoma-1.pdf";
        String tooLong = "https://hujjat.example.uz/" + "a".repeat(475);
        record Case(List<String> documents, String field) {
        }
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(act + "?" + i);
        }
        for (Case bad : List.of(
                new Case(List.of("http://hujjat.example.uz/ichki/a.pdf"), "documents[0]"),
                new Case(List.of(act, tooLong), "documents[1]"),
                new Case(List.of(act, "ftp://x"), "documents[1]"),
                new Case(eleven, "documents"))) {
            var body = opening("ORDER", order, null, "NOT_AS_AGREED", "x");
            body.put("documents", bad.documents());
            as(buyer.manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(DISPUTES).then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(bad.field()));
        }
        as(buyer.manager).get(ORDERS + "/" + order).then().body("status", equalTo("DELIVERED"));

        var body = opening("ORDER", order, null, "NOT_AS_AGREED", "2 kg kam");
        body.put("documents", List.of(act, "https://hujjat.example.uz/ichki/foto.jpg"));
        String id = open(buyer.manager, body);
        String path = DISPUTES + "/" + id;
        String answer = "https://hujjat.example.uz/ichki/tarozi-guvohnomasi.pdf";
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("text", "javob", "documents", List.of("http://x.uz/a")))
                .post(path + "/response").then().statusCode(400).body("errors[0].field", equalTo("documents[0]"));
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("text", "javob", "documents", List.of(answer)))
                .post(path + "/response").then().statusCode(200).body("responseDocuments", equalTo(List.of(answer)));
        as(seller.manager).header("If-Match", "\"1\"").body(Map.of("note", "Hakamga")).post(path + "/escalation").then()
                .statusCode(200);
        String bukhara = Tokens.demoUser(realmUrl, "admin-bukhara");
        String decision = "https://hujjat.example.uz/ichki/qaror.pdf";
        as(bukhara).header("If-Match", "\"2\"").body(Map.of("outcome", "REDO", "reason", "Qayta", "documents", List.of(tooLong)))
                .post(path + "/resolution").then().statusCode(400).body("errors[0].field", equalTo("documents[0]"));
        as(bukhara).header("If-Match", "\"2\"").body(Map.of("outcome", "REDO", "reason", "Qayta", "documents", List.of(decision)))
                .post(path + "/resolution").then().statusCode(200).body("status", equalTo("RESOLVED"));

        for (String reader : List.of(buyer.member(), seller.manager, bukhara)) {
            as(reader).get(path).then().statusCode(200)
                    .body("documents", equalTo(List.of(act, "https://hujjat.example.uz/ichki/foto.jpg")))
                    .body("responseDocuments", equalTo(List.of(answer)))
                    .body("resolutionDocuments", equalTo(List.of(decision)));
        }
        as(Tokens.demoUser(realmUrl, "admin-navoi")).get(path).then().statusCode(404);

        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        EventTopics.all(kafka, Topic.DISPUTES.topicName(), Duration.ofSeconds(30), record -> {
            if (id.equals(record.key())) {
                mine.add(record);
            }
            return mine.size() == 4;
        });
        assertEquals(4, mine.size());
        for (ConsumerRecord<String, byte[]> record : mine) {
            String raw = new String(record.value(), StandardCharsets.UTF_8);
            assertFalse(raw.contains("hujjat") || raw.contains("ocuments"), "no document of a dispute in " + raw);
        }
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        String order = delivered(seller, buyer);
        record Case(Map<String, Object> body, String field) {
        }
        Map<String, Object> noOrder = opening("ORDER", null, null, "LATE", "x");
        for (Case bad : List.of(
                new Case(opening("ORDER", order, null, "TOO_EXPENSIVE", "x"), "reasonCode"),
                new Case(opening("ORDER", order, null, null, "x"), "reasonCode"),
                new Case(opening("ORDER", order, null, "LATE", " "), "text"),
                new Case(opening("INVOICE", order, null, "LATE", "x"), "subject"),
                new Case(opening("MONTH", order, null, "LATE", "x"), "number"),
                new Case(opening("ORDER", order, 2, "LATE", "x"), "number"),
                new Case(noOrder, "orderId"))) {
            as(buyer.manager).header("Idempotency-Key", UUID.randomUUID().toString()).body(bad.body()).post(DISPUTES).then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(bad.field()));
        }
        as(buyer.manager).get(ORDERS + "/" + order).then().body("status", equalTo("DELIVERED"));

        String id = open(buyer.manager, opening("ORDER", order, null, "LATE", "x"));
        String path = DISPUTES + "/" + id;
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("text", "javob")).post(path + "/response").then().statusCode(200);
        for (Case bad : List.of(
                new Case(Map.of("outcome", "REFUND"), "outcome"),
                new Case(Map.of("amountUzs", "10"), "outcome"),
                new Case(Map.of("outcome", "PARTIAL_AMOUNT"), "amountUzs"),
                new Case(Map.of("outcome", "PARTIAL_AMOUNT", "amountUzs", "5000.01"), "amountUzs"),
                new Case(Map.of("outcome", "PARTIAL_AMOUNT", "amountUzs", "0"), "amountUzs"),
                new Case(Map.of("outcome", "PARTIAL_AMOUNT", "amountUzs", "abc"), "amountUzs"),
                new Case(Map.of("outcome", "ACCEPT", "amountUzs", "10"), "amountUzs"))) {
            as(buyer.manager).header("If-Match", "\"1\"").body(bad.body()).post(path + "/settlement").then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(bad.field()));
        }
        as(buyer.manager).get(path).then().body("status", equalTo("RESPONDED")).body("version", equalTo(1));
        as(buyer.manager).get(DISPUTES + "/" + UUID.randomUUID()).then().statusCode(404);
        as(buyer.manager).queryParam("status", "WON").get(DISPUTES).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    private static void sleepPastASweep() {
        try {
            Thread.sleep(2500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An administration user of Samarkand (1718): neither party's region. */
    private static final class KeycloakUsersHolder {
        static String samarkand(String realmUrl) {
            return uz.aqlli.platform.testing.KeycloakUsers.signedInAdministrator(realmUrl, "1718");
        }
    }
}
