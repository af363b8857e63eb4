package uz.aqlli.orders.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.EventTopics;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.orders.api.Market.CONTRACTS;

/**
 * offers' award makes the contract by itself, once however often it arrives, public to read, with
 * its ContractCreated on aqlli.orders.contracts carrying the parties' regions, category and value.
 */
@QuarkusTest
class ContractFromAwardTest extends MarketTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAwardBecomesOnePendingContractWorthTheAwardedPrice() {
        var buyer = market.enterprise("1706");
        var provider = market.provider("1726");
        RequestAwarded award = Market.award(buyer, provider, "48500000.75");
        market.awarded(award);

        String id = given().queryParam("requestId", award.requestId().toString()).get(CONTRACTS).then().statusCode(200)
                .body("total", equalTo(1)).extract().path("items[0].id");
        given().get(CONTRACTS + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("PENDING"))
                .body("requestId", equalTo(award.requestId().toString()))
                .body("bidId", equalTo(award.bidId().toString()))
                .body("buyerId", equalTo(buyer.id.toString()))
                .body("supplierId", equalTo(provider.id.toString()))
                .body("valueUzs", equalTo(48500000.75f))
                .body("currency", equalTo("UZS"))
                .body("category", equalTo("ERP"))
                .body("title.uz-Latn", equalTo("1C joriy etish"))
                .body("regions", equalTo(List.of("1706")))
                .body("durationDays", equalTo(60))
                .body("currentPlanVersion", nullValue())
                .body("dateSigned", nullValue());
    }

    @Test
    void aRedeliveredAwardUnderTheSameOrANewEventIdMakesNoSecondContract() {
        var buyer = market.enterprise("1706");
        var provider = market.provider("1726");
        RequestAwarded award = Market.award(buyer, provider, "1000000");
        String eventId = market.awarded(award);
        // Keyed by the request, all three land on one partition in this order: once the last is
        // handled, the redelivery before it has been too.
        market.redeliver(eventId, award);
        market.awarded(award);

        given().queryParam("requestId", award.requestId().toString()).get(CONTRACTS).then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void theContractCreatedEventCarriesWhatTheLakeCountsBy() throws IOException {
        var buyer = market.enterprise("1706");
        var provider = market.provider("1726");
        RequestAwarded award = Market.award(buyer, provider, "7250000.10");
        market.awarded(award);
        String id = given().queryParam("requestId", award.requestId().toString()).get(CONTRACTS).then().statusCode(200)
                .extract().path("items[0].id");

        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        EventTopics.all(kafka, Topic.CONTRACTS.topicName(), Duration.ofSeconds(30), record -> {
            if (id.equals(record.key())) {
                mine.add(record);
            }
            return !mine.isEmpty();
        });
        assertEquals(1, mine.size());
        assertEquals("ContractCreated", EventTopics.header(mine.get(0), "ce_type"));
        assertEquals("/aqlli/orders", EventTopics.header(mine.get(0), "ce_source"));
        JsonNode created = JSON.readTree(mine.get(0).value());
        JsonNode facts = created.get("contract");
        assertEquals(id, facts.get("contractId").asText());
        assertEquals("PENDING", facts.get("status").asText());
        assertEquals(0, facts.get("valueUzs").decimalValue().compareTo(new java.math.BigDecimal("7250000.10")));
        assertEquals("ERP", facts.get("category").asText());
        assertEquals("1706", facts.get("buyer").get("regionCode").asText());
        assertEquals("1706201", facts.get("buyer").get("districtCode").asText());
        assertEquals("1726", facts.get("supplier").get("regionCode").asText());
        assertEquals(award.bidId().toString(), facts.get("bidId").asText());
        assertEquals(60, created.get("durationDays").asInt());
        assertTrue(created.get("regions").isArray());
    }
}
