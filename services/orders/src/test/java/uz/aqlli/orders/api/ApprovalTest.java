package uz.aqlli.orders.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.Tokens;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static uz.aqlli.orders.api.Market.ORDERS;
import static uz.aqlli.orders.api.Market.POLICY;
import static uz.aqlli.orders.api.Market.as;
import static uz.aqlli.orders.api.ProductOrderTest.line;
import static uz.aqlli.orders.api.ProductOrderTest.order;

/** The buyer's approval threshold: a member's order above it waits, unseen by the seller, for the manager. */
@QuarkusTest
class ApprovalTest extends MarketTest {

    static Map<String, Object> threshold(Object amount) {
        var body = new HashMap<String, Object>();
        body.put("approvalThresholdUzs", amount);
        return body;
    }

    @Test
    void onlyTheManagerSetsTheThreshold() {
        var buyer = market.enterprise("1706");
        String member = buyer.member();
        as(member).get(POLICY).then().statusCode(200).body("approvalThresholdUzs", nullValue());
        as(member).body(threshold("1000000")).put(POLICY).then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:not-organization-manager"));
        buyer.as().body(threshold("-1")).put(POLICY).then().statusCode(400).body("errors[0].field", equalTo("approvalThresholdUzs"));
        buyer.as().body(threshold("1000000")).put(POLICY).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("approvalThresholdUzs", equalTo(1000000.00f)).body("currency", equalTo("UZS"));
        buyer.as().body(threshold("2000000")).put(POLICY).then().statusCode(428);
        buyer.as().header("If-Match", "\"0\"").body(threshold("2000000")).put(POLICY).then().statusCode(200);
        as(member).get(POLICY).then().statusCode(200).body("approvalThresholdUzs", equalTo(2000000.00f));
    }

    @Test
    void aMembersOrderAboveTheThresholdWaitsForTheManagerAndTheSellerSeesNothingUntilThen() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);
        buyer.as().body(threshold("100000")).put(POLICY).then().statusCode(200);
        String member = buyer.member();

        // at the threshold: placed at once
        as(member).body(order(line(product, "100"))).post(ORDERS).then().statusCode(201).body("status", equalTo("PLACED"));
        // above it: waits
        String waiting = as(member).body(order(line(product, "100.001"))).post(ORDERS).then().statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).body("placedAt", nullValue()).extract().path("id");
        // the manager's own order above it needs no approval
        buyer.as().body(order(line(product, "500"))).post(ORDERS).then().statusCode(201).body("status", equalTo("PLACED"));

        as(seller.manager).get(ORDERS + "/" + waiting).then().statusCode(404);
        // nor the seller's region's administration; the buyer's region's sees it
        String navoi = Tokens.demoUser(realmUrl, "admin-navoi");
        as(navoi).get(ORDERS + "/" + waiting).then().statusCode(404);
        as(navoi).queryParam("size", 100).get(ORDERS + "/region").then().statusCode(200).body("items.id", not(hasItem(waiting)));
        as(Tokens.demoUser(realmUrl, "admin-bukhara")).get(ORDERS + "/" + waiting).then().statusCode(200);
        as(seller.manager).queryParam("side", "SELLER").queryParam("size", 100).get(ORDERS).then().statusCode(200)
                .body("items.id", not(hasItem(waiting)));
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", ServiceOrderTest.in(3)))
                .post(ORDERS + "/" + waiting + "/confirmation").then().statusCode(404);

        as(member).header("If-Match", "\"0\"").post(ORDERS + "/" + waiting + "/approval").then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:not-organization-manager"));
        as(buyer.manager).post(ORDERS + "/" + waiting + "/approval").then().statusCode(428);
        as(buyer.manager).header("If-Match", "\"0\"").post(ORDERS + "/" + waiting + "/approval").then().statusCode(200)
                .body("status", equalTo("PLACED")).body("approvedBy", equalTo(buyer.managerId));
        as(seller.manager).get(ORDERS + "/" + waiting).then().statusCode(200).body("approvedBy", nullValue())
                .body("createdAt", nullValue()).body("placedAt", notNullValue());
        as(navoi).get(ORDERS + "/" + waiting).then().statusCode(200);
        as(seller.manager).queryParam("side", "SELLER").queryParam("size", 100).get(ORDERS).then().statusCode(200)
                .body("items.id", hasItem(waiting));
    }

    @Test
    void theManagerRejectsAndARejectedOrderNeverReachesTheSeller() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);
        buyer.as().body(threshold("0")).put(POLICY).then().statusCode(200);
        String member = buyer.member();
        String id = as(member).body(order(line(product, "1"))).post(ORDERS).then().statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).extract().path("id");
        as(buyer.manager).header("If-Match", "\"0\"").body(Map.of()).post(ORDERS + "/" + id + "/rejection").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(buyer.manager).header("If-Match", "\"0\"").body(Map.of("reason", "Byudjetda yo'q"))
                .post(ORDERS + "/" + id + "/rejection").then().statusCode(200).body("status", equalTo("REJECTED"));
        as(seller.manager).get(ORDERS + "/" + id).then().statusCode(404);
        as(buyer.manager).header("If-Match", "\"1\"").post(ORDERS + "/" + id + "/approval").then().statusCode(409);
    }

    @Test
    void aNewManagerApprovesAndTheOldOneNoLonger() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);
        buyer.as().body(threshold("10")).put(POLICY).then().statusCode(200);
        String successor = buyer.member();
        String id = as(successor).body(order(line(product, "1"))).post(ORDERS).then().statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL")).extract().path("id");
        buyer.handOverTo(successor);
        as(buyer.manager).header("If-Match", "\"0\"").post(ORDERS + "/" + id + "/approval").then().statusCode(403);
        as(successor).header("If-Match", "\"0\"").post(ORDERS + "/" + id + "/approval").then().statusCode(200)
                .body("status", equalTo("PLACED"));
    }

    @Test
    void aQuoteAboveTheThresholdIsAcceptedByTheManagerOnly() {
        var provider = market.provider("1726");
        var buyer = market.enterprise("1706");
        var offer = market.offer(provider, "FROM_PRICE", "1000000");
        buyer.as().body(threshold("2000000")).put(POLICY).then().statusCode(200);
        String member = buyer.member();
        String id = as(member).body(Map.of("offerId", offer.toString())).post(ORDERS).then().statusCode(201)
                .body("status", equalTo("PLACED")).extract().path("id");
        as(provider.manager).header("If-Match", "\"0\"").body(Map.of("amountUzs", "2500000", "deliveryDate", ServiceOrderTest.in(9)))
                .post(ORDERS + "/" + id + "/quote").then().statusCode(200);
        as(member).header("If-Match", "\"1\"").body(Map.of("amountUzs", "2500000"))
                .post(ORDERS + "/" + id + "/quote/acceptance").then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:manager-approval-required"));
        as(buyer.manager).header("If-Match", "\"1\"").body(Map.of("amountUzs", "2500000"))
                .post(ORDERS + "/" + id + "/quote/acceptance").then().statusCode(200).body("status", equalTo("CONFIRMED"));
    }
}
