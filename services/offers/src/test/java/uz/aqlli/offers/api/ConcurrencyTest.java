package uz.aqlli.offers.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.Contention;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uz.aqlli.offers.api.TenderTest.REQUESTS;
import static uz.aqlli.platform.testing.Demo.BUKHARA_TEXTILE;
import static uz.aqlli.platform.testing.Demo.TASHKENT_SOFT;

/** Two answers to one question at the same moment, really concurrent in the database ({@link Contention}). */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "offers"))
class ConcurrencyTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Test
    void twoAnswersAtOnceToOneQuestionAreOneAnswerOneEventAndOne412() throws Exception {
        Standings.verified(kafka, BUKHARA_TEXTILE, "ENTERPRISE", "1706");
        Standings.verified(kafka, TASHKENT_SOFT, "PROVIDER", "1726");
        String buyer = Tokens.demoUser(realmUrl, "enterprise1");
        String provider = Tokens.demoUser(realmUrl, "provider1");
        String request = given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Map.of(
                        "category", "ERP",
                        "title", Map.of("uz-Latn", "Ombor hisobi uchun ERP"),
                        "description", Map.of("uz-Latn", "Ombor va buxgalteriya, 40 foydalanuvchi"),
                        "regions", List.of("1706"),
                        "deadline", Instant.now().plusSeconds(120).toString(),
                        "criterion", "LOWEST_PRICE"))
                .post(REQUESTS).then().statusCode(201).extract().path("id");
        String question = given().auth().oauth2(provider).contentType(ContentType.JSON)
                .body(Map.of("text", "Mavjud 1C bazasi ko'chiriladimi?"))
                .post(REQUESTS + "/" + request + "/questions").then().statusCode(201).extract().path("id");
        String answer = REQUESTS + "/" + request + "/questions/" + question + "/answer";

        List<Integer> statuses = Contention.race(dataSource, "request_question", "id", UUID.fromString(question),
                List.<Callable<Integer>>of(
                        () -> given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Map.of("text", "Ha, to'liq"))
                                .put(answer).statusCode(),
                        () -> given().auth().oauth2(buyer).contentType(ContentType.JSON).body(Map.of("text", "Yo'q, faqat qoldiqlar"))
                                .put(answer).statusCode()));

        assertEquals(List.of(200, 412), statuses.stream().sorted().toList(), "statuses " + statuses);
        String winner = statuses.get(0) == 200 ? "Ha, to'liq" : "Yo'q, faqat qoldiqlar";
        List<?> events = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "select payload ->> 'answer' from outbox_event where aggregate_id = :id and event_type = 'QuestionAnswered'")
                .setParameter("id", request).getResultList());
        assertEquals(List.of(winner), events, "one answer, one event: the winner's");
        given().get(REQUESTS + "/" + request + "/questions").then().statusCode(200)
                .body("[0].answer", equalTo(winner));
    }
}
