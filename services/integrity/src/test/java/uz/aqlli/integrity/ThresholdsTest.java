package uz.aqlli.integrity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.PlatformTestResource;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static uz.aqlli.integrity.Market.Tender;
import static uz.aqlli.integrity.Market.awaitFlag;
import static uz.aqlli.integrity.Market.codesOn;
import static uz.aqlli.integrity.Market.handled;
import static uz.aqlli.integrity.Market.publish;
import static uz.aqlli.integrity.Market.republic;

/** Thresholds are configuration: R003 per service category and R062's days, changed here by a profile. */
@QuarkusTest
@TestProfile(ThresholdsTest.Stricter.class)
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "integrity"))
class ThresholdsTest {

    public static class Stricter implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aqlli.integrity.short-period-days-by-category.INDUSTRIAL_IOT", "20",
                    "aqlli.integrity.slow-award-days", "5");
        }
    }

    @Inject
    DataSource database;

    /** Signed in (and the service's key fetch done) before any time is measured. */
    @org.junit.jupiter.api.BeforeEach
    void signedIn() {
        Market.flags(republic(), Map.of()).statusCode(200);
    }

    @Test
    void aCategorysOwnShortPeriodAndAShorterSlowAwardApply() {
        UUID buyer = Market.enterprise("1703");
        // This profile's application joined the consumer group anew: wait until it consumes before timing it.
        handled(database, new Tender(buyer, "1703", "ERP", "LOWEST_PRICE", Instant.now(), Duration.ofDays(20)).publish().publishedEvent);
        Tender iot = new Tender(buyer, "1703", "INDUSTRIAL_IOT", "LOWEST_PRICE", Instant.now(), Duration.ofDays(15));
        long since = System.nanoTime();
        iot.publish();
        awaitFlag("requestId", iot.id, "R003", since, Duration.ofSeconds(2));
        Market.flags(republic(), Map.of("requestId", iot.id.toString(), "code", "R003")).statusCode(200)
                .body("items[0].evidence.values.thresholdDays", equalTo("20"));

        // Another category keeps the default of 10 days: 15 is not short.
        Tender erp = new Tender(buyer, "1703", "ERP", "LOWEST_PRICE", Instant.now(), Duration.ofDays(15)).publish();
        handled(database, erp.publishedEvent);
        assertEquals(List.of(), codesOn("requestId", erp.id, null));

        Tender six = Tender.of(buyer, "1703", "ERP").publish().bid(Market.provider("1726"), "1000000")
                .bid(Market.provider("1726"), "1100000").reveal();
        since = System.nanoTime();
        publish(six.award(six.lowest(), null, null, six.deadline.plus(Duration.ofDays(6))));
        awaitFlag("requestId", six.id, "R062", since, Duration.ofSeconds(2));
        Tender five = Tender.of(buyer, "1703", "ERP").publish().bid(Market.provider("1726"), "1000000")
                .bid(Market.provider("1726"), "1100000").reveal();
        handled(database, publish(five.award(five.lowest(), null, null, five.deadline.plus(Duration.ofDays(5)))));
        assertFalse(codesOn("requestId", five.id, null).contains("R062"));

        given().auth().oauth2(republic()).get(Market.FLAGS + "/definitions").then().statusCode(200)
                .body("find { it.code == 'R003' }.thresholds.'aqlli.integrity.short-period-days-by-category.INDUSTRIAL_IOT'",
                        equalTo("20"))
                .body("find { it.code == 'R062' }.thresholds.'aqlli.integrity.slow-award-days'", equalTo("5"));
    }
}
