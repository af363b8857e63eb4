package uz.aqlli.orders.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static uz.aqlli.orders.api.Market.ORDERS;
import static uz.aqlli.orders.api.Market.as;

/** Orders of providers' offers: at a fixed price, through a quote, and month by month for a subscription. */
@QuarkusTest
class ServiceOrderTest extends MarketTest {

    static String in(int days) {
        return LocalDate.now().plusDays(days).toString();
    }

    @Test
    void aFixedPriceOfferIsOrderedAtItsPriceByEnterprisesOnly() {
        var provider = market.provider("1726");
        var buyer = market.enterprise("1706");
        var otherProvider = market.provider("1726");
        var offer = market.offer(provider, "FIXED", "12500000.50", "1706", "1726");

        String id = buyer.as().body(Map.of("offerId", offer.toString(), "note", "ERP kerak")).post(ORDERS).then().statusCode(201)
                .body("kind", equalTo("SERVICE")).body("pricingModel", equalTo("FIXED")).body("status", equalTo("PLACED"))
                .body("amountUzs", equalTo(12500000.50f)).body("items[0].unit", equalTo("SERVICE"))
                .body("items[0].ikpuCode", equalTo("62010000100000000"))
                .body("delivery.regionCode", equalTo("1706")) // where the buyer is, unless it says otherwise
                .extract().path("id");
        as(otherProvider.manager).body(Map.of("offerId", offer.toString())).post(ORDERS).then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:enterprises-only"));
        buyer.as().body(Map.of("offerId", offer.toString(), "delivery", Map.of("regionCode", "1703"))).post(ORDERS)
                .then().statusCode(409).body("type", equalTo("urn:aqlli:problem:region-not-served"))
                .body("errors[0].field", equalTo("delivery.regionCode"));
        buyer.as().body(Map.of("offerId", offer.toString(), "months", 3)).post(ORDERS).then().statusCode(400)
                .body("errors[0].field", equalTo("months"));

        as(provider.manager).header("If-Match", "\"0\"").body(Map.of("amountUzs", "1", "deliveryDate", in(10)))
                .post(ORDERS + "/" + id + "/quote").then().statusCode(409).body("type", equalTo("urn:aqlli:problem:no-quote-asked"));
        as(provider.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", in(10)))
                .post(ORDERS + "/" + id + "/confirmation").then().statusCode(200).body("status", equalTo("CONFIRMED"));
        as(provider.manager).header("If-Match", "\"1\"").post(ORDERS + "/" + id + "/delivery").then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"2\"").post(ORDERS + "/" + id + "/acceptance").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        market.withdrawOffer(offer, provider);
        buyer.as().body(Map.of("offerId", offer.toString())).post(ORDERS).then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:offer-withdrawn")).body("errors[0].field", equalTo("offerId"));
    }

    @Test
    void anHourlyOfferIsARequestForAQuoteThatOnlyTheBuyersAcceptanceConfirms() {
        var provider = market.provider("1726");
        var buyer = market.enterprise("1706");
        var offer = market.offer(provider, "HOURLY", "150000");

        String id = buyer.as().body(Map.of("offerId", offer.toString())).post(ORDERS).then().statusCode(201)
                .body("status", equalTo("PLACED")).body("amountUzs", nullValue()).body("items[0].unit", equalTo("HOUR"))
                .extract().path("id");
        as(provider.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", in(10)))
                .post(ORDERS + "/" + id + "/confirmation").then().statusCode(409).body("type", equalTo("urn:aqlli:problem:quote-required"));
        as(provider.manager).header("If-Match", "\"0\"").body(Map.of("amountUzs", "4500000", "deliveryDate", in(10)))
                .post(ORDERS + "/" + id + "/quote").then().statusCode(400).body("errors[0].field", equalTo("hours"));
        as(provider.manager).header("If-Match", "\"0\"").body(Map.of("amountUzs", "4500000", "hours", "30", "deliveryDate", in(10),
                "note", "30 soat: tahlil va sozlash")).post(ORDERS + "/" + id + "/quote").then().statusCode(200)
                .body("status", equalTo("QUOTED")).body("quote.amountUzs", equalTo(4500000.00f)).body("quote.hours", equalTo(30.00f))
                .body("items[0].quantity", equalTo(30.00f)).body("items[0].unitPriceUzs", equalTo(150000.00f));
        // the provider revises its quote before the buyer answers; the buyer accepting the old amount is refused
        as(provider.manager).header("If-Match", "\"1\"").body(Map.of("amountUzs", "4800000", "hours", "32", "deliveryDate", in(12)))
                .post(ORDERS + "/" + id + "/quote").then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"2\"").body(Map.of("amountUzs", "4500000"))
                .post(ORDERS + "/" + id + "/quote/acceptance").then().statusCode(409).body("type", equalTo("urn:aqlli:problem:quote-changed"));
        as(provider.manager).header("If-Match", "\"2\"").body(Map.of("amountUzs", "4800000"))
                .post(ORDERS + "/" + id + "/quote/acceptance").then().statusCode(403);
        as(buyer.manager).header("If-Match", "\"2\"").body(Map.of("amountUzs", "4800000.00"))
                .post(ORDERS + "/" + id + "/quote/acceptance").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("amountUzs", equalTo(4800000.00f))
                .body("deliveryDate", equalTo(in(12)));
    }

    @Test
    void aDeclinedQuoteCancelsTheOrder() {
        var provider = market.provider("1726");
        var buyer = market.enterprise("1706");
        var offer = market.offer(provider, "FROM_PRICE", "3000000");
        String id = buyer.as().body(Map.of("offerId", offer.toString())).post(ORDERS).then().statusCode(201)
                .body("amountUzs", nullValue()).extract().path("id");
        as(buyer.manager).header("If-Match", "\"0\"").body(Map.of()).post(ORDERS + "/" + id + "/quote/decline").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:no-quote"));
        as(provider.manager).header("If-Match", "\"0\"").body(Map.of("amountUzs", "3500000", "deliveryDate", in(10)))
                .post(ORDERS + "/" + id + "/quote").then().statusCode(200).body("quote.hours", nullValue());
        as(buyer.manager).header("If-Match", "\"1\"").body(Map.of("reason", "Qimmat"))
                .post(ORDERS + "/" + id + "/quote/decline").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("BUYER")).body("reason", equalTo("Qimmat"));
    }

    @Test
    void aSubscriptionIsDeliveredAndAcceptedMonthByMonth() {
        var provider = market.provider("1726");
        var buyer = market.enterprise("1706");
        var offer = market.offer(provider, "MONTHLY_SUBSCRIPTION", "800000");
        buyer.as().body(Map.of("offerId", offer.toString())).post(ORDERS).then().statusCode(400)
                .body("errors[0].field", equalTo("months"));
        buyer.as().body(Map.of("offerId", offer.toString(), "months", 37)).post(ORDERS).then().statusCode(400)
                .body("errors[0].field", equalTo("months"));
        String id = buyer.as().body(Map.of("offerId", offer.toString(), "months", 3)).post(ORDERS).then().statusCode(201)
                .body("amountUzs", equalTo(2400000.00f)).body("items[0].unit", equalTo("MONTH")).body("items[0].quantity", equalTo(3.0f))
                .body("subscriptionMonths", hasSize(3)).body("subscriptionMonths[0].status", equalTo("SCHEDULED"))
                .body("subscriptionMonths[0].amountUzs", equalTo(800000.00f))
                .extract().path("id");
        String path = ORDERS + "/" + id;
        as(provider.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", in(90))).post(path + "/confirmation")
                .then().statusCode(200);
        as(provider.manager).header("If-Match", "\"1\"").post(path + "/delivery").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:deliver-by-month"));
        as(provider.manager).header("If-Match", "\"1\"").post(path + "/months/2/delivery").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:month-out-of-turn"));
        as(provider.manager).header("If-Match", "\"1\"").post(path + "/months/1/delivery").then().statusCode(200)
                .body("subscriptionMonths[0].status", equalTo("DELIVERED")).body("status", equalTo("CONFIRMED"));
        as(buyer.manager).header("If-Match", "\"2\"").post(path + "/months/1/acceptance").then().statusCode(200)
                .body("subscriptionMonths[0].status", equalTo("ACCEPTED")).body("subscriptionMonths[0].acceptedBy", equalTo("BUYER"));
        as(provider.manager).header("If-Match", "\"3\"").post(path + "/months/2/delivery").then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"4\"").post(path + "/months/2/acceptance").then().statusCode(200);
        as(provider.manager).header("If-Match", "\"5\"").post(path + "/months/3/delivery").then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"6\"").post(path + "/months/3/acceptance").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        as(provider.manager).header("If-Match", "\"7\"").post(path + "/months/4/delivery").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:order-completed"));
    }

    @Test
    void aDisputedMonthIsFrozenAloneAndTheSubscriptionGoesOn() {
        var provider = market.provider("1726");
        var buyer = market.enterprise("1706");
        var offer = market.offer(provider, "MONTHLY_SUBSCRIPTION", "800000");
        String path = ORDERS + "/" + buyer.as().body(Map.of("offerId", offer.toString(), "months", 2)).post(ORDERS).then()
                .extract().path("id");
        as(provider.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", in(60))).post(path + "/confirmation").then().statusCode(200);
        as(provider.manager).header("If-Match", "\"1\"").post(path + "/months/1/delivery").then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"2\"").body(Map.of("reason", "Tizim oy bo'yi ishlamadi"))
                .post(path + "/months/1/dispute").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("subscriptionMonths[0].status", equalTo("DISPUTED"))
                .body("subscriptionMonths[0].disputeId", org.hamcrest.Matchers.notNullValue());
        // the next month is delivered and accepted while the first is disputed
        as(provider.manager).header("If-Match", "\"3\"").post(path + "/months/2/delivery").then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"4\"").post(path + "/months/2/acceptance").then().statusCode(200)
                .body("subscriptionMonths[1].status", equalTo("ACCEPTED")).body("status", equalTo("CONFIRMED"));
    }
}
