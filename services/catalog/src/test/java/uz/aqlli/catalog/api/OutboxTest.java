package uz.aqlli.catalog.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.catalog.api.Registrations.newStir;
import static uz.aqlli.catalog.api.Registrations.registerEnterprise;

/** The catalog's outbox against the real broker, and its readiness. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class OutboxTest {

    static final String PARKED = "/api/catalog/operations/outbox/parked";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    @Test
    void theOutboxRowIsMarkedSentOnceTheBrokerHasIt() {
        String id = registerEnterprise(newStir(), "1703");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Object publishedAt = null;
        while (publishedAt == null && System.nanoTime() < deadline) {
            publishedAt = entityManager.createNativeQuery("select published_at from outbox_event where aggregate_id = :id")
                    .setParameter("id", id).getSingleResult();
        }
        assertTrue(publishedAt != null, "outbox row of " + id + " never marked published");
    }

    @Test
    void anEventLeftUnsentByAnEarlierProcessIsPublishedByTheSweep() {
        String aggregateId = UUID.randomUUID().toString();
        // As if the process had died after the commit but before the relay ran.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into outbox_event (id, topic, aggregate_type, aggregate_id, event_type, source, payload, occurred_at)
                        values (gen_random_uuid(), :topic, 'organization', :aggregate, 'OrganizationRegistered', '/aqlli/catalog',
                                cast(:payload as jsonb), now())""")
                .setParameter("topic", Topic.ORGANIZATIONS.topicName())
                .setParameter("aggregate", aggregateId)
                .setParameter("payload", "{\"organizationId\":\"" + aggregateId + "\",\"regionCode\":\"1733\"}")
                .executeUpdate());

        var record = EventTopics.await(kafka, Topic.ORGANIZATIONS.topicName(), r -> aggregateId.equals(r.key()), Duration.ofSeconds(15));
        assertTrue(record.isPresent(), "the leftover outbox row was not published");
    }

    @Test
    void aRowTheBrokerNeverTakesIsParkedItsAggregatesLaterRowsWaitAndOthersMoveOn() {
        String stuck = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        // Over the producer's 1 MB record limit: no retry can ever send it as it is.
        UUID tooLarge = insertRow(stuck, "{\"organizationId\":\"" + stuck + "\",\"note\":\"" + "x".repeat(2_000_000) + "\"}");
        UUID behind = insertRow(stuck, "{\"organizationId\":\"" + stuck + "\",\"regionCode\":\"1706\"}");
        UUID unrelated = insertRow(other, "{\"organizationId\":\"" + other + "\",\"regionCode\":\"1706\"}");

        assertTrue(EventTopics.await(kafka, Topic.ORGANIZATIONS.topicName(), r -> other.equals(r.key()), Duration.ofSeconds(15)).isPresent(),
                "another aggregate's event waited behind the stuck one");
        awaitTrue(() -> column("parked_at", tooLarge) != null, "the row that always fails was not parked");
        assertEquals(3, ((Number) column("attempts", tooLarge)).intValue(), "parked after the configured attempts");
        assertNull(column("published_at", behind), "a later event of the stuck aggregate overtook it");
        assertNull(column("parked_at", behind));
        assertTrue(column("published_at", unrelated) != null);

        String operator = Tokens.demoUser(realmUrl, "admin1");
        String parked = PARKED + "/" + tooLarge;
        given().auth().oauth2(operator).get(PARKED).then().statusCode(200)
                .body("find { it.id == '" + tooLarge + "' }.waitingBehind", equalTo(1))
                .body("find { it.id == '" + tooLarge + "' }.lastError", containsString("RecordTooLarge"))
                .body("find { it.id == '" + tooLarge + "' }", not(hasKey("payload")));
        given().auth().oauth2(Tokens.demoUser(realmUrl, "admin-bukhara")).get(PARKED).then().statusCode(403);
        given().auth().oauth2(Tokens.demoUser(realmUrl, "enterprise1")).get(PARKED).then().statusCode(403);
        given().get(PARKED).then().statusCode(401);
        awaitTrue(() -> given().get("/q/health/well").statusCode() == 503, "health does not show the parked event");
        given().get("/q/health/well").then().body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"));
        assertTrue(given().get("/q/metrics").asString().contains("aqlli_outbox_parked_events"), "no parked-events gauge");

        // The operator mends the cause and releases it: both go out, in the order they were written.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update outbox_event set payload = cast(:payload as jsonb) where id = :id")
                .setParameter("payload", "{\"organizationId\":\"" + stuck + "\",\"regionCode\":\"1706\"}")
                .setParameter("id", tooLarge).executeUpdate());
        given().auth().oauth2(operator).post(parked + "/release").then().statusCode(200).body("id", equalTo(tooLarge.toString()));
        given().auth().oauth2(operator).post(parked + "/release").then().statusCode(404).contentType("application/problem+json");
        var sent = EventTopics.all(kafka, Topic.ORGANIZATIONS.topicName(), Duration.ofSeconds(15),
                        r -> behind.toString().equals(EventTopics.header(r, "ce_id"))).stream()
                .filter(r -> stuck.equals(r.key())).map(r -> EventTopics.header(r, "ce_id")).toList();
        assertEquals(List.of(tooLarge.toString(), behind.toString()), sent);
        awaitTrue(() -> given().get("/q/health/well").statusCode() == 200, "health still shows a released event");
    }

    /** An unsent event row of an aggregate, as if its service had just committed it. */
    private UUID insertRow(String aggregateId, String payload) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into outbox_event (id, topic, aggregate_type, aggregate_id, event_type, source, payload, occurred_at)
                        values (:id, :topic, 'organization', :aggregate, 'OrganizationRegistered', '/aqlli/catalog',
                                cast(:payload as jsonb), now())""")
                .setParameter("id", id)
                .setParameter("topic", Topic.ORGANIZATIONS.topicName())
                .setParameter("aggregate", aggregateId)
                .setParameter("payload", payload)
                .executeUpdate());
        return id;
    }

    private Object column(String column, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select " + column + " from outbox_event where id = :id")
                .setParameter("id", id).getSingleResult());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String failure) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }
}
