package uz.aqlli.notifications.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import uz.aqlli.notifications.NotificationKind;
import uz.aqlli.platform.events.BidsRevealed;
import uz.aqlli.platform.events.ContractAmended;
import uz.aqlli.platform.events.ContractCompleted;
import uz.aqlli.platform.events.ContractCreated;
import uz.aqlli.platform.events.ContractFacts;
import uz.aqlli.platform.events.ContractSigned;
import uz.aqlli.platform.events.ContractSigningRefused;
import uz.aqlli.platform.events.ContractTerminated;
import uz.aqlli.platform.events.DisputeEscalated;
import uz.aqlli.platform.events.DisputeFacts;
import uz.aqlli.platform.events.DisputeOpened;
import uz.aqlli.platform.events.DisputeResolved;
import uz.aqlli.platform.events.DisputeResponded;
import uz.aqlli.platform.events.DisputeSettled;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.events.MilestoneAccepted;
import uz.aqlli.platform.events.MilestoneDelivered;
import uz.aqlli.platform.events.MilestoneFacts;
import uz.aqlli.platform.events.MilestoneOverdue;
import uz.aqlli.platform.events.MilestonePlanProposed;
import uz.aqlli.platform.events.MilestoneRejected;
import uz.aqlli.platform.events.OrderApprovalRequested;
import uz.aqlli.platform.events.OrderCancelled;
import uz.aqlli.platform.events.OrderCompleted;
import uz.aqlli.platform.events.OrderConfirmed;
import uz.aqlli.platform.events.OrderDelivered;
import uz.aqlli.platform.events.OrderFacts;
import uz.aqlli.platform.events.OrderMonthAccepted;
import uz.aqlli.platform.events.OrderParty;
import uz.aqlli.platform.events.OrderPlaced;
import uz.aqlli.platform.events.OrderQuoted;
import uz.aqlli.platform.events.OrderRefused;
import uz.aqlli.platform.events.OrderRejected;
import uz.aqlli.platform.events.OrganizationRejected;
import uz.aqlli.platform.events.OrganizationReinstated;
import uz.aqlli.platform.events.OrganizationSuspended;
import uz.aqlli.platform.events.PaymentRecorded;
import uz.aqlli.platform.events.QuestionAnswered;
import uz.aqlli.platform.events.RatingsPublished;
import uz.aqlli.platform.events.RedFlagRaised;
import uz.aqlli.platform.events.RequestAwardDeclined;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.RequestCancelled;
import uz.aqlli.platform.events.RequestPublished;
import uz.aqlli.platform.events.RequestUnsuccessful;
import uz.aqlli.platform.testing.KeycloakUsers;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uz.aqlli.notifications.api.People.kafka;

/**
 * Every kind of notification, each from its real event (or, for the reminder, the sweep), reaches
 * exactly the users it names and nobody else of the whole service (the feed's rows of its subject,
 * read from the database): the buyer's manager and member, the seller's, another provider of the
 * category, the administration of the buyer's region, of another region and of the republic.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class EveryKindTest {

    /** Regions and a category no other test of this service uses, so that nobody else is among the told. */
    static final String BUYER_REGION = "1735";
    static final String SELLER_REGION = "1733";
    static final String CATEGORY = "DATA_ANALYTICS";
    static final BigDecimal SUM = new BigDecimal("12000000.00");

    @Inject
    EntityManager entityManager;

    /** One row of the table: the kind, its subject, and who must be told. */
    record Told(NotificationKind kind, UUID subject, Set<String> whom) {
    }

    @Test
    void eachKindReachesExactlyTheUsersItConcerns() {
        People.Member buyer = People.organization("ENTERPRISE", BUYER_REGION, List.of("TEXTILES"));
        People.Member buyerMember = member(buyer, "enterprises");
        People.Member seller = People.organization("PROVIDER", SELLER_REGION, List.of(CATEGORY));
        People.Member sellerMember = member(seller, "providers");
        People.Member other = People.organization("PROVIDER", SELLER_REGION, List.of(CATEGORY));
        People.Member administration = People.administrator(BUYER_REGION);
        People.Member republic = People.administrator("17");
        People.Member elsewhere = People.administrator("1714");
        Set<String> buyers = users(buyer, buyerMember);
        Set<String> sellers = users(seller, sellerMember);
        Set<String> both = users(buyer, buyerMember, seller, sellerMember);
        Set<String> followers = users(seller, sellerMember, other);
        UUID buyerId = buyer.organizationId();
        UUID sellerId = seller.organizationId();
        OrderParty buyerParty = new OrderParty(buyerId, BUYER_REGION, BUYER_REGION + "401", "NONE", null);
        OrderParty sellerParty = new OrderParty(sellerId, SELLER_REGION, SELLER_REGION + "401", "NONE", null);
        Instant now = Instant.now();
        List<IntegrationEvent> events = new ArrayList<>();
        List<Told> table = new ArrayList<>();

        // A tender: published, answered, revealed, awarded, the award declined; two more, unsuccessful and cancelled.
        UUID request = UUID.randomUUID();
        UUID winningBid = UUID.randomUUID();
        events.add(published(request, buyerId));
        events.add(new QuestionAnswered(request, UUID.randomUUID(), "Muddat?", "30 kun", now));
        events.add(new BidsRevealed(request, buyerId, now, List.of(
                new BidsRevealed.RevealedBid(winningBid, sellerId, SUM, 30, now),
                new BidsRevealed.RevealedBid(UUID.randomUUID(), other.organizationId(), SUM.add(BigDecimal.TEN), 30, now)), now));
        events.add(new RequestAwarded(request, buyerId, CATEGORY, Map.of("uz-Latn", "Tahlil"), List.of(SELLER_REGION), winningBid, sellerId,
                SUM, 30, "LOWEST_PRICE", true, 2, "Arzon", now));
        events.add(new RequestAwardDeclined(request, buyerId, winningBid, sellerId, UUID.randomUUID(), "Rad", now));
        table.add(new Told(NotificationKind.REQUEST_PUBLISHED, request, followers));
        table.add(new Told(NotificationKind.QUESTION_ANSWERED, request, followers));
        table.add(new Told(NotificationKind.BIDS_REVEALED, request, buyers));
        table.add(new Told(NotificationKind.BID_WON, request, sellers));
        table.add(new Told(NotificationKind.BID_NOT_CHOSEN, request, users(other)));
        table.add(new Told(NotificationKind.AWARD_DECLINED, request, buyers));
        UUID unsuccessful = UUID.randomUUID();
        events.add(published(unsuccessful, buyerId));
        events.add(new RequestUnsuccessful(unsuccessful, buyerId, true, "Taklif yo'q", now));
        table.add(new Told(NotificationKind.REQUEST_UNSUCCESSFUL, unsuccessful, followers));
        UUID cancelled = UUID.randomUUID();
        events.add(published(cancelled, buyerId));
        events.add(new RequestCancelled(cancelled, buyerId, "PUBLISHED", "Kerak emas", now));
        table.add(new Told(NotificationKind.REQUEST_CANCELLED, cancelled, followers));

        // An order through every step.
        UUID order = UUID.randomUUID();
        OrderFacts facts = new OrderFacts(order, "AE-2026-004401", "SERVICE", "PLACED", buyerParty, sellerParty, null, CATEGORY, "FIXED",
                SUM, "UZS");
        events.add(new OrderApprovalRequested(facts, SUM, now));
        events.add(new OrderPlaced(facts, List.of(), null, BUYER_REGION, BUYER_REGION + "401", LocalDate.now().plusDays(9), now));
        events.add(new OrderRejected(facts, "Yo'q", now));
        events.add(new OrderQuoted(facts, new BigDecimal("40"), now));
        events.add(new OrderConfirmed(facts, LocalDate.now().plusDays(9), true, now));
        events.add(new OrderRefused(facts, "Yo'q", now));
        events.add(new OrderDelivered(facts, null, SUM, now, now));
        events.add(new OrderMonthAccepted(facts, 1, SUM, "BUYER", now));
        events.add(new OrderCompleted(facts, "BUYER", now));
        events.add(new OrderCancelled(facts, "BUYER", false, "Kerak emas", now));
        table.add(new Told(NotificationKind.ORDER_APPROVAL_REQUESTED, order, users(buyer)));
        table.add(new Told(NotificationKind.ORDER_PLACED, order, sellers));
        for (NotificationKind kind : List.of(NotificationKind.ORDER_REJECTED, NotificationKind.ORDER_QUOTED, NotificationKind.ORDER_CONFIRMED,
                NotificationKind.ORDER_REFUSED, NotificationKind.ORDER_DELIVERED)) {
            table.add(new Told(kind, order, buyers));
        }
        table.add(new Told(NotificationKind.ORDER_MONTH_ACCEPTED, order, sellers));
        table.add(new Told(NotificationKind.ORDER_COMPLETED, order, both));
        table.add(new Told(NotificationKind.ORDER_CANCELLED, order, both));

        // A contract through every step (overdue before it ends), another terminated, a third with a milestone due in 2 days.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
        ContractFacts contract = contract(request, buyerParty, sellerParty);
        MilestoneFacts milestone = new MilestoneFacts(1, "Tahlil", "DELIVERY", "SCHEDULED", SUM, today.plusDays(40), null, null, null);
        events.add(new ContractCreated(contract, Map.of("uz-Latn", "Tahlil"), List.of(SELLER_REGION), 30, now, now));
        events.add(new MilestonePlanProposed(contract, 1, List.of(
                new MilestonePlanProposed.Milestone(1, "Tahlil", "DELIVERY", SUM, today.plusDays(40))), now));
        events.add(new ContractSigned(contract, "BUYER", 1, now, null));
        events.add(new ContractSigned(contract, "SUPPLIER", 1, now, now));
        events.add(new ContractSigningRefused(contract, "SUPPLIER", "Yo'q", now));
        events.add(new MilestoneDelivered(contract, milestone, 1, now, now));
        events.add(new MilestoneAccepted(contract, milestone, "MET", SUM, false, now));
        events.add(new MilestoneRejected(contract, milestone, "Kam", now));
        events.add(new PaymentRecorded(contract, milestone, SUM, today, SUM, SUM, now));
        events.add(new MilestoneOverdue(contract, milestone, today.plusDays(40), now));
        events.add(new ContractAmended(contract, 1, "Sabab", "Tavsif", "BUYER", SUM, SUM, SUM, List.of(), now));
        events.add(new ContractCompleted(contract, SUM, SUM, SUM, SUM, now));
        table.add(new Told(NotificationKind.CONTRACT_CREATED, contract.contractId(), both));
        table.add(new Told(NotificationKind.PLAN_PROPOSED, contract.contractId(), users(buyer)));
        table.add(new Told(NotificationKind.CONTRACT_SIGNED, contract.contractId(), users(seller)));
        table.add(new Told(NotificationKind.CONTRACT_ACTIVE, contract.contractId(), both));
        table.add(new Told(NotificationKind.SIGNING_REFUSED, contract.contractId(), buyers));
        table.add(new Told(NotificationKind.MILESTONE_DELIVERED, contract.contractId(), buyers));
        table.add(new Told(NotificationKind.MILESTONE_ACCEPTED, contract.contractId(), sellers));
        table.add(new Told(NotificationKind.MILESTONE_REJECTED, contract.contractId(), sellers));
        table.add(new Told(NotificationKind.PAYMENT_RECORDED, contract.contractId(), sellers));
        table.add(new Told(NotificationKind.MILESTONE_OVERDUE, contract.contractId(), both));
        table.add(new Told(NotificationKind.CONTRACT_AMENDED, contract.contractId(), both));
        table.add(new Told(NotificationKind.CONTRACT_COMPLETED, contract.contractId(), both));
        ContractFacts terminated = contract(request, buyerParty, sellerParty);
        events.add(new ContractTerminated(terminated, "BY_ONE_PARTY", "BUYER", "Sabab", SUM, SUM, BigDecimal.ZERO, BigDecimal.ZERO, now));
        table.add(new Told(NotificationKind.CONTRACT_TERMINATED, terminated.contractId(), both));
        ContractFacts dueSoon = contract(request, buyerParty, sellerParty);
        events.add(new MilestonePlanProposed(dueSoon, 1, List.of(
                new MilestonePlanProposed.Milestone(1, "Tahlil", "DELIVERY", SUM, today.plusDays(2))), now));
        events.add(new ContractSigned(dueSoon, "BUYER", 1, now, null));
        events.add(new ContractSigned(dueSoon, "SUPPLIER", 1, now, now));
        table.add(new Told(NotificationKind.MILESTONE_DUE_SOON, dueSoon.contractId(), sellers));

        // A dispute the buyer opens, through every step.
        UUID dispute = UUID.randomUUID();
        DisputeFacts disputed = new DisputeFacts(dispute, "ORDER", order, null, null, "OPEN", buyerParty, sellerParty, "BUYER",
                "NOT_DELIVERED", SUM, "UZS", null, CATEGORY);
        events.add(new DisputeOpened(disputed, now, now));
        events.add(new DisputeResponded(disputed, now));
        events.add(new DisputeEscalated(disputed, "BUYER", now));
        events.add(new DisputeSettled(disputed, "REFUND", SUM, now));
        events.add(new DisputeResolved(disputed, "REFUND", SUM, "ADMINISTRATION", administration.userId(), now));
        table.add(new Told(NotificationKind.DISPUTE_OPENED, dispute, sellers));
        table.add(new Told(NotificationKind.DISPUTE_RESPONDED, dispute, buyers));
        Set<String> escalated = new TreeSet<>(both);
        escalated.addAll(users(administration, republic));
        table.add(new Told(NotificationKind.DISPUTE_ESCALATED, dispute, escalated));
        table.add(new Told(NotificationKind.DISPUTE_SETTLED, dispute, both));
        table.add(new Told(NotificationKind.DISPUTE_RESOLVED, dispute, both));

        // Ratings (each party linked to its own page), a red flag, the directory's decisions.
        events.add(new RatingsPublished("ORDER", order, buyerParty, sellerParty, null, CATEGORY, "BOTH_RATED", List.of(), now));
        table.add(new Told(NotificationKind.RATINGS_PUBLISHED, buyerId, buyers));
        table.add(new Told(NotificationKind.RATINGS_PUBLISHED, sellerId, sellers));
        UUID flag = UUID.randomUUID();
        events.add(new RedFlagRaised(flag, "R018", "Single bid received", BUYER_REGION, request, null, buyerId, List.of(buyerId, sellerId),
                List.of(winningBid.toString()), Map.of(), now));
        table.add(new Told(NotificationKind.RED_FLAG_RAISED, flag, users(administration, republic)));
        // Not a follower: its decisions may be read before the tender's events (another topic).
        People.Member decided = People.organization("PROVIDER", SELLER_REGION, List.of("TRAINING"));
        UUID otherId = decided.organizationId();
        events.add(new OrganizationSuspended(otherId, "PROVIDER", SELLER_REGION, "SUSPENDED", "Hujjat", "test", now));
        events.add(new OrganizationReinstated(otherId, "PROVIDER", SELLER_REGION, "VERIFIED", "Hujjat", "test", now));
        events.add(new OrganizationRejected(otherId, "PROVIDER", SELLER_REGION, "REJECTED", "Hujjat", "test", now));
        for (NotificationKind kind : List.of(NotificationKind.ORGANIZATION_VERIFIED, NotificationKind.ORGANIZATION_SUSPENDED,
                NotificationKind.ORGANIZATION_REINSTATED, NotificationKind.ORGANIZATION_REJECTED)) {
            table.add(new Told(kind, otherId, users(decided)));
        }

        assertEquals(EnumSet.allOf(NotificationKind.class), table.stream().map(Told::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationKind.class))), "every kind in the table");
        try (PlatformEvents.Publisher publisher = PlatformEvents.publisher(kafka())) {
            events.forEach(publisher::publish);
        }
        // Each kind's rows are written in one transaction, so once any is there all are: the set must be exact.
        for (Told row : table) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            Set<String> told = told(row);
            while (told.isEmpty() && System.nanoTime() < deadline) {
                WhoIsToldTest.sleep(200);
                told = told(row);
            }
            assertEquals(new TreeSet<>(row.whom()), told, row.kind() + " of " + row.subject() + " (cast: buyer " + users(buyer)
                    + " " + users(buyerMember) + ", seller " + users(seller) + " " + users(sellerMember) + ", other " + users(other)
                    + ", administration " + users(administration) + ", republic " + users(republic) + ", elsewhere " + users(elsewhere) + ")");
        }
    }

    private Set<String> told(Told row) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> users = entityManager.createNativeQuery(
                            "select recipient_user_id from notification where kind = :kind and subject_id = :subject")
                    .setParameter("kind", row.kind().name()).setParameter("subject", row.subject().toString()).getResultList();
            return users.stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
        });
    }

    /** Another user of the organization, who has opened their feed once (the manager is the organization's first). */
    private static People.Member member(People.Member organization, String group) {
        String token = KeycloakUsers.signedInMember(People.realm(), group, organization.organizationId());
        given().auth().oauth2(token).get("/api/notifications/feed").then().statusCode(200);
        return new People.Member(organization.organizationId(), token, People.subject(token), People.claim(token, "email"));
    }

    private static Set<String> users(People.Member... members) {
        Set<String> users = new TreeSet<>();
        for (People.Member member : members) {
            users.add(member.userId());
        }
        return users;
    }

    private static RequestPublished published(UUID request, UUID buyer) {
        return new RequestPublished(request, buyer, CATEGORY, Map.of("uz-Latn", "Tahlil"), List.of(SELLER_REGION), null,
                Instant.now().plus(Duration.ofDays(7)), "LOWEST_PRICE", 100, 0, Instant.now());
    }

    private static ContractFacts contract(UUID request, OrderParty buyer, OrderParty seller) {
        return new ContractFacts(UUID.randomUUID(), request, UUID.randomUUID(), "ACTIVE", buyer, seller, CATEGORY, SUM, "UZS");
    }
}
