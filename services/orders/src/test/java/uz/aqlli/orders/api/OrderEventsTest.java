package uz.aqlli.orders.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.EventTopics;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.orders.api.Market.ORDERS;
import static uz.aqlli.orders.api.Market.POLICY;
import static uz.aqlli.orders.api.Market.as;
import static uz.aqlli.orders.api.ProductOrderTest.line;
import static uz.aqlli.orders.api.ProductOrderTest.order;

/**
 * Every step's event reaches aqlli.orders.orders, keyed by the order, from orders, with the facts the
 * data lake counts by: both parties with region, district and zone, the sector, the amount in so'm.
 */
@QuarkusTest
class OrderEventsTest extends MarketTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachStepPublishesItsEventWithTheOrdersFacts() throws IOException {
        var seller = market.enterprise("1712");
        var buyer = market.enterprise("1706");
        var product = market.product(seller, "KILOGRAM", "1000", "1", "10101001001000000");
        buyer.as().body(ApprovalTest.threshold("5000")).put(POLICY).then().statusCode(200);
        String member = buyer.member();
        String id = as(member).body(order(line(product, "10"))).post(ORDERS).then().statusCode(201).extract().path("id");
        as(buyer.manager).header("If-Match", "\"0\"").post(ORDERS + "/" + id + "/approval").then().statusCode(200);
        as(seller.manager).header("If-Match", "\"1\"").body(Map.of("deliveryDate", ServiceOrderTest.in(4)))
                .post(ORDERS + "/" + id + "/confirmation").then().statusCode(200);
        as(seller.manager).header("If-Match", "\"2\"").post(ORDERS + "/" + id + "/delivery").then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"3\"").post(ORDERS + "/" + id + "/acceptance").then().statusCode(200);

        List<String> expected = List.of("OrderApprovalRequested", "OrderPlaced", "OrderConfirmed", "OrderDelivered", "OrderCompleted");
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        EventTopics.all(kafka, Topic.ORDERS.topicName(), Duration.ofSeconds(30), record -> {
            if (id.equals(record.key())) {
                mine.add(record);
            }
            return mine.size() == expected.size();
        });
        assertEquals(expected, mine.stream().map(record -> EventTopics.header(record, "ce_type")).toList(), "in order, once each");
        for (ConsumerRecord<String, byte[]> record : mine) {
            assertEquals("/aqlli/orders", EventTopics.header(record, "ce_source"));
            JsonNode facts = JSON.readTree(record.value()).get("order");
            assertEquals(id, facts.get("orderId").asText());
            assertEquals("PRODUCTS", facts.get("kind").asText());
            assertEquals("TEXTILE_AND_GARMENTS", facts.get("sector").asText());
            assertEquals(0, facts.get("amountUzs").decimalValue().compareTo(new java.math.BigDecimal("10000")));
            assertEquals("UZS", facts.get("currency").asText());
            assertEquals(buyer.id.toString(), facts.get("buyer").get("organizationId").asText());
            assertEquals("1706", facts.get("buyer").get("regionCode").asText());
            assertEquals("1706201", facts.get("buyer").get("districtCode").asText());
            assertEquals("INDUSTRIAL_ZONE", facts.get("buyer").get("zoneType").asText());
            assertEquals(seller.id.toString(), facts.get("seller").get("organizationId").asText());
            assertEquals("1712", facts.get("seller").get("regionCode").asText());
        }
        JsonNode requested = JSON.readTree(mine.get(0).value());
        assertEquals("PENDING_APPROVAL", requested.get("order").get("status").asText());
        assertEquals(0, requested.get("approvalThresholdUzs").decimalValue().compareTo(new java.math.BigDecimal("5000")));
        JsonNode placed = JSON.readTree(mine.get(1).value());
        assertEquals("10101001001000000", placed.get("items").get(0).get("ikpuCode").asText());
        assertEquals("1706204", placed.get("deliveryDistrictCode").asText());
        JsonNode completed = JSON.readTree(mine.get(4).value());
        assertEquals("BUYER", completed.get("completedBy").asText());
        assertNull(completed.get("order").get("serviceCategory").textValue());
    }

    @Test
    void aServiceOrdersEventsNameItsCategoryAndModelAndItsQuote() throws IOException {
        var provider = market.provider("1726");
        var buyer = market.enterprise("1706");
        var offer = market.offer(provider, "FROM_PRICE", "3000000");
        String id = buyer.as().body(Map.of("offerId", offer.toString())).post(ORDERS).then().statusCode(201).extract().path("id");
        as(provider.manager).header("If-Match", "\"0\"").body(Map.of("amountUzs", "3500000", "deliveryDate", ServiceOrderTest.in(9)))
                .post(ORDERS + "/" + id + "/quote").then().statusCode(200);
        as(buyer.manager).header("If-Match", "\"1\"").body(Map.of("reason", "Qimmat")).post(ORDERS + "/" + id + "/cancellation")
                .then().statusCode(200);

        List<String> expected = List.of("OrderPlaced", "OrderQuoted", "OrderCancelled");
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        EventTopics.all(kafka, Topic.ORDERS.topicName(), Duration.ofSeconds(30), record -> {
            if (id.equals(record.key())) {
                mine.add(record);
            }
            return mine.size() == expected.size();
        });
        assertEquals(expected, mine.stream().map(record -> EventTopics.header(record, "ce_type")).toList());
        JsonNode placed = JSON.readTree(mine.get(0).value());
        assertEquals("SERVICE", placed.get("order").get("kind").asText());
        assertEquals("ERP", placed.get("order").get("serviceCategory").asText());
        assertEquals("FROM_PRICE", placed.get("order").get("pricingModel").asText());
        assertTrue(placed.get("order").get("amountUzs").isNull(), "no amount before the quote");
        assertEquals("1726", placed.get("order").get("seller").get("regionCode").asText());
        JsonNode quoted = JSON.readTree(mine.get(1).value());
        assertEquals(0, quoted.get("order").get("amountUzs").decimalValue().compareTo(new java.math.BigDecimal("3500000")));
        assertEquals("QUOTED", quoted.get("order").get("status").asText());
        JsonNode cancelled = JSON.readTree(mine.get(2).value());
        assertEquals("BUYER", cancelled.get("cancelledBy").asText());
        assertTrue(cancelled.get("quoteDeclined").asBoolean(), "cancelling a quoted order is declining its quote");
        assertEquals("Qimmat", cancelled.get("reason").asText());
    }
}
