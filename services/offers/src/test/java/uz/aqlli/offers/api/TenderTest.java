package uz.aqlli.offers.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.MovableClock;
import uz.aqlli.platform.testing.AccessMatrix;
import uz.aqlli.platform.testing.AccessMatrix.Route;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.KeycloakUsers;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static uz.aqlli.platform.testing.Demo.BUKHARA_TEXTILE;
import static uz.aqlli.platform.testing.Demo.NAVOI_METAL;
import static uz.aqlli.platform.testing.Demo.TASHKENT_SOFT;
import static uz.aqlli.platform.testing.Demo.SAMARKAND_IT;

/**
 * Tenders with real tokens for a buyer (enterprise1) and three providers (provider1, provider2 and
 * one made for the test). Deadlines pass by moving the server's clock ({@link MovableClock}) rather
 * than by waiting; the race at the deadline and the sweep after a restart run on real time (the
 * minimum tender period is 3 s in tests, so a real deadline is a short wait).
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "offers"))
class TenderTest {

    static final String REQUESTS = "/api/offers/requests";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    @Inject
    MovableClock clock;

    String buyer;
    String provider1;
    String provider2;
    String provider3;
    String provider3Organization;

    @BeforeEach
    void market() {
        Standings.verified(kafka, BUKHARA_TEXTILE, "ENTERPRISE", "1706");
        Standings.verified(kafka, TASHKENT_SOFT, "PROVIDER", "1726");
        Standings.verified(kafka, SAMARKAND_IT, "PROVIDER", "1718");
        provider3Organization = UUID.randomUUID().toString();
        Standings.verified(kafka, provider3Organization, "PROVIDER", "1703");
        buyer = Tokens.demoUser(realmUrl, "enterprise1");
        provider1 = Tokens.demoUser(realmUrl, "provider1");
        provider2 = Tokens.demoUser(realmUrl, "provider2");
        provider3 = KeycloakUsers.signedInMember(realmUrl, "providers", UUID.fromString(provider3Organization));
    }

    @AfterEach
    void realTime() {
        clock.backToRealTime();
    }

    @Test
    void theWholeTenderFromQuestionsToTheAward() {
        Instant deadline = later();
        String id = publish(deadline, Map.of("budgetUzs", "50000000.00", "budgetPublic", false));
        String path = REQUESTS + "/" + id;

        // A private budget is the buyer's alone.
        given().get(path).then().statusCode(200).body("status", equalTo("OPEN")).body("budgetUzs", nullValue())
                .body("bidCount", nullValue());
        as(buyer).get(path).then().statusCode(200).body("budgetUzs", equalTo(50000000.00f)).body("bidCount", equalTo(0));

        // Questions and answers are public; who asked is not.
        String question = as(provider1).body(Map.of("text", "Integratsiya 1C bilan kerakmi?")).post(path + "/questions")
                .then().statusCode(201).extract().path("id");
        as(buyer).body(Map.of("text", "Ha, 1C:Buxgalteriya 3.0 bilan")).put(path + "/questions/" + question + "/answer")
                .then().statusCode(200);
        given().get(path + "/questions").then().statusCode(200)
                .body("[0].answer", equalTo("Ha, 1C:Buxgalteriya 3.0 bilan")).body("[0].askedBy", nullValue())
                .body("[0].providerId", nullValue());

        String bid1 = bid(provider1, id, "30000000.00").then().statusCode(201).extract().path("id");
        String bid2 = bid(provider2, id, "27500000.00").then().statusCode(201).extract().path("id");
        String bid3 = bid(provider3, id, "29000000.00").then().statusCode(201).extract().path("id");
        as(provider3).body(bidBody("26900000.00")).put(path + "/bids/" + bid3).then().statusCode(200).body("revision", equalTo(1));
        as(buyer).get(path).then().body("bidCount", equalTo(3));
        // Listed, each request carries its own count where the caller may see it: the buyer's list
        // shows it, the public board does not until the award.
        String listed = "items.find { it.id == '" + id + "' }.bidCount";
        as(buyer).get(REQUESTS + "/mine?size=100").then().statusCode(200).body(listed, equalTo(3));
        given().get(REQUESTS + "?size=100").then().statusCode(200).body(listed, nullValue());

        clock.passBeyond(deadline);
        awaitStatus(id, "EVALUATION");
        as(buyer).get(path + "/bids").then().statusCode(200).body("sealed", equalTo(false)).body("bidCount", equalTo(3))
                .body("items.priceUzs", containsInAnyOrder(30000000.00f, 27500000.00f, 26900000.00f));
        as(provider1).get(path + "/bids").then().statusCode(200).body("sealed", equalTo(true)).body("items.id", equalTo(List.of(bid1)));

        // Not the lowest price under LOWEST_PRICE: the reason is required.
        as(buyer).body(Map.of("bidId", bid2)).post(path + "/award").then().statusCode(400).body("errors.field", hasItem("reason"));
        as(buyer).body(Map.of("bidId", bid2, "reason", "Eng past narxli taklif ISO 27001 talabiga javob bermaydi"))
                .post(path + "/award").then().statusCode(200).body("status", equalTo("AWARDED")).body("awardedBidId", equalTo(bid2));
        as(buyer).body(Map.of("bidId", bid3)).post(path + "/award").then().statusCode(409);

        // After the award everyone sees every bid, and the board shows the count.
        given().get(REQUESTS + "?status=AWARDED&size=100").then().statusCode(200).body(listed, equalTo(3));
        given().get(path + "/bids").then().statusCode(200).body("sealed", equalTo(false)).body("bidCount", equalTo(3))
                .body("items.id", containsInAnyOrder(bid1, bid2, bid3));
        given().get(path + "/bids/" + bid3).then().statusCode(200).body("priceUzs", equalTo(26900000.00f));

        List<ConsumerRecord<String, byte[]>> events = eventsOf(id, "RequestAwarded");
        List<String> types = events.stream().map(r -> EventTopics.header(r, "ce_type")).toList();
        assertEquals(List.of("RequestPublished", "QuestionAnswered", "BidSubmitted", "BidSubmitted", "BidSubmitted",
                "BidSubmitted", "BidsRevealed", "RequestAwarded"), types);
        String published = payload(events.get(0));
        assertFalse(published.contains("50000000"), "a private budget left in an event: " + published);
        String revealed = payload(events.get(6));
        assertTrue(revealed.contains("26900000.00") && revealed.contains(provider3Organization), revealed);
        String awarded = payload(events.get(7));
        assertTrue(awarded.matches("(?s).*\"lowestPrice\":\\s*false.*") && awarded.contains(SAMARKAND_IT), awarded);
        // The award ends the private budget's secrecy: it is on RequestAwarded and on no event before it.
        assertTrue(awarded.matches("(?s).*\"budgetUzs\":\\s*50000000(\\.0+)?[,}].*"), awarded);
        events.subList(0, 7).forEach(before -> assertFalse(payload(before).contains("50000000"),
                "a private budget before the award: " + payload(before)));
        // What orders draws the contract up from: the request's category, title and regions.
        assertTrue(awarded.matches("(?s).*\"category\":\\s*\"ERP\".*") && awarded.contains("ERP для текстильной фабрики")
                && awarded.matches("(?s).*\"regions\":\\s*\\[\\s*\"1706\",\\s*\"1726\"\\s*].*"), awarded);
    }

    @Test
    void bidsAreSealedUntilTheDeadlineOnEveryRouteAndTopic() {
        String price = "31415926.53";
        String secret = "maxfiy-taklif-" + UUID.randomUUID();
        Instant deadline = later();
        String id = publish(deadline, Map.of());
        String path = REQUESTS + "/" + id;
        String sealedBid = as(provider1).body(Map.of("priceUzs", price, "durationDays", 45, "proposal", secret))
                .post(path + "/bids").then().statusCode(201).extract().path("id");
        String admin = Tokens.demoUser(realmUrl, "admin1");

        // Every route that could return the bid, for everyone but its bidder.
        Map<String, String> others = new HashMap<>();
        others.put("buyer", buyer);
        others.put("another provider", provider2);
        others.put("administration", admin);
        others.put("anonymous", "");
        for (var other : others.entrySet()) {
            for (String route : List.of(path + "/bids", path + "/bids/" + sealedBid, path, REQUESTS, REQUESTS + "?status=OPEN&size=100",
                    path + "/questions")) {
                Response response = call(other.getValue(), "GET", route);
                String body = response.asString();
                assertFalse(body.contains(price) || body.contains("31415926") || body.contains(secret),
                        other.getKey() + " read the sealed bid at " + route + ": " + body);
            }
            assertEquals(404, call(other.getValue(), "GET", path + "/bids/" + sealedBid).statusCode(), other.getKey());
        }
        as(buyer).get(path + "/bids").then().body("sealed", equalTo(true)).body("bidCount", equalTo(1)).body("items", hasSize(0));
        as(provider2).get(path + "/bids").then().body("bidCount", nullValue()).body("items", hasSize(0));
        // Errors say nothing of the bid either.
        String duplicate = as(provider1).body(Map.of("priceUzs", "1.00", "durationDays", 1, "proposal", "x")).post(path + "/bids")
                .then().statusCode(409).extract().asString();
        assertFalse(duplicate.contains(price) || duplicate.contains(secret), duplicate);
        as(provider1).get(path + "/bids/" + sealedBid).then().statusCode(200).body("proposal", equalTo(secret));

        clock.passBeyond(deadline);
        awaitStatus(id, "EVALUATION");
        as(buyer).get(path + "/bids/" + sealedBid).then().statusCode(200).body("proposal", equalTo(secret));
        for (String stillSealed : List.of(provider2, admin, "")) {
            assertEquals(404, call(stillSealed, "GET", path + "/bids/" + sealedBid).statusCode());
        }

        // On the topic the price first appears in BidsRevealed, after the deadline; the proposal never.
        for (ConsumerRecord<String, byte[]> record : eventsOf(id, "BidsRevealed")) {
            String payload = payload(record);
            assertFalse(payload.contains(secret), payload);
            if (!"BidsRevealed".equals(EventTopics.header(record, "ce_type"))) {
                assertFalse(payload.contains("31415926"), EventTopics.header(record, "ce_type") + " carries the price: " + payload);
            }
        }
    }

    @Test
    void aBidOneSecondAfterTheDeadlineIsRefused() {
        Instant deadline = later();
        String id = publish(deadline, Map.of());
        String early = bid(provider1, id, "5000000.00").then().statusCode(201).extract().path("id");
        clock.passBeyond(deadline.plusSeconds(1));
        bid(provider2, id, "4000000.00").then().statusCode(409).body("type", equalTo("urn:aqlli:problem:tender-closed"));
        as(provider1).body(bidBody("3000000.00")).put(REQUESTS + "/" + id + "/bids/" + early).then().statusCode(409);
        as(provider1).delete(REQUESTS + "/" + id + "/bids/" + early).then().statusCode(409);
        as(provider1).body(Map.of("text", "Kech savol")).post(REQUESTS + "/" + id + "/questions").then().statusCode(409);
    }

    @Test
    void bidsRacingTheDeadlineAreEitherInTheRevealOrRefused() throws Exception {
        Instant deadline = Instant.now().plusSeconds(4);
        String id = publish(deadline, Map.of());
        List<String> providers = List.of(provider1, provider2, provider3);
        ExecutorService pool = Executors.newFixedThreadPool(providers.size());
        List<Future<Response>> submits = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (String provider : providers) {
            submits.add(pool.submit(() -> {
                start.await();
                return bid(provider, id, "7000000.00");
            }));
        }
        // Released a few milliseconds apart around the deadline, on the server's clock.
        sleepUntil(deadline.minusMillis(15));
        start.countDown();
        Set<String> accepted = new HashSet<>();
        for (Future<Response> submit : submits) {
            Response response = submit.get();
            assertTrue(response.statusCode() == 201 || response.statusCode() == 409, response.asString());
            if (response.statusCode() == 201) {
                accepted.add(response.path("id"));
            }
        }
        pool.shutdown();

        awaitStatus(id, accepted.isEmpty() ? "UNSUCCESSFUL" : "EVALUATION");
        Set<String> revealed = new HashSet<>(as(buyer).get(REQUESTS + "/" + id + "/bids").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class));
        assertEquals(accepted, revealed, "an accepted bid must be revealed, a refused one must not");
    }

    @Test
    void oneActiveBidPerProviderEvenUnderConcurrentSubmits() throws Exception {
        String id = publish(Instant.now().plusSeconds(30), Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> submits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String price = (9000000 + i) + ".00";
            submits.add(pool.submit(() -> {
                start.await();
                return bid(provider2, id, price).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> submit : submits) {
            statuses.add(submit.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1L, ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select count(*) from bid where request_id = :id and status = 'ACTIVE'").setParameter("id", UUID.fromString(id))
                .getSingleResult())).longValue());
        // Withdrawn, a new bid may follow.
        String active = as(provider2).get(REQUESTS + "/" + id + "/bids").then().extract().path("items[0].id");
        as(provider2).delete(REQUESTS + "/" + id + "/bids/" + active).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        bid(provider2, id, "8800000.00").then().statusCode(201);
    }

    @Test
    void deadlinesThatPassedWhileTheServiceWasDownAreClosedByTheSweep() {
        // Written as the service would have left them had it stopped before their deadlines.
        UUID withBid = UUID.randomUUID();
        UUID withoutBids = UUID.randomUUID();
        UUID bid = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID request : List.of(withBid, withoutBids)) {
                entityManager.createNativeQuery("""
                        insert into service_request (id, buyer_id, status, category, title, description, regions, budget_public,
                            deadline, criterion, price_weight, quality_weight, published_at, version)
                        values (:id, :buyer, 'OPEN', 'ERP', '{"uz-Latn":"ERP"}'::jsonb, '{"uz-Latn":"ERP"}'::jsonb,
                            array['1706']::varchar(4)[], false, now() - interval '2 hours', 'LOWEST_PRICE', 100, 0,
                            now() - interval '6 days', 0)""")
                        .setParameter("id", request).setParameter("buyer", UUID.fromString(BUKHARA_TEXTILE)).executeUpdate();
            }
            entityManager.createNativeQuery("""
                    insert into bid (id, request_id, provider_id, status, price_uzs, duration_days, proposal, revision, submitted_at, version)
                    values (:bid, :request, :provider, 'ACTIVE', 12000000.00, 30, 'Taklif', 0, now() - interval '3 days', 0)""")
                    .setParameter("bid", bid).setParameter("request", withBid).setParameter("provider", UUID.fromString(TASHKENT_SOFT))
                    .executeUpdate();
        });
        // Nobody reads them: only the sweep can close them.
        var revealed = EventTopics.await(kafka, Topic.SERVICE_REQUESTS.topicName(),
                r -> withBid.toString().equals(r.key()) && "BidsRevealed".equals(EventTopics.header(r, "ce_type")), Duration.ofSeconds(15));
        assertTrue(revealed.isPresent(), "the sweep did not reveal the bids of a request whose deadline passed");
        assertTrue(payload(revealed.get()).contains(bid.toString()));
        var unsuccessful = EventTopics.await(kafka, Topic.SERVICE_REQUESTS.topicName(),
                r -> withoutBids.toString().equals(r.key()) && "RequestUnsuccessful".equals(EventTopics.header(r, "ce_type")),
                Duration.ofSeconds(15));
        assertTrue(unsuccessful.isPresent(), "a request without bids did not become unsuccessful");
        assertTrue(payload(unsuccessful.get()).matches("(?s).*\"noBids\":\\s*true.*"));
        given().get(REQUESTS + "/" + withBid).then().body("status", equalTo("EVALUATION"));
    }

    @Test
    void priceAndQualityAwardsScoreEveryBidAndTheBuyerCanCancelOrEndWithoutAward() {
        Instant deadline = later();
        String id = publish(deadline, Map.of("criterion", "PRICE_AND_QUALITY", "priceWeight", 60, "qualityWeight", 40));
        String path = REQUESTS + "/" + id;
        String cheap = bid(provider1, id, "10000000.00").then().statusCode(201).extract().path("id");
        String good = bid(provider2, id, "11000000.00").then().statusCode(201).extract().path("id");
        as(buyer).body(Map.of("bidId", good)).post(path + "/award").then().statusCode(409);
        clock.passBeyond(deadline);
        awaitStatus(id, "EVALUATION");

        as(buyer).body(Map.of("bidId", good)).post(path + "/award").then().statusCode(400).body("errors.field", hasItem("qualityScores"));
        // cheap: 60 + 0.40*50 = 80; good: 60*10/11 + 0.40*95 = 92.5: the better score needs no reason.
        as(buyer).body(Map.of("bidId", good, "qualityScores", Map.of(cheap, 50, good, 95))).post(path + "/award")
                .then().statusCode(200).body("status", equalTo("AWARDED")).body("outcomeReason", nullValue());

        // Cancelled while open: the bids stay sealed, the buyer included.
        String cancelled = publish(later(), Map.of());
        bid(provider1, cancelled, "2000000.00").then().statusCode(201);
        as(buyer).body(Map.of("text", " ")).post(REQUESTS + "/" + cancelled + "/cancellation").then().statusCode(400)
                .body("errors.field", hasItem("text"));
        as(buyer).body(Map.of("text", "Loyiha byudjeti qisqartirildi")).post(REQUESTS + "/" + cancelled + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        as(buyer).get(REQUESTS + "/" + cancelled + "/bids").then().body("items", hasSize(0));
        bid(provider2, cancelled, "1900000.00").then().statusCode(409);

        // Evaluated, then ended without an award.
        Instant soon = later();
        String ended = publish(soon, Map.of());
        bid(provider3, ended, "3000000.00").then().statusCode(201);
        clock.passBeyond(soon);
        awaitStatus(ended, "EVALUATION");
        as(buyer).body(Map.of("text", "Barcha takliflar byudjetdan oshdi")).post(REQUESTS + "/" + ended + "/unsuccessful")
                .then().statusCode(200).body("status", equalTo("UNSUCCESSFUL"));
        assertFalse(eventsOf(ended, "RequestUnsuccessful").isEmpty());
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Instant deadline = Instant.now().plusSeconds(60);
        expectInvalid("deadline", Map.of("deadline", Instant.now().plusSeconds(1).toString()));
        expectInvalid("priceWeight", Map.of("criterion", "PRICE_AND_QUALITY", "priceWeight", 70, "qualityWeight", 20));
        expectInvalid("budgetUzs", Map.of("budgetUzs", "-1"));
        expectInvalid("regions[0]", Map.of("regions", List.of("0000")));
        expectInvalid("category", Map.of("category", "TELEPATHY"));
        expectInvalid("deadline", Map.of("deadline", "ertaga"));
        String id = publish(deadline, Map.of());
        for (var invalid : List.of(Map.of("field", "priceUzs", "body", bidBody("0")),
                Map.of("field", "proposal", "body", Map.of("priceUzs", "100.00", "durationDays", 10, "proposal", "")),
                Map.of("field", "durationDays", "body", Map.of("priceUzs", "100.00", "durationDays", 0, "proposal", "p")))) {
            as(provider1).body(invalid.get("body")).post(REQUESTS + "/" + id + "/bids").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(invalid.get("field")));
        }
        given().queryParam("status", "WON").get(REQUESTS).then().statusCode(400).body("errors.field", hasItem("status"));

        // Roles and standing.
        as(buyer).body(bidBody("100.00")).post(REQUESTS + "/" + id + "/bids").then().statusCode(403);
        as(provider1).body(request(deadline, Map.of())).post(REQUESTS).then().statusCode(403);
        Standings.announce(kafka, NAVOI_METAL, "ENTERPRISE", "1712", "Registered", "PENDING", Instant.now());
        as(Tokens.demoUser(realmUrl, "enterprise2")).body(request(deadline, Map.of())).post(REQUESTS).then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:organization-not-verified"));
    }

    @Test
    void theAccessMatrix() {
        String id = publish(Instant.now().plusSeconds(60), Map.of());
        String path = REQUESTS + "/" + id;
        String bid = bid(provider1, id, "4500000.00").then().statusCode(201).extract().path("id");
        String question = as(provider2).body(Map.of("text", "Muddat?")).post(path + "/questions").then().statusCode(201).extract().path("id");

        Route read = Route.get(path);
        Route bids = Route.get(path + "/bids");
        Route readBid = Route.get(path + "/bids/" + bid);
        Route submit = Route.post(path + "/bids", bidBody("100.00"));
        Route revise = Route.put(path + "/bids/" + bid, bidBody("100.00"));
        Route withdraw = new Route("DELETE", path + "/bids/" + bid, null);
        Route ask = Route.post(path + "/questions", Map.of("text", "Savol"));
        Route answer = Route.put(path + "/questions/" + question + "/answer", Map.of("text", "Javob"));
        Route award = Route.post(path + "/award", Map.of("bidId", bid, "reason", "matrix"));
        Route cancel = Route.post(path + "/cancellation", Map.of("text", "matrix"));
        Route unsuccessful = Route.post(path + "/unsuccessful", Map.of("text", "matrix"));
        Route mine = Route.get(REQUESTS + "/mine");
        Route create = Route.post(REQUESTS, request(Instant.now().plusSeconds(60), Map.of()));

        var matrix = new AccessMatrix(realmUrl);
        matrix.expectRefusedWithBrokenTokens(read, 200).expectRefusedWithBrokenTokens(bids, 200)
                .expectRefusedWithBrokenTokens(readBid, 404);
        for (Route route : List.of(submit, revise, withdraw, ask, answer, award, cancel, unsuccessful, mine, create)) {
            matrix.expectRefusedWithBrokenTokens(route, 401);
        }
        // Another provider: someone else's bid does not exist for it.
        for (Route route : List.of(readBid, revise, withdraw)) {
            matrix.expect(route, "provider2", 404);
        }
        // Another enterprise: someone else's request's decisions are not there to take.
        for (Route route : List.of(answer, award, cancel, unsuccessful)) {
            matrix.expect(route, "enterprise2", 404);
        }
        // Roles: enterprises do not bid or ask, providers and the administration do not decide.
        for (Route route : List.of(submit, revise, withdraw, ask)) {
            matrix.expect(route, "enterprise1", 403).expect(route, "admin1", 403);
        }
        for (Route route : List.of(answer, award, cancel, unsuccessful, mine, create)) {
            matrix.expect(route, "provider1", 403).expect(route, "admin1", 403);
        }
        matrix.expect(readBid, "enterprise1", 404).expect(readBid, "admin1", 404).expect(readBid, "provider1", 200)
                .expect(read, "provider2", 200).verify();
    }

    /**
     * A deadline no real wait reaches during the test, on the server's (possibly moved) clock: only
     * {@link MovableClock#passBeyond} makes it pass.
     */
    private Instant later() {
        return clock.instant().plus(Duration.ofHours(1));
    }

    private void expectInvalid(String field, Map<String, Object> change) {
        as(buyer).body(request(Instant.now().plusSeconds(60), change)).post(REQUESTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private String publish(Instant deadline, Map<String, Object> change) {
        return as(buyer).body(request(deadline, change)).post(REQUESTS).then().statusCode(201)
                .body("deadline", notNullValue()).extract().path("id");
    }

    private static Map<String, Object> request(Instant deadline, Map<String, Object> change) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "category", "ERP",
                "title", Map.of("uz-Latn", "To'qimachilik fabrikasi uchun ERP", "ru", "ERP для текстильной фабрики"),
                "description", Map.of("uz-Latn", "Ombor, ishlab chiqarish va buxgalteriya modullari; 120 foydalanuvchi"),
                "regions", List.of("1706", "1726"),
                "deadline", deadline.toString(),
                "criterion", "LOWEST_PRICE"));
        body.putAll(change);
        return body;
    }

    private Response bid(String token, String requestId, String price) {
        return as(token).body(bidBody(price)).post(REQUESTS + "/" + requestId + "/bids");
    }

    private static Map<String, Object> bidBody(String price) {
        return Map.of("priceUzs", price, "durationDays", 90, "proposal", "1C:ERP asosida joriy etish, 3 bosqichda");
    }

    private void awaitStatus(String id, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String seen;
        while (!status.equals(seen = given().get(REQUESTS + "/" + id).then().statusCode(200).extract().path("status"))) {
            if (System.nanoTime() > deadline) {
                fail("request " + id + " is " + seen + ", not " + status);
            }
            Standings.sleep(200);
        }
    }

    /** The request's events in order, read until one of type {@code last} has arrived. */
    private List<ConsumerRecord<String, byte[]>> eventsOf(String requestId, String last) {
        return EventTopics.all(kafka, Topic.SERVICE_REQUESTS.topicName(), Duration.ofSeconds(15),
                        r -> requestId.equals(r.key()) && last.equals(EventTopics.header(r, "ce_type")))
                .stream().filter(r -> requestId.equals(r.key())).toList();
    }

    private static String payload(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static Response call(String token, String method, String path) {
        RequestSpecification request = given();
        if (!token.isEmpty()) {
            request = request.auth().oauth2(token);
        }
        return request.request(method, path);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static void sleepUntil(Instant moment) {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Standings.sleep(millis);
        }
    }
}
