package uz.aqlli.integrity;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.BidsRevealed;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.KeycloakUsers;
import uz.aqlli.platform.testing.PlatformTestResource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.integrity.Market.Tender;
import static uz.aqlli.integrity.Market.awaitFlag;
import static uz.aqlli.integrity.Market.codesOn;
import static uz.aqlli.integrity.Market.flags;
import static uz.aqlli.integrity.Market.handled;
import static uz.aqlli.integrity.Market.publish;
import static uz.aqlli.integrity.Market.republic;

/**
 * Every tender flag raised live from offers' events as they arrive, each with a near miss that
 * raises nothing; within 2 s of the event that completes its evidence; never before the award for
 * a flag that reads bids (the seal); re-evaluated when an award is declined; once per event.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "integrity"))
class TenderFlagsTest {

    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final List<Duration> MEASURED = Collections.synchronizedList(new ArrayList<>());

    @Inject
    DataSource database;

    /** Signed in (and the service's key fetch done) before any time is measured. */
    @org.junit.jupiter.api.BeforeEach
    void signedIn() {
        Market.flags(republic(), Map.of()).statusCode(200);
    }

    @AfterAll
    static void report() {
        System.out.println("MEASURED event-to-flag (ms): " + MEASURED.stream().map(Duration::toMillis).sorted().toList());
    }

    /** Publishes {@code completing} and waits for {@code code} on {@code request}, within the bound. */
    private static void raisedLive(Runnable completing, UUID request, String code) {
        long since = System.nanoTime();
        completing.run();
        MEASURED.add(awaitFlag("requestId", request, code, since, BOUND));
    }

    @Test
    void aShortSubmissionPeriodIsRaisedAtPublicationAndTenDaysIsNot() {
        UUID buyer = Market.enterprise("1703");
        Tender short9 = new Tender(buyer, "1703", "ERP", "LOWEST_PRICE", Instant.now(), Duration.ofDays(9).plusHours(23));
        raisedLive(short9::publish, short9.id, "R003");
        flags(republic(), Map.of("requestId", short9.id.toString(), "code", "R003")).statusCode(200)
                .body("items[0].name", equalTo("Short submission period"))
                .body("items[0].regionCode", equalTo("1703"))
                .body("items[0].buyerId", equalTo(buyer.toString()))
                .body("items[0].evidence.eventIds", equalTo(List.of(short9.publishedEvent)))
                .body("items[0].evidence.values.periodDays", equalTo("9"))
                .body("items[0].evidence.values.thresholdDays", equalTo("10"));

        Tender ten = new Tender(buyer, "1703", "ERP", "LOWEST_PRICE", Instant.now(), Duration.ofDays(10));
        ten.publish();
        handled(database, ten.publishedEvent);
        assertEquals(List.of(), codesOn("requestId", ten.id, null));
    }

    @Test
    void aSingleBidIsRaisedAtTheAwardAndTwoBidsAreNot() {
        UUID buyer = Market.enterprise("1706");
        Tender single = Tender.of(buyer, "1706", "CRM").publish().bid(Market.provider("1718"), "45000000").reveal();
        handled(database, single.revealedEvent);
        assertEquals(List.of(), codesOn("requestId", single.id, null), "nothing of the bids before the award");
        raisedLive(single::awardLowest, single.id, "R018");
        flags(republic(), Map.of("requestId", single.id.toString(), "code", "R018")).statusCode(200)
                .body("items[0].evidence.values.bidCount", equalTo("1"));

        Tender two = Tender.of(buyer, "1706", "CRM").publish().bid(Market.provider("1718"), "45000000")
                .bid(Market.provider("1718"), "47000000").reveal();
        handled(database, two.awardLowest());
        assertFalse(codesOn("requestId", two.id, null).contains("R018"));
    }

    @Test
    void identicalBidPricesAreSealedUntilTheAwardOnEveryRouteCountAndTheTopic() {
        // A region of its own, so that its counts are this test's alone.
        UUID buyer = Market.enterprise("1735");
        UUID first = Market.provider("1726");
        UUID second = Market.provider("1727");
        Tender tender = Tender.of(buyer, "1735", "E_COMMERCE").publish().bid(first, "30000000.00").bid(second, "30000000")
                .bid(Market.provider("1726"), "31500000").reveal();
        handled(database, tender.revealedEvent);

        // Revealed to the buyer only: integrity holds the prices and shows nothing of them anywhere.
        flags(republic(), Map.of("requestId", tender.id.toString())).statusCode(200).body("total", equalTo(0));
        flags(republic(), Map.of("organizationId", first.toString())).statusCode(200).body("total", equalTo(0));
        flags(republic(), Map.of("organizationId", buyer.toString())).statusCode(200).body("total", equalTo(0));
        flags(republic(), Map.of("regionCode", "1735")).statusCode(200).body("total", equalTo(0));
        io.restassured.RestAssured.given().auth().oauth2(republic()).queryParam("regionCode", "1735")
                .get(Market.FLAGS + "/counts").then().statusCode(200).body("items.size()", equalTo(0));
        assertFalse(onTopic(tender.id), "a flag of a sealed tender on the topic");

        long since = System.nanoTime();
        tender.awardLowest();
        MEASURED.add(awaitFlag("requestId", tender.id, "R028", since, BOUND));
        flags(republic(), Map.of("requestId", tender.id.toString(), "code", "R028")).statusCode(200)
                .body("items[0].evidence.values.identicalPricesUzs", equalTo("30000000.00"))
                .body("items[0].organizationIds", hasItems(buyer.toString(), first.toString(), second.toString()))
                .body("items[0].evidence.eventIds", hasItems(tender.revealedEvent));
        io.restassured.RestAssured.given().auth().oauth2(republic()).queryParam("regionCode", "1735")
                .get(Market.FLAGS + "/counts").then().statusCode(200).body("items.code", hasItem("R028"));
        assertTrue(awaitOnTopic(tender.id), "RedFlagRaised after the award");

        Tender different = Tender.of(buyer, "1735", "E_COMMERCE").publish().bid(first, "30000000").bid(second, "30000000.01").reveal();
        handled(database, different.awardLowest());
        assertFalse(codesOn("requestId", different.id, null).contains("R028"));
    }

    @Test
    void theLowestBidNotAwardedUnderLowestPriceCarriesTheBuyersReason() {
        UUID buyer = Market.enterprise("1714");
        Tender tender = Tender.of(buyer, "1714", "CRM").publish().bid(Market.provider("1726"), "20000000")
                .bid(Market.provider("1726"), "24000000").reveal();
        BidsRevealed.RevealedBid higher = tender.bids.get(1);
        raisedLive(() -> publish(tender.award(higher, "Eng arzon taklif ISO 27001 talabiga javob bermaydi", null,
                tender.deadline.plusSeconds(3600))), tender.id, "R036");
        flags(republic(), Map.of("requestId", tender.id.toString(), "code", "R036")).statusCode(200)
                .body("items[0].evidence.values.reason", equalTo("Eng arzon taklif ISO 27001 talabiga javob bermaydi"))
                .body("items[0].evidence.values.lowestPriceUzs", equalTo("20000000.00"))
                .body("items[0].evidence.values.winningPriceUzs", equalTo("24000000.00"));

        // Price and quality: the lowest price need not win.
        Tender scored = new Tender(buyer, "1714", "CRM", "PRICE_AND_QUALITY", Instant.now().minus(Duration.ofDays(40)),
                Duration.ofDays(20)).publish().bid(Market.provider("1726"), "20000000").bid(Market.provider("1726"), "24000000").reveal();
        String award = publish(scored.award(scored.bids.get(1), "Sifat bahosi yuqori", null, scored.deadline.plusSeconds(3600)));
        handled(database, award);
        assertFalse(codesOn("requestId", scored.id, null).contains("R036"));
    }

    @Test
    void biddersSharingATelephoneHoweverWrittenAreRaisedAndStrangersAreNot() {
        UUID buyer = Market.enterprise("1710");
        UUID one = Market.organization("PROVIDER", "1726", "+998 (90) 123-45-67", "bir@it.uz", "Samarqand, Registon 1");
        UUID other = Market.organization("PROVIDER", "1727", "998901234567", "ikki@it.uz", "Buxoro, Mustaqillik 5");
        Tender tender = Tender.of(buyer, "1710", "CRM").publish().bid(one, "10000000").bid(other, "11000000").reveal();
        raisedLive(tender::awardLowest, tender.id, "R044");
        flags(republic(), Map.of("requestId", tender.id.toString(), "code", "R044")).statusCode(200)
                .body("items[0].evidence.values.telephone", equalTo(one + "+" + other))
                .body("items[0].organizationIds", hasItems(one.toString(), other.toString()));

        Tender strangers = Tender.of(buyer, "1710", "CRM").publish().bid(Market.provider("1726"), "10000000")
                .bid(Market.provider("1727"), "11000000").reveal();
        handled(database, strangers.awardLowest());
        assertFalse(codesOn("requestId", strangers.id, null).contains("R044"));
    }

    @Test
    void theWinningBidNearTheBudgetOrFarBelowItIsRaisedWithTheBudgetFromTheAward() {
        UUID buyer = Market.enterprise("1722");
        Tender near = Tender.of(buyer, "1722", "CRM").publish().bid(Market.provider("1726"), "99500000").reveal();
        raisedLive(() -> publish(near.award(near.lowest(), null, "100000000", near.deadline.plusSeconds(60))), near.id, "R031");
        flags(republic(), Map.of("requestId", near.id.toString(), "code", "R031")).statusCode(200)
                .body("items[0].evidence.values.budgetUzs", equalTo("100000000.00"))
                .body("items[0].evidence.values.shareBelowBudget", equalTo("0.005000"));

        Tender below = Tender.of(buyer, "1722", "CRM").publish().bid(Market.provider("1726"), "70000000").reveal();
        raisedLive(() -> publish(below.award(below.lowest(), null, "100000000", below.deadline.plusSeconds(60))), below.id,
                "AQ-INFLATED-BUDGET");
        assertFalse(codesOn("requestId", below.id, null).contains("R031"));

        Tender between = Tender.of(buyer, "1722", "CRM").publish().bid(Market.provider("1726"), "90000000").reveal();
        handled(database, publish(between.award(between.lowest(), null, "100000000", between.deadline.plusSeconds(60))));
        List<String> codes = codesOn("requestId", between.id, null);
        assertFalse(codes.contains("R031") || codes.contains("AQ-INFLATED-BUDGET"), codes.toString());
    }

    @Test
    void anAwardMoreThanThirtyDaysAfterTheDeadlineIsSlow() {
        UUID buyer = Market.enterprise("1724");
        Tender slow = Tender.of(buyer, "1724", "CRM").publish().bid(Market.provider("1726"), "5000000").reveal();
        raisedLive(() -> publish(slow.award(slow.lowest(), null, null, slow.deadline.plus(Duration.ofDays(31)))), slow.id, "R062");
        flags(republic(), Map.of("requestId", slow.id.toString(), "code", "R062")).statusCode(200)
                .body("items[0].evidence.values.daysDeadlineToAward", equalTo("31"));

        Tender intime = Tender.of(buyer, "1724", "CRM").publish().bid(Market.provider("1726"), "5000000").reveal();
        handled(database, publish(intime.award(intime.lowest(), null, null, intime.deadline.plus(Duration.ofDays(30)))));
        assertFalse(codesOn("requestId", intime.id, null).contains("R062"));
    }

    @Test
    void aFifthAwardOfOneBuyerToOneProviderIsARepeatWinnerAndItsDeclineRetractsIt() {
        UUID buyer = Market.enterprise("1712");
        UUID provider = Market.provider("1726");
        List<Tender> tenders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Tender tender = Tender.of(buyer, "1712", "WEBSITES_AND_PORTALS").publish().bid(provider, "8000000").reveal();
            handled(database, tender.awardLowest());
            tenders.add(tender);
        }
        assertEquals(0, (int) flags(republic(), Map.of("organizationId", provider.toString(), "code", "AQ-REPEAT-WINNER"))
                .statusCode(200).extract().path("total"), "four awards are no repeat winner");

        Tender fifth = Tender.of(buyer, "1712", "WEBSITES_AND_PORTALS").publish().bid(provider, "8000000").reveal();
        long since = System.nanoTime();
        fifth.awardLowest();
        while (flags(republic(), Map.of("organizationId", provider.toString(), "code", "AQ-REPEAT-WINNER", "status", "RAISED"))
                .extract().<Integer>path("total") == 0) {
            assertTrue(System.nanoTime() - since < BOUND.toNanos(), "AQ-REPEAT-WINNER not raised within " + BOUND);
            Market.sleep(25);
        }
        MEASURED.add(Duration.ofNanos(System.nanoTime() - since));
        flags(republic(), Map.of("organizationId", provider.toString(), "code", "AQ-REPEAT-WINNER")).statusCode(200)
                .body("items[0].evidence.values.awards", equalTo("5"))
                .body("items[0].evidence.eventIds.size()", equalTo(5))
                .body("items[0].regionCode", equalTo("1712"));

        String flagId = flags(republic(), Map.of("organizationId", provider.toString(), "code", "AQ-REPEAT-WINNER"))
                .extract().path("items[0].id");
        as(republic()).header("If-Match", "\"0\"").body(Map.of("note", "Xaridorni so'raymiz"))
                .post(Market.FLAGS + "/" + flagId + "/review").then().statusCode(200);

        // Re-evaluated: the fifth supplier refuses to sign; back to four, the flag is retracted and
        // kept, with its review's note and who.
        handled(database, fifth.decline(fifth.lowest()));
        flags(republic(), Map.of("organizationId", provider.toString(), "code", "AQ-REPEAT-WINNER")).statusCode(200)
                .body("total", equalTo(1)).body("items[0].status", equalTo("RETRACTED"))
                .body("items[0].retraction", equalTo("the buyer's awards to the provider changed"))
                .body("items[0].review.note", equalTo("Xaridorni so'raymiz"))
                .body("items[0].review.by", org.hamcrest.Matchers.notNullValue());
        assertTrue(EventTopics.await(Market.KAFKA, Topic.RED_FLAGS.topicName(), record -> flagId.equals(record.key())
                && "RedFlagRetracted".equals(EventTopics.header(record, "ce_type")), Duration.ofSeconds(15)).isPresent(),
                "RedFlagRetracted on the topic");
    }

    @Test
    void contactsThatArriveAfterTheAwardStillRaiseSharedContacts() {
        UUID buyer = Market.enterprise("1708");
        UUID one = UUID.randomUUID();
        UUID other = Market.organization("PROVIDER", "1727", "+998 93 555 00 11", "Sotuv@Birlik.uz", "Buxoro, Navoiy 7");
        Tender tender = Tender.of(buyer, "1708", "CRM").publish().bid(one, "10000000").bid(other, "11000000").reveal();
        handled(database, tender.awardLowest());
        assertFalse(codesOn("requestId", tender.id, null).contains("R044"), "the first bidder's contacts are not known yet");

        long since = System.nanoTime();
        publish(new uz.aqlli.platform.events.OrganizationRegistered(one, "PROVIDER", "Birlik IT", "312345678", "1726", "1726201",
                "NONE", null, List.of(), List.of("CRM"), "+998935550022", "sotuv@birlik.uz", "Samarqand, Amir Temur 3", null, null,
                "VERIFIED", Instant.now()));
        MEASURED.add(awaitFlag("requestId", tender.id, "R044", since, BOUND));
        flags(republic(), Map.of("requestId", tender.id.toString(), "code", "R044")).statusCode(200)
                .body("items[0].evidence.values.email", equalTo(one + "+" + other));
    }

    @Test
    void anAwardThatIsNoUsableEventIsADeadLetterAndTheConsumerGoesOn() {
        UUID buyer = Market.enterprise("1703");
        Tender tender = Tender.of(buyer, "1703", "CRM").publish().bid(Market.provider("1726"), "4000000").reveal();
        RequestAwarded whole = tender.award(tender.lowest(), null, null, tender.deadline.plusSeconds(60));
        String broken = publish(new RequestAwarded(tender.id, buyer, "CRM", whole.title(), whole.regions(), null,
                whole.providerId(), whole.priceUzs(), 30, "LOWEST_PRICE", true, 1, null, null, whole.awardedAt()));
        assertTrue(EventTopics.await(Market.KAFKA, Topic.INTEGRITY_DEAD_LETTERS.topicName(),
                record -> new String(record.value(), StandardCharsets.UTF_8).contains(tender.id.toString()),
                Duration.ofSeconds(15)).isPresent(), "the award without its bid is a dead letter");
        raisedLive(() -> publish(whole), tender.id, "R018");
        assertFalse(broken.isEmpty());
    }

    @Test
    void aDeclinedAwardKeepsEveryFlagTheNextAwardStillSupportsAsTheSameFlagWithItsReview() {
        UUID buyer = Market.enterprise("1730");
        Tender tender = Tender.of(buyer, "1730", "CRM").publish().bid(Market.provider("1726"), "20000000")
                .bid(Market.provider("1727"), "20000000").bid(Market.provider("1726"), "26000000")
                .bid(Market.provider("1726"), "27000000").reveal();
        BidsRevealed.RevealedBid dearest = tender.bids.get(3);
        // Within 1 % of the budget, not the lowest (a reason given), two identical prices.
        handled(database, publish(tender.award(dearest, "Tajriba", "27100000", tender.deadline.plusSeconds(60))));
        Map<String, Object> r036 = flag(tender.id, "R036");
        Map<String, Object> r028 = flag(tender.id, "R028");
        Map<String, Object> r031 = flag(tender.id, "R031");
        String path = Market.FLAGS + "/" + r036.get("id");
        io.restassured.RestAssured.given().auth().oauth2(republic()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("note", "Sababini so'raymiz")).post(path + "/review").then().statusCode(200);

        // The decline changes none of them: what was bid stays public, the award's flags wait.
        handled(database, tender.decline(dearest));
        flags(republic(), Map.of("requestId", tender.id.toString())).statusCode(200).body("total", equalTo(3))
                .body("items.status", org.hamcrest.Matchers.not(hasItem("RETRACTED")));
        io.restassured.RestAssured.given().auth().oauth2(republic()).get(path).then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW")).body("version", equalTo(1));

        // Re-awarded to the next bid: still not the lowest (the same R036, its review kept, the new
        // winner as evidence); no longer within 1 % of the budget (R031 retracted).
        RequestAwarded again = tender.award(tender.bids.get(2), "Tajriba", "27100000", tender.deadline.plusSeconds(120));
        handled(database, publish(new RequestAwarded(again.requestId(), again.buyerId(), again.category(), again.title(),
                again.regions(), again.bidId(), again.providerId(), again.priceUzs(), again.durationDays(), again.criterion(), false,
                3, again.reason(), again.budgetUzs(), again.awardedAt())));
        io.restassured.RestAssured.given().auth().oauth2(republic()).get(path).then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW")).body("review.note", equalTo("Sababini so'raymiz"))
                .body("evidence.values.winningPriceUzs", equalTo("26000000.00"));
        flags(republic(), Map.of("requestId", tender.id.toString(), "code", "R036")).statusCode(200).body("total", equalTo(1));
        flags(republic(), Map.of("requestId", tender.id.toString(), "code", "R028")).statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(r028.get("id"))).body("items[0].status", equalTo("RAISED"));
        flags(republic(), Map.of("requestId", tender.id.toString(), "code", "R031")).statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(r031.get("id"))).body("items[0].status", equalTo("RETRACTED"))
                .body("items[0].retraction", equalTo("the award changed"));
    }

    @Test
    void anAdministratorDecidingWhileAnEventChangesTheEvidenceKeepsTheDecision() throws Exception {
        UUID buyer = Market.enterprise("1730");
        Tender tender = Tender.of(buyer, "1730", "CRM").publish().bid(Market.provider("1726"), "20000000")
                .bid(Market.provider("1726"), "26000000").bid(Market.provider("1726"), "27000000").reveal();
        BidsRevealed.RevealedBid dearest = tender.bids.get(2);
        handled(database, publish(tender.award(dearest, "Tajriba", "27200000", tender.deadline.plus(Duration.ofDays(31)))));
        String r036 = (String) flag(tender.id, "R036").get("id");
        String r031 = (String) flag(tender.id, "R031").get("id");
        String r062 = (String) flag(tender.id, "R062").get("id");
        for (String id : List.of(r031, r062)) {
            as(republic()).header("If-Match", "\"0\"").body(Map.of("note", "Tekshiruvda")).post(Market.FLAGS + "/" + id + "/review")
                    .then().statusCode(200);
        }
        handled(database, tender.decline(dearest));

        // The re-award's transaction is held on R036's row (settled before R031 and R062, after all
        // three were read), while the administration decides R031 and R062.
        RequestAwarded again = tender.award(tender.bids.get(1), "Tajriba", "27200000", tender.deadline.plus(Duration.ofDays(35)));
        RequestAwarded next = new RequestAwarded(again.requestId(), again.buyerId(), again.category(), again.title(),
                again.regions(), again.bidId(), again.providerId(), again.priceUzs(), again.durationDays(), again.criterion(), false,
                2, again.reason(), again.budgetUzs(), again.awardedAt());
        String reaward;
        try (var holder = database.getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("select id from red_flag where id = ? for update")) {
                lock.setObject(1, UUID.fromString(r036));
                lock.executeQuery();
            }
            reaward = publish(next);
            awaitBlockedBy(holder);
            as(republic()).header("If-Match", "\"1\"").body(Map.of("status", "CONFIRMED", "note", "Byudjetga juda yaqin"))
                    .post(Market.FLAGS + "/" + r031 + "/decision").then().statusCode(200);
            as(republic()).header("If-Match", "\"1\"").body(Map.of("status", "DISMISSED", "note", "Kechikish asosli"))
                    .post(Market.FLAGS + "/" + r062 + "/decision").then().statusCode(200);
            holder.commit();
        }
        handled(database, reaward);

        // R031's facts went away and R062's changed: both stay as decided, on the evidence decided on,
        // with what the re-award found recorded beside them.
        as(republic()).get(Market.FLAGS + "/" + r031).then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("decision.note", equalTo("Byudjetga juda yaqin")).body("review.note", equalTo("Tekshiruvda"))
                .body("retraction", org.hamcrest.Matchers.nullValue())
                .body("evidence.values.winningPriceUzs", equalTo("27000000.00"))
                .body("afterDecision.holds", equalTo(false)).body("afterDecision.eventId", equalTo(reaward));
        as(republic()).get(Market.FLAGS + "/" + r062).then().statusCode(200).body("status", equalTo("DISMISSED"))
                .body("decision.note", equalTo("Kechikish asosli"))
                .body("evidence.values.daysDeadlineToAward", equalTo("31"))
                .body("afterDecision.holds", equalTo(true)).body("afterDecision.values.daysDeadlineToAward", equalTo("35"));
        as(republic()).get(Market.FLAGS + "/" + r036).then().statusCode(200).body("status", equalTo("RAISED"))
                .body("evidence.values.winningPriceUzs", equalTo("26000000.00"));
        flags(republic(), Map.of("requestId", tender.id.toString())).statusCode(200).body("total", equalTo(3));
    }

    /** Waits until another session waits for a lock {@code holder} holds. */
    private void awaitBlockedBy(java.sql.Connection holder) throws java.sql.SQLException {
        int pid;
        try (var statement = holder.prepareStatement("select pg_backend_pid()"); var row = statement.executeQuery()) {
            row.next();
            pid = row.getInt(1);
        }
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (var probe = database.getConnection();
             var statement = probe.prepareStatement("select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")) {
            statement.setInt(1, pid);
            while (true) {
                try (var row = statement.executeQuery()) {
                    row.next();
                    if (row.getInt(1) > 0) {
                        return;
                    }
                }
                assertTrue(System.nanoTime() < until, "the re-award never waited for the held flag");
                Market.sleep(25);
            }
        }
    }

    private static Map<String, Object> flag(UUID requestId, String code) {
        return flags(republic(), Map.of("requestId", requestId.toString(), "code", code)).statusCode(200).body("total", equalTo(1))
                .extract().path("items[0]");
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return io.restassured.RestAssured.given().auth().oauth2(token).contentType("application/json");
    }

    @Test
    void anEventDeliveredTwiceRaisesOneFlag() {
        UUID buyer = Market.enterprise("1733");
        Tender tender = Tender.of(buyer, "1733", "CRM").publish().bid(Market.provider("1726"), "3000000").reveal();
        RequestAwarded award = tender.award(tender.lowest(), null, null, tender.deadline.plusSeconds(60));
        String id = publish(award);
        Market.redeliver(id, award);
        // Keyed by the request: the redelivery is on the award's partition behind it; a marker behind both.
        String marker = publish(new uz.aqlli.platform.events.RequestCancelled(tender.id, buyer, "AWARDED", "marker", Instant.now()));
        handled(database, marker);
        flags(republic(), Map.of("requestId", tender.id.toString(), "code", "R018")).statusCode(200).body("total", equalTo(1));
    }

    @Test
    void closeAndHeavilyDiscountedWinningBidsAgainstTheirCategorysFencesRecomputedAsAwardsCome() {
        // CYBERSECURITY is this test's category alone. Ratios (second − winning) ÷ winning.
        UUID buyer = Market.enterprise("1708");
        Tender close = fenced(buyer, "100100000");       // 0.001
        List<Tender> usual = new ArrayList<>();
        for (String second : List.of("110000000", "111000000", "112000000", "110000000")) {
            usual.add(fenced(buyer, second));
        }
        // Five ratios: the lower fence is below 0, nothing is flagged.
        assertFalse(codesOn("requestId", close.id, null).contains("R024"));

        Tender sixth = Tender.of(buyer, "1708", "CYBERSECURITY").publish().bid(Market.provider("1726"), "100000000")
                .bid(Market.provider("1726"), "111000000").reveal();
        // The sixth award moves the fences: the first request's ratio is now below the lower one.
        raisedLive(sixth::awardLowest, close.id, "R024");
        flags(republic(), Map.of("requestId", close.id.toString(), "code", "R024")).statusCode(200)
                .body("items[0].evidence.values.ratio", equalTo("0.001000"))
                .body("items[0].evidence.values.sample", equalTo("6"));
        for (Tender tender : usual) {
            assertTrue(codesOn("requestId", tender.id, null).stream().noneMatch(code -> code.equals("R024") || code.equals("R058")));
        }

        Tender discounted = Tender.of(buyer, "1708", "CYBERSECURITY").publish().bid(Market.provider("1726"), "100000000")
                .bid(Market.provider("1726"), "190000000").reveal();
        raisedLive(discounted::awardLowest, discounted.id, "R058");
        assertTrue(codesOn("requestId", sixth.id, null).stream().noneMatch(code -> code.equals("R024") || code.equals("R058")));
    }

    private Tender fenced(UUID buyer, String second) {
        Tender tender = Tender.of(buyer, "1708", "CYBERSECURITY").publish().bid(Market.provider("1726"), "100000000")
                .bid(Market.provider("1726"), second).reveal();
        handled(database, tender.awardLowest());
        return tender;
    }

    @Test
    void aProviderThatBidsOftenAndNeverWinsInItsCategory() {
        // DATA_ANALYTICS is this test's category alone.
        UUID buyer = Market.enterprise("1718");
        UUID otherBuyer = Market.enterprise("1706");
        UUID a = Market.provider("1726");
        UUID b = Market.provider("1726");
        UUID c = Market.provider("1726");
        UUID d = Market.provider("1726");
        UUID loser = Market.provider("1727");
        handled(database, analytics(buyer, a, b, loser).awardLowest());
        handled(database, analytics(buyer, b, c, loser).awardLowest());
        handled(database, analytics(buyer, c, d, loser).awardLowest());
        assertEquals(0, (int) flags(republic(), Map.of("organizationId", loser.toString(), "code", "R025")).extract().path("total"),
                "three requests: the win ratios' lower fence is 0, nothing is flagged");

        Tender fourth = Tender.of(otherBuyer, "1706", "DATA_ANALYTICS").publish().bid(d, "10000000").bid(a, "12000000")
                .bid(loser, "15000000").reveal();
        long since = System.nanoTime();
        fourth.awardLowest();
        while (flags(republic(), Map.of("organizationId", loser.toString(), "code", "R025")).extract().<Integer>path("total") < 2) {
            assertTrue(System.nanoTime() - since < BOUND.toNanos(), "R025 not raised within " + BOUND);
            Market.sleep(25);
        }
        MEASURED.add(Duration.ofNanos(System.nanoTime() - since));
        // Decided by the buyers' regions, not the provider's (1727): one flag for each region it lost in.
        flags(republic(), Map.of("organizationId", loser.toString(), "code", "R025")).statusCode(200).body("total", equalTo(2))
                .body("items.regionCode", org.hamcrest.Matchers.containsInAnyOrder("1718", "1706"))
                .body("items.evidence.values.bidOn", everyItem(equalTo("4")))
                .body("items.evidence.values.wins", everyItem(equalTo("0")));
        String samarkand = KeycloakUsers.signedInAdministrator(Market.REALM, "1718");
        String inSamarkand = flags(samarkand, Map.of("organizationId", loser.toString(), "code", "R025")).statusCode(200)
                .body("total", equalTo(1)).body("items[0].regionCode", equalTo("1718"))
                .body("items[0].evidence.values.lostInRegion", equalTo("3"))
                .body("items[0].evidence.eventIds.size()", equalTo(3)).extract().path("items[0].id");
        String inBukhara = flags(republic(), Map.of("organizationId", loser.toString(), "code", "R025", "regionCode", "1706"))
                .statusCode(200).body("items[0].evidence.values.lostRequests", equalTo(fourth.id.toString()))
                .extract().path("items[0].id");
        as(samarkand).get(Market.FLAGS + "/" + inSamarkand).then().statusCode(200);
        as(samarkand).get(Market.FLAGS + "/" + inBukhara).then().statusCode(404);
        as(KeycloakUsers.signedInAdministrator(Market.REALM, "1706")).get(Market.FLAGS + "/" + inBukhara).then().statusCode(200);
        String andijan = KeycloakUsers.signedInAdministrator(Market.REALM, "1703");
        as(andijan).get(Market.FLAGS + "/" + inSamarkand).then().statusCode(404);
        as(andijan).get(Market.FLAGS + "/" + inBukhara).then().statusCode(404);
        flags(andijan, Map.of("organizationId", loser.toString(), "code", "R025")).statusCode(200).body("total", equalTo(0));
        for (UUID winner : List.of(a, b, c, d)) {
            flags(republic(), Map.of("organizationId", winner.toString(), "code", "R025")).statusCode(200).body("total", equalTo(0));
        }
    }

    /** A request won by {@code winner} against {@code other} and {@code loser}, the loser's price the highest. */
    private static Tender analytics(UUID buyer, UUID winner, UUID other, UUID loser) {
        return Tender.of(buyer, "1718", "DATA_ANALYTICS").publish().bid(winner, "10000000").bid(other, "12000000")
                .bid(loser, "15000000").reveal();
    }

    private static boolean onTopic(UUID requestId) {
        return EventTopics.all(Market.KAFKA, Topic.RED_FLAGS.topicName(), Duration.ofSeconds(3), record -> false).stream()
                .anyMatch(record -> mentions(record, requestId));
    }

    private static boolean awaitOnTopic(UUID requestId) {
        return EventTopics.await(Market.KAFKA, Topic.RED_FLAGS.topicName(), record -> mentions(record, requestId),
                Duration.ofSeconds(15)).isPresent();
    }

    private static boolean mentions(ConsumerRecord<String, byte[]> record, UUID requestId) {
        return new String(record.value(), StandardCharsets.UTF_8).contains(requestId.toString());
    }
}
