package uz.aqlli.orders.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.AccessMatrix;
import uz.aqlli.platform.testing.AccessMatrix.Route;
import uz.aqlli.platform.testing.Tokens;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static uz.aqlli.orders.api.Market.ORDERS;
import static uz.aqlli.orders.api.Market.as;
import static uz.aqlli.orders.api.ProductOrderTest.line;
import static uz.aqlli.orders.api.ProductOrderTest.order;

/**
 * Who sees an order: the buyer's and seller's members and the administration of either party's
 * region; everyone else gets 404, and every list shows only what its reader may see.
 */
@QuarkusTest
class OrderAccessTest extends MarketTest {

    @Test
    void anOrderIsVisibleToItsPartiesAndTheirRegionsAdministrationOnly() {
        // Bukhara (1706) buys from Navoi (1712); the demo administration: admin-bukhara, admin-navoi, admin1 (republic).
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var stranger = market.enterprise("1706");
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);
        String id = buyer.as().body(order(line(product, "5"))).post(ORDERS).then().statusCode(201).extract().path("id");
        String path = ORDERS + "/" + id;

        String samarkandAdmin = uz.aqlli.platform.testing.KeycloakUsers.signedInAdministrator(realmUrl, "1718");
        for (String reader : new String[]{buyer.manager, buyer.member(), seller.manager, seller.member(),
                Tokens.demoUser(realmUrl, "admin-bukhara"), Tokens.demoUser(realmUrl, "admin-navoi"), Tokens.demoUser(realmUrl, "admin1")}) {
            as(reader).get(path).then().statusCode(200).body("id", equalTo(id));
        }
        for (String outsider : new String[]{stranger.manager, samarkandAdmin, Tokens.demoUser(realmUrl, "provider1"),
                Tokens.demoUser(realmUrl, "enterprise1")}) {
            as(outsider).get(path).then().statusCode(404).contentType("application/problem+json");
            as(outsider).get(path + "/e-invoice").then().statusCode(outsider.equals(samarkandAdmin) ? 403 : 404);
        }
        io.restassured.RestAssured.given().get(path).then().statusCode(401);

        // Lists: the stranger's own lists never show it; the administration's list is limited to its region.
        as(stranger.manager).queryParam("side", "BUYER").queryParam("size", 100).get(ORDERS).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as(stranger.manager).queryParam("side", "SELLER").queryParam("size", 100).get(ORDERS).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as(Tokens.demoUser(realmUrl, "admin-navoi")).queryParam("size", 100).get(ORDERS + "/region").then().statusCode(200)
                .body("items.id", hasItem(id));
        as(samarkandAdmin).queryParam("size", 100).get(ORDERS + "/region").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        as(samarkandAdmin).queryParam("regionCode", "1706").get(ORDERS + "/region").then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:outside-your-region"));
        as(buyer.manager).get(ORDERS + "/region").then().statusCode(403);

        // No step of anyone else's order exists for an outsider: 404 (403 only where the route is for another role
        // altogether, whichever order it names), and nothing changes.
        for (String step : new String[]{"approval", "rejection", "confirmation", "refusal", "quote", "quote/acceptance",
                "quote/decline", "cancellation", "delivery", "acceptance", "dispute", "months/1/delivery",
                "months/1/acceptance", "months/1/dispute"}) {
            as(stranger.manager).header("If-Match", "\"0\"").body(Map.of("reason", "x", "deliveryDate", ServiceOrderTest.in(3),
                    "amountUzs", "1")).post(path + "/" + step).then()
                    .statusCode(step.equals("quote") || step.equals("months/1/delivery") ? 403 : 404);
        }
        as(buyer.manager).get(path).then().body("status", equalTo("PLACED")).body("version", equalTo(0));

        // The administration reads, never acts.
        as(Tokens.demoUser(realmUrl, "admin-navoi")).header("If-Match", "\"0\"")
                .body(Map.of("deliveryDate", ServiceOrderTest.in(3))).post(path + "/confirmation").then().statusCode(403);

        new AccessMatrix(realmUrl)
                .expectRefusedWithBrokenTokens(Route.get(path), 401)
                .expectRefusedWithBrokenTokens(Route.post(ORDERS, order(line(product, "5"))), 401)
                .expect(Route.post(ORDERS, order(line(product, "5"))), "admin1", 403)
                .verify();
    }
}
