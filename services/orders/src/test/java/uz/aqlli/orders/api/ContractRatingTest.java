package uz.aqlli.orders.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.RequestAwarded;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static uz.aqlli.orders.api.ContractSigningTest.in;
import static uz.aqlli.orders.api.ContractSigningTest.milestone;
import static uz.aqlli.orders.api.ContractSigningTest.plan;
import static uz.aqlli.orders.api.Market.CONTRACTS;
import static uz.aqlli.orders.api.Market.as;

/**
 * Ratings of a contract once it has ended (here terminated by the buyer): only its parties rate,
 * not before the end; hidden, even on the contract's public ratings, until both have rated.
 */
@QuarkusTest
class ContractRatingTest extends MarketTest {

    static final String RATINGS = "/api/orders/ratings/contracts/";

    @Test
    void theEndedContractsPartiesRateEachOtherDoubleBlind() {
        var buyer = market.enterprise("1706");
        var provider = market.provider("1712");
        String id = signed(buyer, provider);
        String path = CONTRACTS + "/" + id;

        // Active, it is not yet to be rated.
        rate(buyer.manager, id, "Hali erta").statusCode(409).body("type", equalTo("urn:aqlli:problem:deal-not-finished"));
        step(buyer.manager, path + "/termination", Map.of("reason", "Loyiha to'xtatildi", "paidUzs", "0", "byAgreement", false))
                .statusCode(200).body("status", equalTo("TERMINATED"));

        String byBuyer = rate(buyer.member(), id, "Muddatlar buzildi").statusCode(201).body("published", equalTo(false))
                .body("ratedId", equalTo(provider.id.toString())).extract().path("id");
        // A contract is public, its hidden ratings are not; a stranger is no party.
        given().get(RATINGS + id).then().statusCode(200).body("", hasSize(0));
        as(provider.manager).get(RATINGS + id).then().statusCode(200).body("", hasSize(0));
        rate(market.provider("1726").manager, id, "Begona").statusCode(403).body("type", equalTo("urn:aqlli:problem:not-a-party"));
        rate(buyer.manager, id, "Yana").statusCode(409).body("type", equalTo("urn:aqlli:problem:already-rated"));

        rate(provider.manager, id, "Buyurtmachi to'xtatdi").statusCode(201).body("published", equalTo(true));
        given().get(RATINGS + id).then().statusCode(200).body("", hasSize(2)).body("[0].id", equalTo(byBuyer))
                .body("[0].dealKind", equalTo("CONTRACT")).body("[0].dealId", equalTo(id));
        given().get("/api/orders/ratings?organizationId=" + provider.id).then().body("items[0].dealId", equalTo(id));
        rate(buyer.manager, java.util.UUID.randomUUID().toString(), "x").statusCode(404);
    }

    private String signed(Market.Org buyer, Market.Org provider) {
        RequestAwarded award = Market.award(buyer, provider, "6000000");
        market.awarded(award);
        String id = given().queryParam("requestId", award.requestId().toString()).get(CONTRACTS).then().statusCode(200)
                .extract().path("items[0].id");
        String path = CONTRACTS + "/" + id;
        step(provider.manager, path + "/plan", plan(milestone("Joriy etish", "DELIVERY", "4000000", in(10)),
                milestone("To'lov", "PAYMENT", "2000000", in(20)))).statusCode(200);
        step(buyer.manager, path + "/plan/agreement", Map.of("planVersion", 1)).statusCode(200);
        step(provider.manager, path + "/signature", Map.of("planVersion", 1)).statusCode(200);
        step(buyer.manager, path + "/signature", Map.of("planVersion", 1)).statusCode(200).body("status", equalTo("ACTIVE"));
        return id;
    }

    private static ValidatableResponse rate(String token, String contract, String text) {
        return as(token).body(Map.of("quality", 3, "timeliness", 2, "communication", 4, "text", text)).post(RATINGS + contract).then();
    }

    private static ValidatableResponse step(String token, String path, Object body) {
        String contract = path.substring(0, path.indexOf('/', CONTRACTS.length() + 1));
        String etag = as(token).get(contract).then().statusCode(200).extract().header("ETag");
        return as(token).header("If-Match", etag).body(body).post(path).then();
    }
}
