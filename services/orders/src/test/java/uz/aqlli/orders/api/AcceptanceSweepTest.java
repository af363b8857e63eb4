package uz.aqlli.orders.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.quarkus.scheduler.Scheduler;
import uz.aqlli.orders.service.AcceptanceSweep;
import uz.aqlli.platform.testing.MovableClock;

import java.time.Duration;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static uz.aqlli.orders.api.Market.ORDERS;
import static uz.aqlli.orders.api.Market.as;
import static uz.aqlli.orders.api.ProductOrderTest.line;
import static uz.aqlli.orders.api.ProductOrderTest.order;

/**
 * A delivery the buyer does not answer counts as accepted once the acceptance window (P14D) has
 * passed: the sweep looks for every window already over, so what ran out while nobody swept (the
 * service down, here the clock moved past it at once) is accepted on the next sweep.
 */
@QuarkusTest
class AcceptanceSweepTest extends MarketTest {

    @Inject
    MovableClock clock;

    @Inject
    Scheduler scheduler;

    @AfterEach
    void realTime() {
        clock.backToRealTime();
        scheduler.resume(AcceptanceSweep.JOB);
    }

    @Test
    void whatRanOutWhileNobodySweptIsAcceptedByTheFirstSweepAfter() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);
        String id = delivered(seller, buyer, product);
        // The sweep is down (as the service would be) while the window runs out.
        scheduler.pause(AcceptanceSweep.JOB);
        // a sweep already running when the pause came must end before the clock moves, or it would accept the order
        sleepPastASweep();
        clock.moveAhead(Duration.ofDays(20));
        sleepPastASweep();
        as(buyer.manager).get(ORDERS + "/" + id).then().body("status", equalTo("DELIVERED"));
        // the window is the rule, not the sweep: a dispute after it is refused though nobody has swept yet
        as(buyer.manager).header("If-Match", "\"2\"").body(Map.of("reason", "Kech qoldim"))
                .post(ORDERS + "/" + id + "/dispute").then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:acceptance-window-passed"));
        String dueAt = as(buyer.manager).get(ORDERS + "/" + id).then().extract().path("acceptanceDueAt");
        scheduler.resume(AcceptanceSweep.JOB);
        Market.eventually(() -> as(buyer.manager).get(ORDERS + "/" + id).then()
                .body("status", equalTo("COMPLETED")).body("completedBy", equalTo("ACCEPTANCE_WINDOW")));
        // accepted as of the moment its window ended, not when the sweep came back
        as(buyer.manager).get(ORDERS + "/" + id).then().body("closedAt", equalTo(dueAt));
    }

    @Test
    void deliveriesLeftUnansweredPastTheirWindowAreAcceptedAndAnsweredOnesAreNot() {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);
        String silent = delivered(seller, buyer, product);
        String disputed = delivered(seller, buyer, product);
        String silentToo = delivered(seller, buyer, product);
        as(buyer.manager).header("If-Match", "\"2\"").body(Map.of("reason", "Kam keldi"))
                .post(ORDERS + "/" + disputed + "/dispute").then().statusCode(200);

        // a day before the window ends nothing happens
        clock.moveAhead(Duration.ofDays(13));
        sleepPastASweep();
        as(buyer.manager).get(ORDERS + "/" + silent).then().body("status", equalTo("DELIVERED"));

        clock.moveAhead(Duration.ofDays(2));
        for (String id : new String[]{silent, silentToo}) {
            Market.eventually(() -> as(buyer.manager).get(ORDERS + "/" + id).then()
                    .body("status", equalTo("COMPLETED")).body("completedBy", equalTo("ACCEPTANCE_WINDOW")));
        }
        as(buyer.manager).get(ORDERS + "/" + disputed).then().body("status", equalTo("DISPUTED"));
        // the buyer's answer after the sweep finds the order done
        as(buyer.manager).header("If-Match", "\"3\"").post(ORDERS + "/" + silent + "/acceptance").then().statusCode(409);
    }

    @Test
    void subscriptionMonthsLeftUnansweredAreAcceptedOneByOne() {
        var provider = market.provider("1726");
        var buyer = market.enterprise("1706");
        var offer = market.offer(provider, "MONTHLY_SUBSCRIPTION", "500000");
        String path = ORDERS + "/" + buyer.as().body(Map.of("offerId", offer.toString(), "months", 2)).post(ORDERS).then()
                .statusCode(201).extract().path("id");
        as(provider.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", ServiceOrderTest.in(60)))
                .post(path + "/confirmation").then().statusCode(200);
        as(provider.manager).header("If-Match", "\"1\"").post(path + "/months/1/delivery").then().statusCode(200);

        clock.moveAhead(Duration.ofDays(15));
        Market.eventually(() -> as(buyer.manager).get(path).then()
                .body("subscriptionMonths[0].status", equalTo("ACCEPTED"))
                .body("subscriptionMonths[0].acceptedBy", equalTo("ACCEPTANCE_WINDOW"))
                .body("status", equalTo("CONFIRMED")));
        String version = as(provider.manager).get(path).then().extract().header("ETag");
        as(provider.manager).header("If-Match", version).post(path + "/months/2/delivery").then().statusCode(200);
        clock.moveAhead(Duration.ofDays(15));
        Market.eventually(() -> as(buyer.manager).get(path).then()
                .body("status", equalTo("COMPLETED")).body("completedBy", equalTo("ACCEPTANCE_WINDOW")));
    }

    private String delivered(Market.Org seller, Market.Org buyer, java.util.UUID product) {
        String id = buyer.as().body(order(line(product, "5"))).post(ORDERS).then().statusCode(201).extract().path("id");
        as(seller.manager).header("If-Match", "\"0\"").body(Map.of("deliveryDate", ServiceOrderTest.in(3)))
                .post(ORDERS + "/" + id + "/confirmation").then().statusCode(200);
        as(seller.manager).header("If-Match", "\"1\"").post(ORDERS + "/" + id + "/delivery").then().statusCode(200);
        return id;
    }

    private static void sleepPastASweep() {
        try {
            Thread.sleep(2500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
