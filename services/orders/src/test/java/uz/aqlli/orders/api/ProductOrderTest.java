package uz.aqlli.orders.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static uz.aqlli.orders.api.Market.ORDERS;
import static uz.aqlli.orders.api.Market.as;
import static uz.aqlli.orders.api.Market.tier;

/**
 * Orders of catalogue products with real tokens for buyer, seller and a third organization: priced by
 * the server from orders' copy of the catalogue, through every step of the lifecycle.
 */
@QuarkusTest
class ProductOrderTest extends MarketTest {

    static Map<String, Object> order(Object... lines) {
        return Map.of("items", List.of(lines), "delivery", Map.of("regionCode", "1706", "districtCode", "1706204",
                "address", "Buxoro sh., Sanoat ko'chasi 3"), "wantedBy", LocalDate.now().plusDays(20).toString(), "note", "Tez kerak");
    }

    static Map<String, Object> line(Object productId, String quantity) {
        return Map.of("productId", productId.toString(), "quantity", quantity);
    }

    @Test
    void aProductOrderGoesFromPlacedToCompletedWithEachSideDoingItsOwnSteps() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var third = market.provider("1726");
        var product = market.product(seller, "KILOGRAM", "47000", "100", "10101001001000000",
                tier("500", "44500"), tier("1000", "41000"));

        Response placed = buyer.as().body(order(line(product, "500"))).post(ORDERS);
        placed.then().statusCode(201).header("ETag", equalTo("\"0\"")).header("Location", containsString(ORDERS + "/"))
                .body("status", equalTo("PLACED"))
                .body("orderNumber", containsString("AE-"))
                .body("buyer.organizationId", equalTo(buyer.id.toString()))
                .body("seller.organizationId", equalTo(seller.id.toString()))
                .body("seller.legalName", equalTo(seller.legalName))
                .body("items[0].unitPriceUzs", equalTo(44500.00f))
                .body("items[0].amountUzs", equalTo(22250000.00f))
                .body("items[0].currency", equalTo("UZS"))
                .body("amountUzs", equalTo(22250000.00f)).body("currency", equalTo("UZS"))
                .body("placedBy", equalTo(buyer.managerId));
        String id = placed.path("id");

        // The third organization does not learn the order exists; the seller sees it without who of the buyer placed it.
        as(third.manager).get(ORDERS + "/" + id).then().statusCode(404);
        as(seller.manager).get(ORDERS + "/" + id).then().statusCode(200).body("placedBy", nullValue());
        as(seller.manager).queryParam("side", "SELLER").get(ORDERS).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        as(buyer.manager).queryParam("side", "SELLER").get(ORDERS).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));

        // Each step belongs to one side and needs the version it changes.
        as(buyer.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", LocalDate.now().plusDays(7).toString()))
                .post(ORDERS + "/" + id + "/confirmation").then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:not-the-seller"));
        as(seller.manager).body(Map.of("deliveryDate", LocalDate.now().plusDays(7).toString()))
                .post(ORDERS + "/" + id + "/confirmation").then().statusCode(428);
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", LocalDate.now().plusDays(7).toString()))
                .post(ORDERS + "/" + id + "/confirmation").then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("status", equalTo("CONFIRMED")).body("deliveryDate", equalTo(LocalDate.now().plusDays(7).toString()));
        as(seller.manager).header("If-Match", "\"1\"").post(ORDERS + "/" + id + "/acceptance").then().statusCode(403);
        as(seller.manager).header("If-Match", "\"1\"").post(ORDERS + "/" + id + "/delivery").then().statusCode(200)
                .body("status", equalTo("DELIVERED")).body("acceptanceDueAt", notNullValue());
        as(seller.manager).header("If-Match", "\"2\"").post(ORDERS + "/" + id + "/delivery").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:order-delivered"));
        as(buyer.manager).header("If-Match", "\"2\"").post(ORDERS + "/" + id + "/acceptance").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("completedBy", equalTo("BUYER")).body("closedAt", notNullValue());
    }

    @Test
    void theServerPricesEveryLineAtTheTierItsQuantityReachesAndSumsExactly() {
        var seller = market.enterprise("1712");
        var buyer = market.provider("1726"); // providers buy goods too
        var yarn = market.product(seller, "KILOGRAM", "47000", "100", null, tier("500", "44500"), tier("1000", "41000"));
        var cloth = market.product(seller, "METRE", "12345.67", "0.5", null);
        var boxes = market.product(seller, "PIECE", "999.99", "3", null);

        buyer.as().body(order(line(yarn, "499.999"), line(cloth, "2.345"), line(boxes, "7"))).post(ORDERS).then().statusCode(201)
                .body("items", hasSize(3))
                .body("items[0].unitPriceUzs", equalTo(47000.00f))
                .body("items[0].amountUzs", equalTo(23499953.00f))
                .body("items[1].amountUzs", equalTo(28950.60f)) // 2.345 x 12345.67 = 28950.59615
                .body("items[2].amountUzs", equalTo(6999.93f))
                .body("amountUzs", equalTo(23535903.53f));
        buyer.as().body(order(line(yarn, "1000"))).post(ORDERS).then().statusCode(201)
                .body("items[0].unitPriceUzs", equalTo(41000.00f)).body("amountUzs", equalTo(41000000.00f));
        buyer.as().body(order(line(yarn, "100"))).post(ORDERS).then().statusCode(201)
                .body("items[0].unitPriceUzs", equalTo(47000.00f));

        buyer.as().body(order(line(yarn, "99.999"))).post(ORDERS).then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].quantity")).body("detail", containsString("minimum order of 100 KILOGRAM"));
        buyer.as().body(order(line(yarn, "200"), line(boxes, "3.5"))).post(ORDERS).then().statusCode(400)
                .body("errors[0].field", equalTo("items[1].quantity")).body("detail", containsString("whole number"));
        buyer.as().body(order(line(yarn, "200"), line(yarn, "300"))).post(ORDERS).then().statusCode(400)
                .body("errors[0].field", equalTo("items[1].productId"));
        var otherSeller = market.enterprise("1703");
        var other = market.product(otherSeller, "KILOGRAM", "100", "1", null);
        buyer.as().body(order(line(yarn, "200"), line(other, "5"))).post(ORDERS).then().statusCode(400)
                .body("errors[0].field", equalTo("items[1].productId")).body("detail", containsString("one order per seller"));
    }

    @Test
    void theClientCannotSetThePriceTheStatusOrTheParties() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var stranger = market.enterprise("1703");
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);
        var forged = new java.util.HashMap<>(order(Map.of("productId", product.toString(), "quantity", "10", "unitPriceUzs", "1",
                "amountUzs", "1")));
        forged.putAll(Map.of("amountUzs", 1, "status", "COMPLETED", "buyer", Map.of("organizationId", stranger.id.toString()),
                "buyerId", stranger.id.toString(), "sellerId", buyer.id.toString(), "currency", "USD"));
        // Fields the form does not have are not read: the server prices it and the buyer is the caller's organization.
        buyer.as().body(forged).post(ORDERS).then().statusCode(201)
                .body("status", equalTo("PLACED")).body("amountUzs", equalTo(10000.00f)).body("currency", equalTo("UZS"))
                .body("items[0].unitPriceUzs", equalTo(1000.00f))
                .body("buyer.organizationId", equalTo(buyer.id.toString()))
                .body("seller.organizationId", equalTo(seller.id.toString()));
    }

    @Test
    void onlyPublishedProductsOfVerifiedSellersAreOrderedAndAPlacedOrderKeepsItsPrice() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);

        String id = buyer.as().body(order(line(product, "10"))).post(ORDERS).then().statusCode(201).extract().path("id");
        market.reprice(product, seller, "2000");
        buyer.as().body(order(line(product, "10"))).post(ORDERS).then().statusCode(201).body("amountUzs", equalTo(20000.00f));
        market.withdrawProduct(product, seller);
        // the order placed before keeps the price and name it was placed at
        as(buyer.manager).get(ORDERS + "/" + id).then().statusCode(200).body("status", equalTo("PLACED"))
                .body("amountUzs", equalTo(10000.00f)).body("items[0].name.uz-Latn", equalTo("Paxta ipi"));
        buyer.as().body(order(line(product, "10"))).post(ORDERS).then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:product-withdrawn")).body("errors[0].field", equalTo("items[0].productId"));
        buyer.as().body(order(line(java.util.UUID.randomUUID(), "10"))).post(ORDERS).then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:product-not-listed"));

        var other = market.product(seller, "KILOGRAM", "1000", "1", null);
        as(seller.manager).body(order(line(other, "10"))).post(ORDERS).then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:own-listing"));
        seller.suspend();
        buyer.as().body(order(line(other, "10"))).post(ORDERS).then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:seller-not-trading")).body("detail", containsString("suspended"));
        // a suspended seller cannot take on orders it already has either
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", LocalDate.now().plusDays(3).toString()))
                .post(ORDERS + "/" + id + "/confirmation").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:seller-not-trading"));

        var pending = market.pendingEnterprise("1706");
        var fresh = market.enterprise("1712");
        var freshProduct = market.product(fresh, "KILOGRAM", "1000", "1", null);
        pending.as().body(order(line(freshProduct, "10"))).post(ORDERS).then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:organization-not-verified"));
    }

    @Test
    void cancellingNeedsAReasonOnceConfirmedAndIsOverAtDelivery() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);

        String early = buyer.as().body(order(line(product, "10"))).post(ORDERS).then().extract().path("id");
        as(buyer.manager).header("If-Match", "\"0\"").post(ORDERS + "/" + early + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("BUYER"));

        String refused = buyer.as().body(order(line(product, "10"))).post(ORDERS).then().extract().path("id");
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("reason", "Omborda yo'q"))
                .post(ORDERS + "/" + refused + "/refusal").then().statusCode(200)
                .body("status", equalTo("REFUSED")).body("reason", equalTo("Omborda yo'q"));

        String confirmed = buyer.as().body(order(line(product, "10"))).post(ORDERS).then().extract().path("id");
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", LocalDate.now().plusDays(3).toString()))
                .post(ORDERS + "/" + confirmed + "/confirmation").then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"1\"").body(Map.of()).post(ORDERS + "/" + confirmed + "/cancellation")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        as(seller.manager).header("If-Match", "\"1\"").body(Map.of("reason", "Stanok buzildi"))
                .post(ORDERS + "/" + confirmed + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("SELLER"));

        String disputed = buyer.as().body(order(line(product, "10"))).post(ORDERS).then().extract().path("id");
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", LocalDate.now().plusDays(3).toString()))
                .post(ORDERS + "/" + disputed + "/confirmation").then().statusCode(200);
        as(seller.manager).header("If-Match", "\"1\"").post(ORDERS + "/" + disputed + "/delivery").then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"2\"").body(Map.of("reason", "x"))
                .post(ORDERS + "/" + disputed + "/cancellation").then().statusCode(409);
        as(buyer.manager).header("If-Match", "\"2\"").body(Map.of("reason", "Sifatsiz ip keldi"))
                .post(ORDERS + "/" + disputed + "/dispute").then().statusCode(200)
                .body("status", equalTo("DISPUTED")).body("disputeId", org.hamcrest.Matchers.notNullValue())
                // the text is the dispute's (its parties' and the deciding administration's), not the order's
                .body("reason", org.hamcrest.Matchers.nullValue())
                .header("Location", containsString("/api/orders/disputes/"));
    }
}
