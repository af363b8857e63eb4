package uz.aqlli.integrity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.KeycloakUsers;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.integrity.Market.FLAGS;
import static uz.aqlli.integrity.Market.REALM;
import static uz.aqlli.integrity.Market.Tender;
import static uz.aqlli.integrity.Market.awaitFlag;
import static uz.aqlli.integrity.Market.republic;

/**
 * The administration's review: RAISED → UNDER_REVIEW → CONFIRMED | DISMISSED with notes and
 * If-Match, by the buyer's region or the republic; another region's administration finds nothing
 * (404), enterprises and providers are refused (403); each step an event naming who decided;
 * bad parameters are problems naming the parameter.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "integrity"))
class ReviewTest {

    private static String raisedIn(String region) {
        UUID buyer = Market.enterprise(region);
        Tender tender = Tender.of(buyer, region, "TRAINING").publish().bid(Market.provider("1726"), "2000000").reveal();
        tender.awardLowest();
        awaitFlag("requestId", tender.id, "R018", System.nanoTime(), Duration.ofSeconds(20));
        return Market.flags(republic(), Map.of("requestId", tender.id.toString(), "code", "R018")).extract().path("items[0].id");
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void theBuyersRegionReviewsAndDecidesWithNotesAndEachStepIsAnEventNamingWhoDecided() {
        String id = raisedIn("1706");
        String samarkand = KeycloakUsers.signedInAdministrator(REALM, "1706");
        String path = FLAGS + "/" + id;

        as(samarkand).get(path).then().statusCode(200).header("ETag", equalTo("\"0\"")).body("status", equalTo("RAISED"));
        // Deciding before the review is the wrong step.
        as(samarkand).header("If-Match", "\"0\"").body(Map.of("status", "CONFIRMED", "note", "Tasdiq"))
                .post(path + "/decision").then().statusCode(409).body("errors.field", hasItem("status"));
        as(samarkand).body(Map.of("note", "Ko'rib chiqilmoqda")).post(path + "/review").then().statusCode(428);
        as(samarkand).header("If-Match", "\"7\"").body(Map.of("note", "Ko'rib chiqilmoqda")).post(path + "/review")
                .then().statusCode(412);
        as(samarkand).header("If-Match", "\"0\"").body(Map.of("note", " ")).post(path + "/review")
                .then().statusCode(400).body("errors.field", hasItem("note"));
        as(samarkand).header("If-Match", "\"0\"").body(Map.of("note", "Ko'rib chiqilmoqda")).post(path + "/review")
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("status", equalTo("UNDER_REVIEW"))
                .body("review.note", equalTo("Ko'rib chiqilmoqda")).body("review.by", notNullValue());
        // A second reviewer on the version they read before the first one's step: 412, not a second review.
        as(republic()).header("If-Match", "\"0\"").body(Map.of("note", "Men ham")).post(path + "/review").then().statusCode(412);
        as(samarkand).header("If-Match", "\"1\"").body(Map.of("note", "Ikki marta")).post(path + "/review").then().statusCode(409);
        as(samarkand).header("If-Match", "\"1\"").body(Map.of("status", "RAISED", "note", "Orqaga")).post(path + "/decision")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        as(samarkand).header("If-Match", "\"1\"").body(Map.of("status", "OPENED", "note", "x")).post(path + "/decision")
                .then().statusCode(400);
        String decider = as(samarkand).header("If-Match", "\"1\"")
                .body(Map.of("status", "DISMISSED", "note", "Yagona ixtisoslashgan yetkazib beruvchi, asoslangan"))
                .post(path + "/decision").then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("status", equalTo("DISMISSED")).body("decision.note", equalTo("Yagona ixtisoslashgan yetkazib beruvchi, asoslangan"))
                .extract().path("decision.by");
        as(samarkand).header("If-Match", "\"2\"").body(Map.of("status", "CONFIRMED", "note", "Qayta")).post(path + "/decision")
                .then().statusCode(409);

        var decided = EventTopics.await(Market.KAFKA, Topic.RED_FLAGS.topicName(),
                record -> id.equals(record.key()) && "RedFlagDecided".equals(EventTopics.header(record, "ce_type")),
                Duration.ofSeconds(15)).orElseThrow();
        String payload = new String(decided.value(), StandardCharsets.UTF_8);
        assertTrue(payload.matches("(?s).*\"decidedBy\":\\s*\"" + decider + "\".*") && payload.contains("DISMISSED"), payload);
        assertTrue(EventTopics.await(Market.KAFKA, Topic.RED_FLAGS.topicName(),
                record -> id.equals(record.key()) && "RedFlagReviewed".equals(EventTopics.header(record, "ce_type")),
                Duration.ofSeconds(15)).isPresent());

        String month = YearMonth.now(ZoneId.of("Asia/Tashkent")).toString();
        as(samarkand).queryParam("code", "R018").queryParam("month", month).get(FLAGS + "/counts").then().statusCode(200)
                .body("items.find { it.regionCode == '1706' }.dismissed", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void anotherRegionFindsNothingAndOrganizationsAreRefused() {
        String id = raisedIn("1706");
        String andijan = KeycloakUsers.signedInAdministrator(REALM, "1703");
        as(andijan).get(FLAGS + "/" + id).then().statusCode(404);
        as(andijan).header("If-Match", "\"0\"").body(Map.of("note", "x")).post(FLAGS + "/" + id + "/review").then().statusCode(404);
        as(andijan).get(FLAGS + "?size=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(andijan).get(FLAGS + "?regionCode=1706").then().statusCode(403);
        as(republic()).get(FLAGS + "/" + id).then().statusCode(200);

        String enterprise = KeycloakUsers.signedInMember(REALM, "enterprises", UUID.randomUUID());
        String provider = KeycloakUsers.signedInMember(REALM, "providers", UUID.randomUUID());
        for (String token : new String[]{enterprise, provider}) {
            as(token).get(FLAGS).then().statusCode(403);
            as(token).get(FLAGS + "/" + id).then().statusCode(403);
            as(token).get(FLAGS + "/counts").then().statusCode(403);
            as(token).get(FLAGS + "/definitions").then().statusCode(403);
            as(token).header("If-Match", "\"0\"").body(Map.of("note", "x")).post(FLAGS + "/" + id + "/review").then().statusCode(403);
        }
        given().get(FLAGS).then().statusCode(401);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        String admin = republic();
        for (var bad : Map.of("code", "R999", "status", "OPEN", "regionCode", "17x", "organizationId", "not-a-uuid",
                "from", "yesterday", "requestId", "123").entrySet()) {
            as(admin).queryParam(bad.getKey(), bad.getValue()).get(FLAGS).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad.getKey()));
        }
        as(admin).queryParam("from", LocalDate.now().toString()).queryParam("to", LocalDate.now().minusDays(1).toString())
                .get(FLAGS).then().statusCode(400).body("errors.field", hasItem("to"));
        as(admin).queryParam("size", 0).get(FLAGS).then().statusCode(400).body("errors.field", hasItem("size"));
        for (var bad : Map.of("month", "2026-13", "code", "r18", "regionCode", "1").entrySet()) {
            as(admin).queryParam(bad.getKey(), bad.getValue()).get(FLAGS + "/counts").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(bad.getKey()));
        }
        as(admin).get(FLAGS + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theDefinitionsNameEveryCodeWithTheThresholdsInForce() {
        as(republic()).get(FLAGS + "/definitions").then().statusCode(200)
                .body("size()", equalTo(17))
                .body("find { it.code == 'R003' }.thresholds.'aqlli.integrity.short-period-days'", equalTo("10"))
                .body("find { it.code == 'R018' }.catalogue", equalTo(true))
                .body("find { it.code == 'R018' }.input", equalTo("BIDS"))
                .body("find { it.code == 'AQ-REPEAT-WINNER' }.catalogue", equalTo(false))
                .body("find { it.code == 'AQ-REPEAT-WINNER' }.thresholds.'aqlli.integrity.repeat-winner-awards'", equalTo("4"))
                .body("find { it.code == 'R062' }.thresholds.'aqlli.integrity.slow-award-days'", equalTo("30"));
    }
}
