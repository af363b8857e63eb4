package uz.aqlli.datalake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.DirectoryEvents;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "datalake"))
class EventLakeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Inject
    EntityManager entityManager;

    @Test
    void anEventIsStoredOnceHoweverOftenItIsDelivered() {
        String eventId = UUID.randomUUID().toString();
        String organization = UUID.randomUUID().toString();
        publishRegistration(eventId, organization, "1724");
        publishRegistration(eventId, organization, "1724");
        String marker = UUID.randomUUID().toString();
        publishRegistration(marker, UUID.randomUUID().toString(), "1724");

        awaitTrue(() -> count("select count(*) from raw_event where event_id = '" + marker + "'") == 1);
        assertEquals(1, count("select count(*) from raw_event where event_id = '" + eventId + "'"));
        assertEquals(1, count("select count(*) from inbox_event where event_id = '" + eventId + "'"));
        assertEquals("OrganizationRegistered", entityManager.createNativeQuery(
                "select event_type from raw_event where event_id = :id").setParameter("id", eventId).getSingleResult());
    }

    @Test
    void theAdministrationSeesOrganizationsPerRegion() {
        String organization = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        publishRegistration(eventId, organization, "1722");
        awaitTrue(() -> count("select count(*) from raw_event where event_id = '" + eventId + "'") == 1);

        given().auth().oauth2(Tokens.demoUser(realmUrl, "admin1"))
                .get("/api/analytics/organizations/by-region")
                .then().statusCode(200).body("regionCode", hasItem("1722"));
        given().auth().oauth2(Tokens.demoUser(realmUrl, "provider1"))
                .get("/api/analytics/organizations/by-region")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/api/analytics/organizations/by-region").then().statusCode(401);
    }

    @Test
    void aRegionalAdministrationSeesItsOwnRegionsFiguresAndTheRepublicSeesEveryRegion() {
        String bukhara = UUID.randomUUID().toString();
        String navoi = UUID.randomUUID().toString();
        publishRegistration(bukhara, UUID.randomUUID().toString(), "1706");
        publishRegistration(navoi, UUID.randomUUID().toString(), "1712");
        awaitTrue(() -> count("select count(*) from raw_event where event_id in ('" + bukhara + "', '" + navoi + "')") == 2);
        String admin = Tokens.demoUser(realmUrl, "admin-bukhara");

        given().auth().oauth2(admin).get("/api/analytics/organizations/by-region")
                .then().statusCode(200).body("regionCode", everyItem(equalTo("1706"))).body("regionCode", hasItem("1706"));
        given().auth().oauth2(admin).queryParam("regionCode", "1706").get("/api/analytics/organizations/by-region")
                .then().statusCode(200).body("regionCode", everyItem(equalTo("1706")));
        given().auth().oauth2(admin).queryParam("regionCode", "1712").get("/api/analytics/organizations/by-region")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:aqlli:problem:outside-your-region"));

        String republic = Tokens.demoUser(realmUrl, "admin1");
        given().auth().oauth2(republic).get("/api/analytics/organizations/by-region")
                .then().statusCode(200).body("regionCode", hasItems("1706", "1712"));
        given().auth().oauth2(republic).queryParam("regionCode", "1712").get("/api/analytics/organizations/by-region")
                .then().statusCode(200).body("regionCode", everyItem(equalTo("1712")));
        given().auth().oauth2(republic).queryParam("regionCode", "Buxoro").get("/api/analytics/organizations/by-region")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("regionCode"));
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String poisonKey = "poison-" + UUID.randomUUID();
        EventTopics.send(kafka, Topic.ORGANIZATIONS.topicName(), poisonKey, "not an event".getBytes(StandardCharsets.UTF_8), Map.of());
        String after = UUID.randomUUID().toString();
        publishRegistration(after, UUID.randomUUID().toString(), "1708");

        var dead = EventTopics.await(kafka, Topic.DATALAKE_DEAD_LETTERS.topicName(), r -> poisonKey.equals(r.key()), Duration.ofSeconds(20));
        assertTrue(dead.isPresent(), "the unreadable record was dropped instead of dead-lettered");
        assertTrue(EventTopics.header(dead.get(), "dead-letter-reason") != null, "the dead letter carries no reason");
        awaitTrue(() -> count("select count(*) from raw_event where event_id = '" + after + "'") == 1);
    }

    @Test
    void theRawStoreRefusesToRewriteHistory() {
        String eventId = UUID.randomUUID().toString();
        publishRegistration(eventId, UUID.randomUUID().toString(), "1733");
        awaitTrue(() -> count("select count(*) from raw_event where event_id = '" + eventId + "'") == 1);

        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("update raw_event set event_type = 'Forged' where event_id = :id")
                        .setParameter("id", eventId).executeUpdate()));
        assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery("delete from raw_event where event_id = :id")
                        .setParameter("id", eventId).executeUpdate()));
        assertEquals(1, count("select count(*) from raw_event where event_id = '" + eventId + "' and event_type = 'OrganizationRegistered'"));
    }

    /** An organization's registration, published as catalog's outbox relay publishes it. */
    private void publishRegistration(String eventId, String organizationId, String region) {
        PlatformEvents.publishAs(kafka, Topic.ORGANIZATIONS, eventId,
                DirectoryEvents.event(organizationId, "ENTERPRISE", region, "Registered", "PENDING", Instant.now()),
                Topic.ORGANIZATIONS.source(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    private long count(String sql) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql).getSingleResult())).longValue();
    }

    private static void awaitTrue(Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
