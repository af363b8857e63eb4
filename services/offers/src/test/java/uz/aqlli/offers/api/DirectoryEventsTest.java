package uz.aqlli.offers.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.OrganizationManagerChanged;
import uz.aqlli.platform.events.OrganizationRegistered;
import uz.aqlli.platform.events.ProductWithdrawn;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.runtime.consumer.DeadLetters;
import uz.aqlli.platform.testing.DirectoryEvents;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the offers service takes the directory's word: only catalog's organization events, in the
 * order catalog wrote them (the topic's, not the sender's clock), once each; anything else is kept
 * as a dead letter and consumption goes on.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "offers"))
class DirectoryEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void anEventDatedInTheFutureDoesNotFreezeAStatus() {
        String organization = UUID.randomUUID().toString();
        Standings.announce(kafka, organization, "PROVIDER", "1718", "Suspended", "SUSPENDED", Instant.now().plus(365, ChronoUnit.DAYS));
        // Later on the topic, dated earlier: catalog wrote it after the suspension, so it is the newer fact.
        Standings.announce(kafka, organization, "PROVIDER", "1718", "Reinstated", "VERIFIED", Instant.now());
        assertEquals("VERIFIED", Standings.of(organization));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String organization = UUID.randomUUID().toString();
        var verified = DirectoryEvents.event(organization, "PROVIDER", "1718", "Verified", "VERIFIED", Instant.now());
        String eventId = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        PlatformEvents.publishAs(kafka, Topic.ORGANIZATIONS, eventId, verified, Topic.ORGANIZATIONS.source(), now);
        Standings.await(organization, "VERIFIED");
        Standings.announce(kafka, organization, "PROVIDER", "1718", "Suspended", "SUSPENDED", Instant.now());

        // The same event again (a relay that crashed before marking it sent publishes it twice).
        PlatformEvents.publishAs(kafka, Topic.ORGANIZATIONS, eventId, verified, Topic.ORGANIZATIONS.source(), now);
        String marker = UUID.randomUUID().toString();
        Standings.announce(kafka, marker, "PROVIDER", "1718", "Verified", "VERIFIED", Instant.now());
        assertEquals("SUSPENDED", Standings.of(organization), "a redelivered event was applied again");
    }

    @Test
    void anEventFromAnotherSourceIsADeadLetterAndChangesNothing() {
        String organization = UUID.randomUUID().toString();
        Standings.verified(kafka, organization, "PROVIDER", "1718");

        // Anyone who can write to the topic could claim to be the directory; only catalog is.
        var forged = DirectoryEvents.event(organization, "PROVIDER", "1718", "Suspended", "SUSPENDED", Instant.now());
        String forgedId = PlatformEvents.publish(kafka, Topic.ORGANIZATIONS, forged, "/aqlli/offers", OffsetDateTime.now(ZoneOffset.UTC));

        var dead = EventTopics.await(kafka, Topic.OFFERS_DEAD_LETTERS.topicName(),
                r -> forgedId.equals(EventTopics.header(r, "ce_id")), Duration.ofSeconds(20));
        assertTrue(dead.isPresent(), "the forged event was not kept as a dead letter");
        assertTrue(EventTopics.header(dead.get(), DeadLetters.REASON).contains("/aqlli/offers"), EventTopics.header(dead.get(), DeadLetters.REASON));
        assertEquals("organization-standing", EventTopics.header(dead.get(), DeadLetters.CONSUMER));
        assertEquals(Topic.ORGANIZATIONS.topicName(), EventTopics.header(dead.get(), DeadLetters.TOPIC));
        assertEquals("VERIFIED", Standings.of(organization));
    }

    /**
     * Every event of the directory's topic is an organization event with the status after it: a
     * registration with the details an e-invoice needs and a manager's handover are read like the rest.
     */
    @Test
    void aRegistrationWithItsLegalDetailsAndAManagersHandoverAreDirectoryEventsToo() {
        String organization = UUID.randomUUID().toString();
        String manager = UUID.randomUUID().toString();
        PlatformEvents.publish(kafka, Topic.ORGANIZATIONS, new OrganizationRegistered(UUID.fromString(organization), "PROVIDER",
                "Xiva Dasturlash MChJ", "301234568", "1733", "1733401", "NONE", null, List.of(), List.of("ERP"), "+998622000000",
                "info@xiva-dastur.uz", "Xorazm viloyati, Xiva shahri, Islom Xo'ja ko'chasi, 3-uy", "333401234568", manager,
                "PENDING", Instant.now()), Topic.ORGANIZATIONS.source(), OffsetDateTime.now(ZoneOffset.UTC));
        Standings.await(organization, "PENDING");

        String handedOver = UUID.randomUUID().toString();
        PlatformEvents.publish(kafka, Topic.ORGANIZATIONS, new OrganizationManagerChanged(UUID.fromString(handedOver), "PROVIDER",
                "1733", "VERIFIED", UUID.randomUUID().toString(), manager, Instant.now()), Topic.ORGANIZATIONS.source(),
                OffsetDateTime.now(ZoneOffset.UTC));
        Standings.await(handedOver, "VERIFIED");
    }

    @Test
    void aTypeTheTopicDoesNotCarryAndARecordThatIsNoEventAreDeadLettersAndConsumptionGoesOn() {
        String organization = UUID.randomUUID().toString();
        String wrongType = PlatformEvents.publish(kafka, Topic.ORGANIZATIONS, new ProductWithdrawn(UUID.randomUUID(),
                UUID.fromString(organization), Instant.now()), Topic.ORGANIZATIONS.source(), OffsetDateTime.now(ZoneOffset.UTC));
        String poisonKey = "poison-" + UUID.randomUUID();
        EventTopics.send(kafka, Topic.ORGANIZATIONS.topicName(), poisonKey, "not an event".getBytes(StandardCharsets.UTF_8), Map.of());
        Standings.verified(kafka, organization, "PROVIDER", "1718");

        var deadType = EventTopics.await(kafka, Topic.OFFERS_DEAD_LETTERS.topicName(),
                r -> wrongType.equals(EventTopics.header(r, "ce_id")), Duration.ofSeconds(20));
        assertTrue(deadType.isPresent(), "an event of a type the topic does not carry was not dead-lettered");
        assertTrue(EventTopics.header(deadType.get(), DeadLetters.REASON).contains("ProductWithdrawn"));
        var deadRecord = EventTopics.await(kafka, Topic.OFFERS_DEAD_LETTERS.topicName(), r -> poisonKey.equals(r.key()), Duration.ofSeconds(20));
        assertTrue(deadRecord.isPresent(), "a record that is no CloudEvent was not dead-lettered");
        assertEquals("not an event", new String(deadRecord.get().value(), StandardCharsets.UTF_8));
    }
}
