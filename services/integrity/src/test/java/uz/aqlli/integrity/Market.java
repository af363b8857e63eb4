package uz.aqlli.integrity;

import io.restassured.response.ValidatableResponse;
import uz.aqlli.platform.events.BidsRevealed;
import uz.aqlli.platform.events.ContractFacts;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.events.OrderParty;
import uz.aqlli.platform.events.OrganizationRegistered;
import uz.aqlli.platform.events.RequestAwardDeclined;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.RequestPublished;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.KeycloakUsers;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.TestInfrastructure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The market as the producers tell it, for integrity under test: the platform's real event records
 * on their real topics with the real envelope (platform/testing's PlatformEvents), and the
 * administration's view of the flags they raise.
 */
final class Market {

    static final String FLAGS = "/api/integrity/red-flags";
    static final String KAFKA = TestInfrastructure.kafka().bootstrapServers();
    static final String REALM = TestInfrastructure.keycloak().realmUrl();

    private static String republic;

    private Market() {
    }

    static synchronized String republic() {
        if (republic == null) {
            republic = KeycloakUsers.signedInAdministrator(REALM, "17");
            // The service's first authenticated request fetches the realm's keys: not part of any measured time.
            given().auth().oauth2(republic).get(FLAGS).then().statusCode(200);
        }
        return republic;
    }

    static String publish(IntegrationEvent event) {
        return PlatformEvents.publish(KAFKA, event);
    }

    /** The same event again under the same id, as a redelivery would bring it. */
    static void redeliver(String eventId, IntegrationEvent event) {
        Topic topic = Topic.of(event.getClass());
        PlatformEvents.publishAs(KAFKA, topic, eventId, event, topic.source(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    static UUID organization(String kind, String region, String phone, String email, String address) {
        UUID id = UUID.randomUUID();
        publish(new OrganizationRegistered(id, kind, "Sinov " + id.toString().substring(0, 6), "3" + String.valueOf(
                Math.abs(id.getLeastSignificantBits())).substring(0, 8), region, region + "201", "NONE", null,
                kind.equals("ENTERPRISE") ? List.of("TEXTILES") : List.of(), kind.equals("PROVIDER") ? List.of("ERP") : List.of(),
                phone, email, address, null, null, "VERIFIED", Instant.now()));
        return id;
    }

    static UUID enterprise(String region) {
        return organization("ENTERPRISE", region, "+998 71 " + random(7), random(8) + "@korxona.uz", "Toshkent, " + random(6));
    }

    static UUID provider(String region) {
        return organization("PROVIDER", region, "+998 90 " + random(7), random(8) + "@it.uz", "Samarqand, " + random(6));
    }

    private static String random(int digits) {
        return UUID.randomUUID().toString().replaceAll("\\D", "").concat("1234567890").substring(0, digits);
    }

    /** One tender from publication to award, written as offers would write it. */
    static final class Tender {
        final UUID id = UUID.randomUUID();
        final UUID buyer;
        final String region;
        final String category;
        final String criterion;
        final Instant publishedAt;
        final Instant deadline;
        final List<BidsRevealed.RevealedBid> bids = new ArrayList<>();
        String publishedEvent;
        String revealedEvent;

        Tender(UUID buyer, String region, String category, String criterion, Instant publishedAt, Duration period) {
            this.buyer = buyer;
            this.region = region;
            this.category = category;
            this.criterion = criterion;
            this.publishedAt = publishedAt.truncatedTo(ChronoUnit.SECONDS);
            this.deadline = this.publishedAt.plus(period);
        }

        static Tender of(UUID buyer, String region, String category) {
            return new Tender(buyer, region, category, "LOWEST_PRICE", Instant.now().minus(Duration.ofDays(40)), Duration.ofDays(20));
        }

        RequestPublished published() {
            return new RequestPublished(id, buyer, category, Map.of("uz-Latn", "Sinov xizmati"), List.of(region), null, deadline,
                    criterion, 100, 0, publishedAt);
        }

        Tender publish() {
            publishedEvent = Market.publish(published());
            return this;
        }

        Tender bid(UUID provider, String price) {
            bids.add(new BidsRevealed.RevealedBid(UUID.randomUUID(), provider, new BigDecimal(price), 30,
                    deadline.minus(Duration.ofHours(1))));
            return this;
        }

        Tender reveal() {
            revealedEvent = Market.publish(new BidsRevealed(id, buyer, deadline, List.copyOf(bids), deadline.plusSeconds(1)));
            return this;
        }

        BidsRevealed.RevealedBid lowest() {
            return bids.stream().min(java.util.Comparator.comparing(BidsRevealed.RevealedBid::priceUzs)).orElseThrow();
        }

        RequestAwarded award(BidsRevealed.RevealedBid winner, String reason, String budget, Instant awardedAt) {
            boolean lowest = bids.stream().noneMatch(bid -> bid.priceUzs().compareTo(winner.priceUzs()) < 0);
            return new RequestAwarded(id, buyer, category, Map.of("uz-Latn", "Sinov xizmati"), List.of(region), winner.bidId(),
                    winner.providerId(), winner.priceUzs(), winner.durationDays(), criterion, lowest, bids.size(), reason,
                    budget == null ? null : new BigDecimal(budget), awardedAt);
        }

        /** The lowest bid awarded a day after the deadline, no budget. */
        String awardLowest() {
            return Market.publish(award(lowest(), null, null, deadline.plus(Duration.ofDays(1))));
        }

        String decline(BidsRevealed.RevealedBid bid) {
            return Market.publish(new RequestAwardDeclined(id, buyer, bid.bidId(), bid.providerId(), UUID.randomUUID(),
                    "Shartnoma shartlari mos emas", Instant.now()));
        }
    }

    static ContractFacts contract(UUID contractId, UUID buyer, String buyerRegion, UUID supplier, String value, String status) {
        return new ContractFacts(contractId, UUID.randomUUID(), UUID.randomUUID(), status,
                new OrderParty(buyer, buyerRegion, buyerRegion + "201", "NONE", null),
                new OrderParty(supplier, "1718", "1718201", "NONE", null), "ERP", new BigDecimal(value), "UZS");
    }

    // The administration's side

    static ValidatableResponse flags(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get(FLAGS).then();
    }

    /**
     * Polls until a flag of {@code code} on the request (or contract) is listed, at most {@code bound};
     * returns how long it took from {@code since}, or fails.
     */
    static Duration awaitFlag(String key, UUID id, String code, long since, Duration bound) {
        long deadline = since + bound.toNanos();
        while (true) {
            int total = flags(republic(), Map.of(key, id.toString(), "code", code, "status", "RAISED")).statusCode(200)
                    .extract().path("total");
            if (total > 0) {
                Duration took = Duration.ofNanos(System.nanoTime() - since);
                if (took.compareTo(bound) > 0) {
                    throw new AssertionError(code + " on " + key + " " + id + " listed only after " + took + ", beyond " + bound);
                }
                return took;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(code + " on " + key + " " + id + " not raised within " + bound);
            }
            sleep(25);
        }
    }

    /** Waits until the consumer has applied {@code marker}'s tender (its R003 stands), so what came before it has been too. */
    static void settled(UUID requestId) {
        awaitFlag("requestId", requestId, "R003", System.nanoTime(), Duration.ofSeconds(20));
    }

    /** Waits until integrity's consumer has applied the event {@code eventId} (its inbox has it, in the same transaction). */
    static void handled(javax.sql.DataSource database, String eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (var connection = database.getConnection();
                 var statement = connection.prepareStatement("select 1 from inbox_event where consumer = 'integrity-watch' and event_id = ?")) {
                statement.setString(1, eventId);
                if (statement.executeQuery().next()) {
                    return;
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            sleep(25);
        }
        throw new AssertionError("event " + eventId + " was not handled within 20 s");
    }

    static List<String> codesOn(String key, UUID id, String status) {
        return flags(republic(), status == null ? Map.of(key, id.toString(), "size", 100)
                : Map.of(key, id.toString(), "status", status, "size", 100)).statusCode(200).extract().path("items.code");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
