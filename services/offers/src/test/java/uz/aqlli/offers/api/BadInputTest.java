package uz.aqlli.offers.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.InputRules;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static uz.aqlli.platform.testing.InputRules.as;
import static uz.aqlli.platform.testing.InputRules.call;
import static uz.aqlli.platform.testing.InputRules.refused;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static uz.aqlli.platform.testing.Demo.BUKHARA_TEXTILE;
import static uz.aqlli.platform.testing.Demo.TASHKENT_SOFT;

/**
 * Input that used to be a 500 is a 400 problem naming the field: control characters in a
 * request, a question, an answer or a bid's proposal, a key given twice, a page past the depth.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "offers"))
class BadInputTest {

    static final String REQUESTS = "/api/offers/requests";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aControlCharacterInATenderTextIsRefusedNamingTheField() {
        Standings.verified(kafka, BUKHARA_TEXTILE, "ENTERPRISE", "1706");
        Standings.verified(kafka, TASHKENT_SOFT, "PROVIDER", "1726");
        String buyer = Tokens.demoUser(realmUrl, "enterprise1");
        String provider = Tokens.demoUser(realmUrl, "provider1");

        Map<String, Object> request = request();
        request.put("title", Map.of("ru", "ERP\u0000"));
        refused(as(buyer).body(request).post(REQUESTS).then(), "title.ru").body("detail", containsString("U+0000"));
        String id = as(buyer).body(request()).post(REQUESTS).then().statusCode(201).extract().path("id");
        String path = REQUESTS + "/" + id;

        refused(as(provider).body(Map.of("text", "Muddat\u0000?")).post(path + "/questions").then(), "text");
        String question = as(provider).body(Map.of("text", "Muddat?")).post(path + "/questions").then().statusCode(201)
                .extract().path("id");
        refused(as(buyer).body(Map.of("text", "90 kun\u0007")).put(path + "/questions/" + question + "/answer").then(), "text");
        refused(as(provider).body(Map.of("priceUzs", "100.00", "durationDays", 10, "proposal", "1C:ERP\u0000"))
                .post(path + "/bids").then(), "proposal");
        refused(as(buyer).body(Map.of("text", "Bekor\u0000")).post(path + "/cancellation").then(), "text");
        refused(as(provider).contentType(ContentType.JSON)
                .body("{\"priceUzs\": \"100.00\", \"durationDays\": 10, \"proposal\": \"a\", \"proposal\": \"b\"}")
                .post(path + "/bids").then(), "proposal").body("errors[0].message", equalTo("is given twice"));
        // The refused attempts left nothing behind: the provider's one bid is still to be made.
        as(provider).body(Map.of("priceUzs", "100.00", "durationDays", 10, "proposal", "1C:ERP")).post(path + "/bids")
                .then().statusCode(201);
    }

    @Test
    void everyListIsPagedAtMostTenThousandResultsDeep() {
        Map<String, String> lists = Map.of(
                "/api/offers/offers", "",
                "/api/offers/offers/mine", Tokens.demoUser(realmUrl, "provider1"),
                REQUESTS, "",
                REQUESTS + "/mine", Tokens.demoUser(realmUrl, "enterprise1"));
        InputRules.pagedToTheDepth(lists);
    }

    private static Map<String, Object> request() {
        return new HashMap<>(Map.of(
                "category", "ERP",
                "title", Map.of("uz-Latn", "Tikuv fabrikasi uchun ERP"),
                "description", Map.of("uz-Latn", "Ombor va ishlab chiqarish modullari"),
                "regions", List.of("1706"),
                "deadline", Instant.now().plusSeconds(120).toString(),
                "criterion", "LOWEST_PRICE"));
    }
}
