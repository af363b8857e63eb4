package uz.aqlli.orders.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.Contention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uz.aqlli.orders.api.Market.ORDERS;
import static uz.aqlli.orders.api.Market.as;
import static uz.aqlli.orders.api.ProductOrderTest.line;
import static uz.aqlli.orders.api.ProductOrderTest.order;

/**
 * Two people at once: two members of the seller confirming one order (one wins, the other 412), and
 * a buyer whose placement is retried (the Idempotency-Key gives the first answer; one order, one event).
 */
@QuarkusTest
class OrderConcurrencyTest extends MarketTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoMembersOfTheSellerConfirmingAtOnceOneWinsTheOtherGets412() throws Exception {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);
        String id = buyer.as().body(order(line(product, "5"))).post(ORDERS).then().statusCode(201).extract().path("id");
        String first = seller.manager;
        String second = seller.member();
        List<Callable<Integer>> confirmations = List.of(first, second).stream().<Callable<Integer>>map(token -> () ->
                as(token).header("If-Match", "\"0\"").body(Map.of("deliveryDate", ServiceOrderTest.in(5)))
                        .post(ORDERS + "/" + id + "/confirmation").statusCode()).toList();
        List<Integer> statuses = Contention.race(dataSource, "purchase_order", "id", UUID.fromString(id), confirmations);
        assertEquals(List.of(200, 412), statuses.stream().sorted().toList(), "one confirmation wins, the other is stale");
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and event_type = 'OrderConfirmed'", id));
        as(buyer.manager).get(ORDERS + "/" + id).then().body("status", equalTo("CONFIRMED")).body("version", equalTo(1));
    }

    @Test
    void aRetriedPlacementWithTheSameKeyReturnsTheFirstAnswerAndPlacesOneOrder() throws Exception {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);
        String key = "place-" + UUID.randomUUID();

        Response first = buyer.as().header("Idempotency-Key", key).body(order(line(product, "5"))).post(ORDERS);
        first.then().statusCode(201);
        Response again = buyer.as().header("Idempotency-Key", key).body(order(line(product, "5"))).post(ORDERS);
        again.then().statusCode(201).header("Location", equalTo(first.header("Location")))
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first.path("id"))).body("orderNumber", equalTo(first.path("orderNumber")));
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = ? and event_type = 'OrderPlaced'",
                first.path("id")));

        buyer.as().header("Idempotency-Key", key).body(order(line(product, "6"))).post(ORDERS).then().statusCode(422)
                .body("type", equalTo("urn:aqlli:problem:idempotency-key-reused"));
        // the same key is another caller's own key space
        String colleague = buyer.member();
        String other = as(colleague).header("Idempotency-Key", key).body(order(line(product, "5"))).post(ORDERS).then()
                .statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(first.path("id"), other);
    }

    @Test
    void aPlacementRetriedWhileTheFirstStillRunsIs409() throws Exception {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var product = market.product(seller, "KILOGRAM", "1000", "1", null);
        String key = "place-" + UUID.randomUUID();
        // Hold the outbox: the first placement waits, in its transaction, to write its event while the retry arrives.
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("lock table outbox_event in share row exclusive mode")) {
                lock.execute();
            }
            var threads = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                var running = threads.submit(() -> buyer.as().header("Idempotency-Key", key).body(order(line(product, "5")))
                        .post(ORDERS).statusCode());
                awaitWaitingOn("insert into outbox_event");
                buyer.as().header("Idempotency-Key", key).body(order(line(product, "5"))).post(ORDERS).then().statusCode(409)
                        .body("type", equalTo("urn:aqlli:problem:idempotency-key-in-use"));
                holder.commit();
                assertEquals(201, running.get());
            } finally {
                threads.shutdownNow();
            }
        }
        buyer.as().header("Idempotency-Key", key).body(order(line(product, "5"))).post(ORDERS).then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"));
    }

    private void awaitWaitingOn(String statement) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (Connection watcher = dataSource.getConnection();
             PreparedStatement waiting = watcher.prepareStatement("""
                     select count(*) from pg_stat_activity
                     where wait_event_type = 'Lock' and datname = current_database() and query ilike ?""")) {
            waiting.setString(1, statement + "%");
            while (true) {
                try (ResultSet rows = waiting.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("nobody waited on " + statement);
                }
                Thread.sleep(50);
            }
        }
    }

    private long count(String sql, String id) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
