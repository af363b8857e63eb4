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

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.catalog.api.Registrations.newStir;
import static uz.aqlli.catalog.api.Registrations.registerEnterprise;

/** The catalog's outbox against the real broker, and its readiness. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class OutboxTest {

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
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }
}
