package uz.aqlli.catalog.api;

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

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uz.aqlli.catalog.api.Registrations.PASSWORD;
import static uz.aqlli.catalog.api.Registrations.newStir;
import static uz.aqlli.catalog.api.Registrations.registerEnterprise;

/**
 * Two changes of one thing at the same moment, really concurrent in the database
 * ({@link Contention}): one wins, the other is told so with a 412, never a 500, and the loser
 * leaves nothing behind.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ConcurrencyTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Test
    void twoDecisionsAtOnceOnOneOrganizationAreOneDecisionAndOne412() throws Exception {
        String id = registerEnterprise(newStir(), "1706");
        decide(Tokens.demoUser(realmUrl, "admin1"), id, "VERIFY").then().statusCode(200);
        String republic = Tokens.demoUser(realmUrl, "admin1");
        String bukhara = Tokens.demoUser(realmUrl, "admin-bukhara");

        List<Integer> statuses = Contention.race(dataSource, "organization", "id", UUID.fromString(id), List.<Callable<Integer>>of(
                () -> decide(republic, id, "SUSPEND").statusCode(),
                () -> decide(bukhara, id, "SUSPEND").statusCode()));

        assertEquals(List.of(200, 412), statuses.stream().sorted().toList(), "statuses " + statuses);
        assertEquals(1, count("select count(*) from outbox_event where aggregate_id = :id and event_type = 'OrganizationSuspended'", id));
    }

    @Test
    void twoHandoversAtOnceLeaveOneManager() throws Exception {
        String stir = newStir();
        String id = registerEnterprise(stir, "1706");
        String manager = Tokens.password(realmUrl, "aqlli-web", "manager-" + stir + "@korxona.uz", PASSWORD);
        String self = OnboardingTest.claims(manager).path("sub").asText();
        String first = addMember(manager, id, "birinchi-" + stir);
        String second = addMember(manager, id, "ikkinchi-" + stir);

        List<Integer> statuses = Contention.race(dataSource, "member", "user_id", UUID.fromString(self), List.<Callable<Integer>>of(
                () -> handOver(manager, id, first),
                () -> handOver(manager, id, second)));

        assertEquals(List.of(200, 412), statuses.stream().sorted().toList(), "statuses " + statuses);
        assertEquals(1, count("select count(*) from member where organization_id = cast(:id as uuid) and role = 'MANAGER'", id));
        assertEquals(0, count("select count(*) from member where organization_id = cast(:id as uuid) and role = 'MANAGER' "
                + "and user_id = '" + self + "'", id));
    }

    private io.restassured.response.Response decide(String token, String id, String decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "reason", "litsenziya muddati o'tgan"))
                .post("/api/catalog/organizations/" + id + "/decisions");
    }

    private int handOver(String token, String id, String userId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("userId", userId))
                .post("/api/catalog/organizations/" + id + "/manager-handover").statusCode();
    }

    private String addMember(String managerToken, String organizationId, String name) {
        return given().auth().oauth2(managerToken).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Xodim", "lastName", "Karimov", "email", name + "@korxona.uz", "password", PASSWORD))
                .post("/api/catalog/organizations/" + organizationId + "/members").then().statusCode(201).extract().path("userId");
    }

    private long count(String sql, String id) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql)
                .setParameter("id", id).getSingleResult())).longValue();
    }
}
