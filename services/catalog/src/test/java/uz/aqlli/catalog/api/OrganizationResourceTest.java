package uz.aqlli.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class OrganizationResourceTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    @Test
    void registeringPublishesOrganizationRegisteredKeyedByTheOrganization() throws Exception {
        String stir = newStir();
        String id = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "ENTERPRISE", "legalName", "Namangan Ipak MChJ", "stir", stir,
                        "regionCode", "1714", "districtCode", "1714401",
                        // fields the platform sets: ignored, never stored
                        "status", "VERIFIED", "id", "00000000-0000-0000-0000-000000000001"))
                .post("/api/catalog/organizations")
                .then().statusCode(201)
                .header("Location", containsString("/api/catalog/organizations/"))
                .body("status", equalTo("PENDING"))
                .body("stir", equalTo(stir))
                .extract().path("id");
        assertTrue(!id.equals("00000000-0000-0000-0000-000000000001"));

        var record = EventTopics.await(kafka, Topic.ORGANIZATIONS.topicName(), r -> id.equals(r.key()), Duration.ofSeconds(10))
                .orElseThrow(() -> new AssertionError("no OrganizationRegistered on the topic for " + id));
        assertEquals("OrganizationRegistered", EventTopics.header(record, "ce_type"));
        assertEquals(id, EventTopics.header(record, "ce_subject"));
        assertEquals("/aqlli/catalog", EventTopics.header(record, "ce_source"));
        assertEquals("1.0", EventTopics.header(record, "ce_specversion"));
        JsonNode data = new ObjectMapper().readTree(record.value());
        assertEquals(stir, data.path("stir").asText());
        assertEquals("1714", data.path("regionCode").asText());
        assertEquals("PENDING", data.path("status").asText());
        assertEquals(id, data.path("organizationId").asText());

        given().auth().oauth2(admin()).get("/api/catalog/organizations/" + id)
                .then().statusCode(200).body("legalName", equalTo("Namangan Ipak MChJ"));
    }

    @Test
    void theOutboxRowIsMarkedSentOnceTheBrokerHasIt() {
        String id = register(newStir(), "1703");
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
        String aggregateId = java.util.UUID.randomUUID().toString();
        // As if the process had died after the commit but before the relay ran.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into outbox_event (id, topic, aggregate_type, aggregate_id, event_type, source, payload, occurred_at)
                        values (gen_random_uuid(), :topic, 'Organization', :aggregate, 'OrganizationRegistered', '/aqlli/catalog',
                                cast(:payload as jsonb), now())""")
                .setParameter("topic", Topic.ORGANIZATIONS.topicName())
                .setParameter("aggregate", aggregateId)
                .setParameter("payload", "{\"organizationId\":\"" + aggregateId + "\",\"regionCode\":\"1733\"}")
                .executeUpdate());

        var record = EventTopics.await(kafka, Topic.ORGANIZATIONS.topicName(), r -> aggregateId.equals(r.key()), Duration.ofSeconds(15));
        assertTrue(record.isPresent(), "the leftover outbox row was not published");
    }

    @Test
    void badInputIsRefusedWithProblemDetailsNamingTheField() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "ENTERPRISE", "legalName", "Bad STIR", "stir", "12345678A", "regionCode", "1703"))
                .post("/api/catalog/organizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("stir"));

        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "ENTERPRISE", "legalName", "Nowhere", "stir", newStir(), "regionCode", "1799"))
                .post("/api/catalog/organizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("regionCode"));

        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "FACTORY", "legalName", "Unknown kind", "stir", newStir(), "regionCode", "1703"))
                .post("/api/catalog/organizations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("kind"));

        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "ENTERPRISE", "legalName", "x".repeat(301), "stir", newStir(), "regionCode", "1703"))
                .post("/api/catalog/organizations")
                .then().statusCode(400).body("errors.field", hasItem("legalName"));

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"kind\": ")
                .post("/api/catalog/organizations")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aSecondOrganizationWithTheSameStirIsAConflictAndNothingIsWritten() {
        String stir = newStir();
        register(stir, "1730");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "PROVIDER", "legalName", "Copy", "stir", stir, "regionCode", "1730"))
                .post("/api/catalog/organizations")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:aqlli:problem:duplicate-stir"));
        Number rows = (Number) entityManager.createNativeQuery("select count(*) from organization where stir = :stir")
                .setParameter("stir", stir).getSingleResult();
        Number events = (Number) entityManager.createNativeQuery(
                        "select count(*) from outbox_event where payload ->> 'stir' = :stir")
                .setParameter("stir", stir).getSingleResult();
        assertEquals(1, rows.intValue());
        assertEquals(1, events.intValue());
    }

    @Test
    void onlyTheAdministrationRegistersAndReads() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/catalog/organizations")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.demoUser(realmUrl, "enterprise1")).contentType(ContentType.JSON)
                .body(Map.of("kind", "ENTERPRISE", "legalName", "Mine", "stir", newStir(), "regionCode", "1703"))
                .post("/api/catalog/organizations")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.tampered(admin())).get("/api/catalog/organizations/" + java.util.UUID.randomUUID())
                .then().statusCode(401);
        given().auth().oauth2(admin()).get("/api/catalog/organizations/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    private String register(String stir, String region) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("kind", "ENTERPRISE", "legalName", "Korxona " + stir, "stir", stir, "regionCode", region))
                .post("/api/catalog/organizations")
                .then().statusCode(201).extract().path("id");
    }

    private String admin() {
        return Tokens.demoUser(realmUrl, "admin1");
    }

    private static String newStir() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
    }
}
