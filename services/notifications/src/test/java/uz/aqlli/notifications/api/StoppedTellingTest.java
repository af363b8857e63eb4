package uz.aqlli.notifications.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.ContractCompleted;
import uz.aqlli.platform.events.ContractFacts;
import uz.aqlli.platform.events.ContractSigned;
import uz.aqlli.platform.events.ContractTerminated;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.events.MemberJoined;
import uz.aqlli.platform.events.MemberLeft;
import uz.aqlli.platform.events.MilestoneFacts;
import uz.aqlli.platform.events.MilestoneOverdue;
import uz.aqlli.platform.events.MilestonePlanProposed;
import uz.aqlli.platform.events.OrderApprovalRequested;
import uz.aqlli.platform.events.OrderFacts;
import uz.aqlli.platform.events.OrganizationManagerChanged;
import uz.aqlli.platform.events.OrganizationReinstated;
import uz.aqlli.platform.events.OrganizationSuspended;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.KeycloakUsers;
import uz.aqlli.platform.testing.Mailbox;
import uz.aqlli.platform.testing.MovableClock;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static uz.aqlli.notifications.api.People.eventually;
import static uz.aqlli.notifications.api.People.kafka;
import static uz.aqlli.notifications.api.WhoIsToldTest.hasFor;
import static uz.aqlli.notifications.api.WhoIsToldTest.party;

/** When telling stops: an event that can never be told is set aside, not retried before everyone's; an ended contract is reminded of no more. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class StoppedTellingTest {

    static People.Member buyer;
    static People.Member supplier;

    @Inject
    MovableClock clock;

    @BeforeEach
    void market() {
        if (buyer != null) {
            return;
        }
        buyer = People.organization("ENTERPRISE", "1710", List.of("TEXTILES"));
        supplier = People.organization("PROVIDER", "1710", List.of("ERP"));
    }

    @AfterEach
    void realTime() {
        clock.backToRealTime();
    }

    /**
     * The wire form of a real {@code QuestionAnswered} with no request id (as a producer's bug would
     * send it): the consumer reads it as that type, and its handler finds nothing to tell.
     */
    record QuestionAnswered(UUID requestId, UUID questionId, String question, String answer, Instant answeredAt)
            implements IntegrationEvent {

        /** The key of the request that follows, so both land on one partition, this one first. */
        @Override
        public String aggregateId() {
            return questionId.toString();
        }
    }

    @Test
    void anEventLackingItsIdIsADeadLetterAndTheEventsBehindItAreStillTold() {
        UUID request = UUID.randomUUID();
        PlatformEvents.publish(kafka(), new uz.aqlli.platform.events.RequestPublished(request, buyer.organizationId(), "ERP",
                Map.of("uz-Latn", "ERP tizimi"), List.of("1710"), null, Instant.now().plus(Duration.ofDays(7)), "LOWEST_PRICE", 100, 0,
                Instant.now()));
        eventually(() -> hasFor(supplier, "REQUEST_PUBLISHED", request), "the request for the provider");

        String broken = PlatformEvents.publish(kafka(), Topic.SERVICE_REQUESTS, new QuestionAnswered(null, request, "?", "!", Instant.now()),
                Topic.SERVICE_REQUESTS.source(), OffsetDateTime.now(ZoneOffset.UTC));
        PlatformEvents.publish(kafka(), new uz.aqlli.platform.events.QuestionAnswered(request, UUID.randomUUID(), "Muddat?", "30 kun",
                Instant.now()));
        eventually(() -> hasFor(supplier, "QUESTION_ANSWERED", request), "the answer behind the broken event");

        var letter = EventTopics.await(kafka(), Topic.NOTIFICATIONS_DEAD_LETTERS.topicName(),
                        record -> broken.equals(EventTopics.header(record, "ce_id")), Duration.ofSeconds(20))
                .orElseGet(() -> fail("the broken event is not on the dead-letter topic"));
        assertTrue(EventTopics.header(letter, "dead-letter-reason").contains("lacks"), EventTopics.header(letter, "dead-letter-reason"));
        assertTrue("notifications".equals(EventTopics.header(letter, "dead-letter-consumer")));
    }

    @Test
    void aTerminatedOrCompletedContractIsNeitherRemindedOfNorToldOverdue() {
        LocalDate due = LocalDate.now(ZoneId.of("Asia/Tashkent")).plusDays(30);
        ContractFacts running = signed(due);
        ContractFacts terminated = signed(due);
        ContractFacts completed = signed(due);
        PlatformEvents.publish(kafka(), new ContractTerminated(with(terminated, "TERMINATED"), "BY_AGREEMENT", "BUYER", "Sabab",
                new BigDecimal("30000000.00"), new BigDecimal("30000000.00"), BigDecimal.ZERO, BigDecimal.ZERO, Instant.now()));
        PlatformEvents.publish(kafka(), new ContractCompleted(with(completed, "COMPLETED"), new BigDecimal("30000000.00"),
                new BigDecimal("30000000.00"), new BigDecimal("30000000.00"), new BigDecimal("30000000.00"), Instant.now()));
        eventually(() -> hasFor(supplier, "CONTRACT_TERMINATED", terminated.contractId())
                && hasFor(supplier, "CONTRACT_COMPLETED", completed.contractId()), "both ends told");

        // Orders' own overdue notice, should one still come for the ended contract (its facts as they stood).
        for (ContractFacts contract : List.of(running, terminated)) {
            PlatformEvents.publish(kafka(), new MilestoneOverdue(contract, milestone(due), due, Instant.now()));
        }
        eventually(() -> hasFor(supplier, "MILESTONE_OVERDUE", running.contractId()), "the running contract's overdue milestone");

        clock.moveAhead(Duration.ofDays(28));
        eventually(() -> hasFor(supplier, "MILESTONE_DUE_SOON", running.contractId()), "the running contract's reminder");
        WhoIsToldTest.sleep(2500);
        assertFalse(hasFor(supplier, "MILESTONE_DUE_SOON", terminated.contractId()), "a terminated contract reminded of");
        assertFalse(hasFor(supplier, "MILESTONE_DUE_SOON", completed.contractId()), "a completed contract reminded of");
        assertFalse(hasFor(supplier, "MILESTONE_OVERDUE", terminated.contractId()), "a terminated contract told overdue");
        assertFalse(hasFor(buyer, "MILESTONE_OVERDUE", terminated.contractId()), "a terminated contract told overdue");
    }

    @Test
    void aMemberWhoLeftHearsNothingMoreOneWhoJoinedIsToldWithoutSigningInAndAHandoverMovesTheManagersNews() {
        People.Member stays = People.organization("ENTERPRISE", "1710", List.of("TEXTILES"));
        UUID organization = stays.organizationId();
        String leaverToken = KeycloakUsers.signedInMember(People.realm(), "enterprises", organization);
        String leaver = People.subject(leaverToken);
        given().auth().oauth2(leaverToken).get("/api/notifications/feed").then().statusCode(200);
        String joined = UUID.randomUUID().toString();
        String joinedEmail = "yangi-" + joined + "@sinov.uz";

        PlatformEvents.publish(kafka(), new MemberLeft(organization, leaver, Instant.now()));
        PlatformEvents.publish(kafka(), new MemberJoined(organization, joined, joinedEmail, Instant.now()));
        PlatformEvents.publish(kafka(), new OrganizationSuspended(organization, "ENTERPRISE", "1710", "SUSPENDED", "Sabab", "test",
                Instant.now()));
        eventually(() -> WhoIsToldTest.kinds(stays).contains("ORGANIZATION_SUSPENDED"), "the member who stays told");
        Mailbox.await(joinedEmail, 1, mail -> mail.subject().contains("to'xtatildi"), Duration.ofSeconds(20));
        // The leaver's token is still valid for minutes: calling with it makes them no recipient again.
        String leaversFeed = given().auth().oauth2(leaverToken).get("/api/notifications/feed?size=100").then().statusCode(200)
                .extract().asString();
        assertFalse(leaversFeed.contains("ORGANIZATION_SUSPENDED"), "a member who left told: " + leaversFeed);
        PlatformEvents.publish(kafka(), new OrganizationReinstated(organization, "ENTERPRISE", "1710", "VERIFIED", "Sabab", "test",
                Instant.now()));
        eventually(() -> WhoIsToldTest.kinds(stays).contains("ORGANIZATION_REINSTATED"), "the reinstatement");
        assertFalse(given().auth().oauth2(leaverToken).get("/api/notifications/feed?size=100").asString().contains("ORGANIZATION_REINSTATED"),
                "a member who left told after calling the API");

        // The manager hands over to the member who joined: approvals go to the new manager, not the old one.
        PlatformEvents.publish(kafka(), new OrganizationManagerChanged(organization, "ENTERPRISE", "1710", "VERIFIED", joined,
                stays.userId(), Instant.now()));
        UUID order = UUID.randomUUID();
        PlatformEvents.publish(kafka(), new OrderApprovalRequested(new OrderFacts(order, "AE-2026-000901", "SERVICE", "AWAITING_APPROVAL",
                party(stays, "1710"), party(supplier, "1710"), null, "ERP", "FIXED", new BigDecimal("90000000.00"), "UZS"),
                new BigDecimal("50000000.00"), Instant.now()));
        Mailbox.await(joinedEmail, 1, mail -> mail.text().contains(order.toString()), Duration.ofSeconds(20));
        assertFalse(hasFor(stays, "ORDER_APPROVAL_REQUESTED", order), "the former manager asked to approve");
    }

    /** A contract whose one milestone is due on {@code due}, signed by both. */
    private static ContractFacts signed(LocalDate due) {
        ContractFacts facts = new ContractFacts(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "PENDING", party(buyer, "1710"),
                party(supplier, "1710"), "ERP", new BigDecimal("30000000.00"), "UZS");
        PlatformEvents.publish(kafka(), new MilestonePlanProposed(facts, 1, List.of(
                new MilestonePlanProposed.Milestone(1, "Joriy etish", "DELIVERY", new BigDecimal("30000000.00"), due)), Instant.now()));
        PlatformEvents.publish(kafka(), new ContractSigned(facts, "BUYER", 1, Instant.now(), null));
        ContractFacts active = with(facts, "ACTIVE");
        PlatformEvents.publish(kafka(), new ContractSigned(active, "SUPPLIER", 1, Instant.now(), Instant.now()));
        eventually(() -> hasFor(supplier, "CONTRACT_ACTIVE", facts.contractId()), "the contract signed");
        return active;
    }

    private static ContractFacts with(ContractFacts facts, String status) {
        return new ContractFacts(facts.contractId(), facts.requestId(), facts.bidId(), status, facts.buyer(), facts.supplier(),
                facts.category(), facts.valueUzs(), facts.currency());
    }

    private static MilestoneFacts milestone(LocalDate due) {
        return new MilestoneFacts(1, "Joriy etish", "DELIVERY", "SCHEDULED", new BigDecimal("30000000.00"), due, null, null, Instant.now());
    }
}
