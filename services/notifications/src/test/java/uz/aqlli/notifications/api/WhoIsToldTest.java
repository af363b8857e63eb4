package uz.aqlli.notifications.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.BidsRevealed;
import uz.aqlli.platform.events.ContractFacts;
import uz.aqlli.platform.events.ContractSigned;
import uz.aqlli.platform.events.MilestonePlanProposed;
import uz.aqlli.platform.events.DisputeEscalated;
import uz.aqlli.platform.events.DisputeFacts;
import uz.aqlli.platform.events.OrderFacts;
import uz.aqlli.platform.events.OrderParty;
import uz.aqlli.platform.events.OrderPlaced;
import uz.aqlli.platform.events.OrganizationSuspended;
import uz.aqlli.platform.events.QuestionAnswered;
import uz.aqlli.platform.events.RedFlagRaised;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.RequestPublished;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.Mailbox;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.TestInfrastructure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.notifications.api.People.eventually;
import static uz.aqlli.notifications.api.People.kafka;

/**
 * Real events of the real records, as their producers publish them: each kind reaches exactly the
 * users it concerns, on the feed and by mail, nothing sealed on either, once however often it comes.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class WhoIsToldTest {

    static People.Member buyer;
    static People.Member tashkentWebs;
    static People.Member samarkandWebs;
    static People.Member tashkentErp;
    static People.Member bukharaAdmin;
    static People.Member navoiAdmin;

    /** Once per class, when the application (and so RestAssured's port) is up; not in @BeforeAll, which runs before. */
    @BeforeEach
    void market() {
        if (buyer != null) {
            return;
        }
        buyer = People.organization("ENTERPRISE", "1706", List.of("TEXTILES"));
        tashkentWebs = People.organization("PROVIDER", "1726", List.of("WEBSITES_AND_PORTALS"));
        samarkandWebs = People.organization("PROVIDER", "1718", List.of("WEBSITES_AND_PORTALS"));
        tashkentErp = People.organization("PROVIDER", "1726", List.of("ERP"));
        bukharaAdmin = People.administrator("1706");
        navoiAdmin = People.administrator("1712");
    }

    @Test
    void theOrganizationsOwnVerificationReachesItsMembersByFeedAndMailWithALink() {
        JsonPath feed = feed(tashkentWebs);
        String verified = "items.find { it.kind == 'ORGANIZATION_VERIFIED' }";
        assertEquals("Tashkilotingiz tasdiqlandi; endi savdo qilishi mumkin", feed.getString(verified + ".text"));
        assertEquals("http://localhost:8080/my", feed.getString(verified + ".link"));
        assertEquals(tashkentWebs.organizationId().toString(), feed.getString(verified + ".subjectId"));
        var mail = Mailbox.await(tashkentWebs.email(), 1, m -> m.subject().contains("tasdiqlandi"), Duration.ofSeconds(20));
        assertTrue(mail.text().contains("http://localhost:8080/my"), mail.text());
        for (People.Member other : List.of(samarkandWebs, tashkentErp, buyer)) {
            assertFalse(kinds(other).isEmpty());
            assertEquals(1, kinds(other).stream().filter("ORGANIZATION_VERIFIED"::equals).count(), "each hears of its own only");
        }
    }

    @Test
    void aNewRequestReachesProvidersOfItsCategoryInItsRegionsAndNobodyElse() {
        UUID request = UUID.randomUUID();
        PlatformEvents.publish(kafka(), published(request, List.of("1726")));
        eventually(() -> hasFor(tashkentWebs, "REQUEST_PUBLISHED", request), "the request in the Tashkent web studio's feed");
        assertFalse(hasFor(samarkandWebs, "REQUEST_PUBLISHED", request), "another region's provider");
        assertFalse(hasFor(tashkentErp, "REQUEST_PUBLISHED", request), "another category's provider");
        assertFalse(hasFor(buyer, "REQUEST_PUBLISHED", request), "the buyer itself");
        assertTrue(feed(tashkentWebs).getString("items.find { it.subjectId == '" + request + "' }.text").contains("Korporativ sayt"));

        // An answer goes to those who follow the request, never naming who asked.
        PlatformEvents.publish(kafka(), new QuestionAnswered(request, UUID.randomUUID(), "Muddat qancha?", "30 kun", Instant.now()));
        eventually(() -> hasFor(tashkentWebs, "QUESTION_ANSWERED", request), "the answer for the follower");
        assertFalse(hasFor(samarkandWebs, "QUESTION_ANSWERED", request));
        assertFalse(hasFor(tashkentErp, "QUESTION_ANSWERED", request));
    }

    @Test
    void bidsRevealedAndTheAwardTellTheBuyerAndEachBidderOfTheirOwnBidAndNoPriceOrBidderOnAnyChannel() {
        UUID request = UUID.randomUUID();
        PlatformEvents.publish(kafka(), published(request, List.of("1726")));
        eventually(() -> hasFor(tashkentWebs, "REQUEST_PUBLISHED", request), "the request");
        UUID winningBid = UUID.randomUUID();
        PlatformEvents.publish(kafka(), new BidsRevealed(request, buyer.organizationId(), Instant.now(), List.of(
                new BidsRevealed.RevealedBid(UUID.randomUUID(), tashkentWebs.organizationId(), new BigDecimal("98765432.17"), 30, Instant.now()),
                new BidsRevealed.RevealedBid(winningBid, samarkandWebs.organizationId(), new BigDecimal("87654321.19"), 40, Instant.now())),
                Instant.now()));
        eventually(() -> hasFor(buyer, "BIDS_REVEALED", request), "the buyer told the bids are open");
        PlatformEvents.publish(kafka(), new RequestAwarded(request, buyer.organizationId(), "WEBSITES_AND_PORTALS",
                Map.of("uz-Latn", "Korporativ sayt"), List.of("1726"), winningBid, samarkandWebs.organizationId(),
                new BigDecimal("87654321.19"), 40, "LOWEST_PRICE", false, 2, "Tajriba", Instant.now()));
        eventually(() -> hasFor(samarkandWebs, "BID_WON", request), "the winner told");
        eventually(() -> hasFor(tashkentWebs, "BID_NOT_CHOSEN", request), "the other bidder told");
        assertFalse(hasFor(tashkentWebs, "BID_WON", request));
        assertFalse(hasFor(samarkandWebs, "BID_NOT_CHOSEN", request));
        assertFalse(hasFor(tashkentErp, "BID_NOT_CHOSEN", request), "not a bidder");
        assertFalse(hasFor(buyer, "BID_WON", request) || hasFor(buyer, "BID_NOT_CHOSEN", request));

        Mailbox.await(tashkentWebs.email(), 1, m -> m.subject().contains("tanlanmadi"), Duration.ofSeconds(20));
        Mailbox.await(buyer.email(), 1, m -> m.subject().contains("takliflar"), Duration.ofSeconds(20));
        for (People.Member anyone : List.of(buyer, tashkentWebs, samarkandWebs, tashkentErp, bukharaAdmin, navoiAdmin)) {
            String feed = given().auth().oauth2(anyone.token()).get("/api/notifications/feed?size=100").then().statusCode(200).extract().asString();
            String mails = Mailbox.to(anyone.email()).toString();
            List<String> sealedData = new java.util.ArrayList<>(List.of("98765432", "87654321", "Tajriba", winningBid.toString()));
            // A bidder's identity: never in anyone else's notifications (each sees its own organization's id, on its own page).
            for (People.Member bidder : List.of(tashkentWebs, samarkandWebs)) {
                if (bidder != anyone) {
                    sealedData.add(bidder.organizationId().toString());
                }
            }
            for (String sealed : sealedData) {
                assertFalse(feed.contains(sealed), sealed + " in the feed of " + anyone.userId());
                assertFalse(mails.contains(sealed), sealed + " in a mail to " + anyone.email());
            }
        }
    }

    @Test
    void anOrderGoesToTheSellerWhoMustActAndADisputeEscalatedToTheBuyersRegionsAdministration() {
        UUID order = UUID.randomUUID();
        OrderFacts facts = new OrderFacts(order, "AE-2026-000777", "SERVICE", "PLACED", party(buyer, "1706"),
                party(tashkentErp, "1726"), null, "ERP", "FIXED", new BigDecimal("5000000.00"), "UZS");
        PlatformEvents.publish(kafka(), new OrderPlaced(facts, List.of(), null, "1706", "1706401", LocalDate.now().plusDays(9), Instant.now()));
        eventually(() -> hasFor(tashkentErp, "ORDER_PLACED", order), "the seller told of the order");
        assertTrue(feed(tashkentErp).getString("items.find { it.subjectId == '" + order + "' }.text").contains("AE-2026-000777"));
        assertFalse(hasFor(buyer, "ORDER_PLACED", order), "the buyer placed it");
        assertFalse(hasFor(tashkentWebs, "ORDER_PLACED", order), "not a party");

        UUID dispute = UUID.randomUUID();
        DisputeFacts disputeFacts = new DisputeFacts(dispute, "ORDER", order, null, null, "ESCALATED", party(buyer, "1706"),
                party(tashkentErp, "1726"), "BUYER", "NOT_DELIVERED", new BigDecimal("5000000.00"), "UZS", null, "ERP");
        PlatformEvents.publish(kafka(), new DisputeEscalated(disputeFacts, "BUYER", Instant.now()));
        eventually(() -> hasFor(bukharaAdmin, "DISPUTE_ESCALATED", dispute), "the buyer's region's administration");
        assertTrue(hasFor(buyer, "DISPUTE_ESCALATED", dispute) && hasFor(tashkentErp, "DISPUTE_ESCALATED", dispute));
        assertFalse(hasFor(navoiAdmin, "DISPUTE_ESCALATED", dispute), "another region's administration");
        assertFalse(hasFor(tashkentWebs, "DISPUTE_ESCALATED", dispute), "not a party");

        UUID flag = UUID.randomUUID();
        PlatformEvents.publish(kafka(), new RedFlagRaised(flag, "R018", "Single bid received", "1706", UUID.randomUUID(), null,
                buyer.organizationId(), List.of(buyer.organizationId(), tashkentErp.organizationId()), List.of(UUID.randomUUID().toString()),
                Map.of("priceUzs", "76543210.99"), Instant.now()));
        eventually(() -> hasFor(bukharaAdmin, "RED_FLAG_RAISED", flag), "the buyer's region's administration told of the flag");
        assertTrue(feed(bukharaAdmin).getString("items.find { it.subjectId == '" + flag + "' }.text").contains("R018"));
        assertFalse(hasFor(navoiAdmin, "RED_FLAG_RAISED", flag), "another region's administration");
        assertFalse(hasFor(buyer, "RED_FLAG_RAISED", flag) || hasFor(tashkentErp, "RED_FLAG_RAISED", flag), "the flagged parties");
        assertFalse(feed(bukharaAdmin).prettify().contains("76543210"), "the flag's values stay in integrity");
    }

    @Test
    void aSignedMilestoneDueInThreeDaysRemindsTheSupplierOnceAndALaterOneNotYet() {
        UUID request = UUID.randomUUID();
        PlatformEvents.publish(kafka(), published(request, List.of("1726")));
        UUID contract = UUID.randomUUID();
        ContractFacts facts = new ContractFacts(contract, request, UUID.randomUUID(), "PENDING", party(buyer, "1706"),
                party(tashkentWebs, "1726"), "WEBSITES_AND_PORTALS", new BigDecimal("30000000.00"), "UZS");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tashkent"));
        PlatformEvents.publish(kafka(), new MilestonePlanProposed(facts, 1, List.of(
                new MilestonePlanProposed.Milestone(1, "Dizayn", "DELIVERY", new BigDecimal("10000000.00"), today.plusDays(2)),
                new MilestonePlanProposed.Milestone(2, "Ishga tushirish", "DELIVERY", new BigDecimal("20000000.00"), today.plusDays(20))),
                Instant.now()));
        PlatformEvents.publish(kafka(), new ContractSigned(facts, "BUYER", 1, Instant.now(), null));
        eventually(() -> hasFor(tashkentWebs, "CONTRACT_SIGNED", contract), "the supplier asked to sign");
        assertFalse(hasFor(tashkentWebs, "MILESTONE_DUE_SOON", contract), "not before the contract is signed by both");
        PlatformEvents.publish(kafka(), new ContractSigned(facts, "SUPPLIER", 1, Instant.now(), Instant.now()));
        eventually(() -> hasFor(tashkentWebs, "MILESTONE_DUE_SOON", contract), "the reminder of milestone 1");
        sleep(1500);
        List<Map<String, Object>> reminders = feed(tashkentWebs).getList("items.findAll { it.kind == 'MILESTONE_DUE_SOON' && it.subjectId == '"
                + contract + "' }");
        assertEquals(1, reminders.size(), "milestone 1 once, milestone 2 not yet: " + reminders);
        assertTrue(reminders.getFirst().get("text").toString().equals("\"Korporativ sayt\" shartnomasining 1-bosqichi muddatiga 3 kun qoldi"), reminders.toString());
        assertFalse(hasFor(buyer, "MILESTONE_DUE_SOON", contract), "the buyer does not deliver");
    }

    @Test
    void anEventDeliveredTwiceIsToldOnceOnEveryChannel() {
        UUID request = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        RequestPublished event = published(request, List.of());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        PlatformEvents.publishAs(kafka(), Topic.SERVICE_REQUESTS, id, event, Topic.SERVICE_REQUESTS.source(), now);
        PlatformEvents.publishAs(kafka(), Topic.SERVICE_REQUESTS, id, event, Topic.SERVICE_REQUESTS.source(), now);
        eventually(() -> hasFor(samarkandWebs, "REQUEST_PUBLISHED", request), "a request for every region");
        // A later event on the same partition (same request) is past both copies when it arrives.
        PlatformEvents.publish(kafka(), new QuestionAnswered(request, UUID.randomUUID(), "?", "!", Instant.now()));
        eventually(() -> hasFor(samarkandWebs, "QUESTION_ANSWERED", request), "the answer after the duplicate");
        assertEquals(1, count(samarkandWebs, "REQUEST_PUBLISHED", request));
        Mailbox.await(samarkandWebs.email(), 1, m -> m.subject().startsWith("Sohangizda") && m.text().contains(request.toString()),
                Duration.ofSeconds(20));
        sleep(1500);
        assertEquals(1, Mailbox.to(samarkandWebs.email()).stream()
                .filter(m -> m.subject().startsWith("Sohangizda") && m.text().contains(request.toString())).count());
    }

    @Test
    void aMailWaitingThroughAnSmtpOutageArrivesOnceItEnds() {
        TestInfrastructure.interruptMail(Duration.ofSeconds(6));
        PlatformEvents.publish(kafka(), new OrganizationSuspended(tashkentErp.organizationId(), "PROVIDER", "1726", "SUSPENDED",
                "Hujjatlar", "test", Instant.now()));
        eventually(() -> kinds(tashkentErp).contains("ORGANIZATION_SUSPENDED"), "the suspension in the feed during the outage");
        // The failing channel shows in health (not readiness) and metrics while the feed goes on.
        eventually(() -> given().get("/q/health/well").then().extract().statusCode() == 503, "mail reported failing");
        assertTrue(given().get("/q/health/well").asString().contains("mails failing"));
        given().get("/q/health/ready").then().statusCode(200);
        assertTrue(given().get("/q/metrics").asString().lines()
                .anyMatch(line -> line.startsWith("aqlli_notifications_channel_failing{") && !line.endsWith(" 0.0")), "the gauge");
        var mail = Mailbox.await(tashkentErp.email(), 1, m -> m.subject().contains("to'xtatildi"), Duration.ofSeconds(30));
        assertFalse(mail.text().contains("Hujjatlar"), "the decision's reason is the directory's to show, not a mail's");
        sleep(2000);
        assertEquals(1, Mailbox.to(tashkentErp.email()).stream().filter(m -> m.subject().contains("to'xtatildi")).count());
        eventually(() -> given().get("/q/health/well").then().extract().statusCode() == 200, "mail sending again");
    }

    static RequestPublished published(UUID request, List<String> regions) {
        return new RequestPublished(request, buyer.organizationId(), "WEBSITES_AND_PORTALS",
                Map.of("uz-Latn", "Korporativ sayt", "ru", "Корпоративный сайт"), regions, null,
                Instant.now().plus(Duration.ofDays(7)), "LOWEST_PRICE", 100, 0, Instant.now());
    }

    static OrderParty party(People.Member member, String region) {
        return new OrderParty(member.organizationId(), region, region + "401", "NONE", null);
    }

    static JsonPath feed(People.Member member) {
        return given().auth().oauth2(member.token()).get("/api/notifications/feed?size=100").then().statusCode(200).extract().jsonPath();
    }

    static List<String> kinds(People.Member member) {
        return feed(member).getList("items.kind");
    }

    static boolean hasFor(People.Member member, String kind, UUID subject) {
        return count(member, kind, subject) > 0;
    }

    static long count(People.Member member, String kind, UUID subject) {
        List<Map<String, Object>> items = feed(member).getList("items");
        return items.stream().filter(item -> kind.equals(item.get("kind")) && subject.toString().equals(item.get("subjectId"))).count();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
