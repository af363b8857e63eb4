package uz.aqlli.catalog.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.RatingsPublished;
import uz.aqlli.platform.events.RatingsPublished.PublishedRating;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.fail;
import static uz.aqlli.platform.testing.Demo.NAVOI_METAL;
import static uz.aqlli.platform.testing.Demo.SAMARKAND_IT;
import static uz.aqlli.platform.testing.Demo.TASHKENT_SOFT;

/**
 * The directory's public organization page shows the average and count of each score of the
 * ratings orders published (RatingsPublished on aqlli.orders.ratings), each event counted once; a
 * record that is no rating event from orders is a dead letter and counts for nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class DirectoryRatingsTest {

    static final String ORGANIZATIONS = "/api/catalog/organizations/";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    @Test
    void theOrganizationPageShowsThePublishedRatingsFiguresCountedOnce() {
        given().get(ORGANIZATIONS + NAVOI_METAL).then().statusCode(200)
                .body("ratings.quality.count", equalTo(0)).body("ratings.quality.average", nullValue());

        UUID navoi = UUID.fromString(NAVOI_METAL);
        UUID firstDeal = UUID.randomUUID();
        RatingsPublished both = new RatingsPublished("ORDER", firstDeal, null, null, null, null, "BOTH_RATED", List.of(
                rating(UUID.fromString(TASHKENT_SOFT), navoi, 4, 3, 5),
                rating(navoi, UUID.fromString(TASHKENT_SOFT), 1, 1, 1)), Instant.now());
        String firstId = PlatformEvents.publish(kafka, both);
        awaitHandled(firstId);
        awaitHandled(PlatformEvents.publish(kafka, new RatingsPublished("CONTRACT", UUID.randomUUID(), null, null, null, null, "WINDOW_CLOSED",
                List.of(rating(UUID.fromString(SAMARKAND_IT), navoi, 5, 4, 2)), Instant.now())));

        // Delivered again under its id: counted once. (A later event of the same deal, in the same
        // partition, shows the redelivery has been passed over.)
        PlatformEvents.publishAs(kafka, Topic.RATINGS, firstId, both, Topic.RATINGS.source(), OffsetDateTime.now(ZoneOffset.UTC));
        awaitHandled(PlatformEvents.publish(kafka, new RatingsPublished("ORDER", firstDeal, null, null, null, null, "BOTH_RATED", List.of(), Instant.now())));

        given().get(ORGANIZATIONS + NAVOI_METAL).then().statusCode(200)
                .body("ratings.quality.average", equalTo(4.5f)).body("ratings.quality.count", equalTo(2))
                .body("ratings.timeliness.average", equalTo(3.5f)).body("ratings.timeliness.count", equalTo(2))
                .body("ratings.communication.average", equalTo(3.5f)).body("ratings.communication.count", equalTo(2));

        // Only orders publishes ratings: the same event from another source is a dead letter.
        UUID forgedDeal = UUID.randomUUID();
        PlatformEvents.publish(kafka, Topic.RATINGS, new RatingsPublished("ORDER", forgedDeal, null, null, null, null, "BOTH_RATED",
                List.of(rating(UUID.fromString(SAMARKAND_IT), navoi, 1, 1, 1)), Instant.now()), "/aqlli/offers", OffsetDateTime.now(ZoneOffset.UTC));
        EventTopics.await(kafka, Topic.CATALOG_DEAD_LETTERS.topicName(),
                        r -> forgedDeal.toString().equals(r.key()) && "catalog-ratings".equals(EventTopics.header(r, "dead-letter-consumer")),
                        Duration.ofSeconds(20))
                .orElseGet(() -> fail("a rating event from offers was not dead-lettered"));
        given().get(ORGANIZATIONS + NAVOI_METAL).then().body("ratings.quality.count", equalTo(2));
    }

    private static PublishedRating rating(UUID rater, UUID rated, int quality, int timeliness, int communication) {
        return new PublishedRating(UUID.randomUUID(), rater, rated, quality, timeliness, communication, "Izoh", Instant.now());
    }

    private void awaitHandled(String eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select count(*) from inbox_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).toString().equals("0")) {
            if (System.nanoTime() > deadline) {
                fail("catalog never handled " + eventId);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
