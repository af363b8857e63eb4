package uz.aqlli.orders.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static uz.aqlli.orders.api.Market.ORDERS;
import static uz.aqlli.orders.api.Market.as;
import static uz.aqlli.orders.api.ProductOrderTest.line;
import static uz.aqlli.orders.api.ProductOrderTest.order;
import static uz.aqlli.platform.testing.InputRules.refused;

/** Bad input to orders is a 4xx problem document naming the field, never a 500 and never a half-placed order. */
@QuarkusTest
class OrderBadInputTest extends MarketTest {

    @Test
    void everyBadFieldIsNamed() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);
        String token = buyer.manager;

        refused(as(token).body(Map.of()).post(ORDERS).then(), "items");
        refused(as(token).body(Map.of("items", List.of(), "delivery", Map.of("regionCode", "1706"))).post(ORDERS).then(), "items");
        refused(as(token).body(Map.of("items", List.of(line(product, "1")), "offerId", product.toString())).post(ORDERS).then(), "offerId");
        refused(as(token).body(Map.of("items", List.of(line(product, "1")))).post(ORDERS).then(), "delivery.regionCode");
        refused(as(token).body(with(order(line(product, "1")), "delivery", Map.of("regionCode", "9999", "address", "x")))
                .post(ORDERS).then(), "delivery.regionCode");
        refused(as(token).body(with(order(line(product, "1")), "delivery", Map.of("regionCode", "1706", "districtCode", "1712201",
                "address", "x"))).post(ORDERS).then(), "delivery.districtCode");
        refused(as(token).body(with(order(line(product, "1")), "delivery", Map.of("regionCode", "1706"))).post(ORDERS).then(),
                "delivery.address");
        refused(as(token).body(with(order(line(product, "1")), "wantedBy", LocalDate.now().minusDays(2).toString()))
                .post(ORDERS).then(), "wantedBy");
        refused(as(token).body(with(order(line(product, "1")), "wantedBy", "tomorrow")).post(ORDERS).then(), "wantedBy");
        refused(as(token).body(order(line(product, "0"))).post(ORDERS).then(), "items[0].quantity");
        refused(as(token).body(order(line(product, "1.0001"))).post(ORDERS).then(), "items[0].quantity");
        refused(as(token).body(order(Map.of("quantity", "1"))).post(ORDERS).then(), "items[0].productId");
        refused(as(token).body(order(Map.of("productId", "not-a-uuid", "quantity", "1"))).post(ORDERS).then(), "items[0].productId");
        refused(as(token).body(with(order(line(product, "1")), "note", "a\u0000b")).post(ORDERS).then(), "note");
        refused(as(token).body(with(order(line(product, "1")), "note", "x".repeat(2001))).post(ORDERS).then(), "note");
        refused(as(token).header("Idempotency-Key", "has space").body(order(line(product, "1"))).post(ORDERS).then(),
                "Idempotency-Key");
        refused(as(token).body(with(order(line(product, "1")), "wantedBy", "+999999999-12-31")).post(ORDERS).then(), "wantedBy");
        refused(as(token).body(with(order(line(product, "1")), "wantedBy", LocalDate.now().plusYears(6).toString()))
                .post(ORDERS).then(), "wantedBy");
        // amounts past what an order can hold are a 400 naming the field, not a failed insert
        var gold = market.product(seller, "KILOGRAM", "9999999999999.99", "1", null);
        refused(as(token).body(order(line(gold, "9999999999.999"))).post(ORDERS).then(), "items[0].quantity");
        var bars = market.product(seller, "KILOGRAM", "999999999999.99", "1", null);
        refused(as(token).body(order(line(bars, "9000"), line(gold, "999"))).post(ORDERS).then(), "items");
        refused(as(token).queryParam("side", "BOTH").get(ORDERS).then(), "side");
        refused(as(token).queryParam("status", "DONE").get(ORDERS).then(), "status");
        refused(as(token).queryParam("size", "1000").get(ORDERS).then(), "size");

        String id = as(token).body(order(line(product, "1"))).post(ORDERS).then().statusCode(201).extract().path("id");
        refused(as(seller.manager).header("If-Match", "\"0\"").body(Map.of()).post(ORDERS + "/" + id + "/confirmation").then(),
                "deliveryDate");
        refused(as(seller.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", LocalDate.now().minusDays(1).toString()))
                .post(ORDERS + "/" + id + "/confirmation").then(), "deliveryDate");
        refused(as(seller.manager).header("If-Match", "\"0\"").body(Map.of("reason", " ")).post(ORDERS + "/" + id + "/refusal").then(),
                "reason");
        as(token).get(ORDERS + "/not-a-uuid").then().statusCode(404);
        // nothing was half-written: the one good order is the buyer's only one
        as(token).queryParam("size", 100).get(ORDERS).then().statusCode(200).body("total", equalTo(1));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        var copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
