package uz.aqlli.orders.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.RequestAwarded;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static uz.aqlli.orders.api.Market.CONTRACTS;
import static uz.aqlli.orders.api.Market.as;

/**
 * After the awarded supplier refused to sign, offers sends the buyer's next award of the same
 * request: it makes a second contract, since only one living (not cancelled) contract per request
 * is the rule.
 */
@QuarkusTest
class NextAwardTest extends MarketTest {

    @Test
    void theNextAwardOfARequestWhoseSupplierRefusedMakesANewContract() {
        var buyer = market.enterprise("1706");
        var first = market.provider("1712");
        var second = market.provider("1726");
        RequestAwarded award = Market.award(buyer, first, "5000000");
        market.awarded(award);
        String refused = given().queryParam("requestId", award.requestId().toString()).get(CONTRACTS).then().statusCode(200)
                .extract().path("items[0].id");
        String etag = as(first.manager).get(CONTRACTS + "/" + refused).then().extract().header("ETag");
        as(first.manager).header("If-Match", etag).body(Map.of("reason", "Quvvatimiz yetmaydi"))
                .post(CONTRACTS + "/" + refused + "/signing-refusal").then().statusCode(200).body("status", equalTo("CANCELLED"));

        RequestAwarded next = new RequestAwarded(award.requestId(), buyer.id, award.category(), award.title(), award.regions(),
                UUID.randomUUID(), second.id, new BigDecimal("5400000"), 60, "LOWEST_PRICE", true, 2, null, Instant.now());
        market.awarded(next);
        given().queryParam("requestId", award.requestId().toString()).get(CONTRACTS).then().statusCode(200)
                .body("items.status", containsInAnyOrder("CANCELLED", "PENDING"))
                .body("items.find { it.status == 'PENDING' }.supplierId", equalTo(second.id.toString()));
    }
}
