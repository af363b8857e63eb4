package uz.aqlli.orders.api;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import uz.aqlli.platform.events.IntegrationEvent;
import uz.aqlli.platform.events.OfferPublished;
import uz.aqlli.platform.events.OfferWithdrawn;
import uz.aqlli.platform.events.OrganizationManagerChanged;
import uz.aqlli.platform.events.OrganizationRegistered;
import uz.aqlli.platform.events.OrganizationSuspended;
import uz.aqlli.platform.events.OrganizationVerified;
import uz.aqlli.platform.events.ProductPublished;
import uz.aqlli.platform.events.ProductUpdated;
import uz.aqlli.platform.events.ProductWithdrawn;
import uz.aqlli.platform.events.RequestAwarded;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.KeycloakUsers;
import uz.aqlli.platform.testing.PlatformEvents;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The market as orders hears of it, put on the topics the way catalog and offers publish it (the
 * platform's real event records), with real Keycloak users acting for the organizations. Each test
 * makes its own organizations, so tests do not share state.
 */
final class Market {

    static final String ORDERS = "/api/orders/orders";
    static final String POLICY = "/api/orders/purchasing-policy";

    private final String kafka;
    private final String realmUrl;

    Market(String kafka, String realmUrl) {
        this.kafka = kafka;
        this.realmUrl = realmUrl;
    }

    /** An organization with its manager signed in; {@link #member()} signs in another of its users. */
    final class Org {
        final UUID id;
        final String kind;
        final String region;
        final String stir;
        final String legalName;
        final String manager;
        final String managerId;

        private Org(UUID id, String kind, String region, String stir, String legalName, String manager) {
            this.id = id;
            this.kind = kind;
            this.region = region;
            this.stir = stir;
            this.legalName = legalName;
            this.manager = manager;
            this.managerId = subject(manager);
        }

        String member() {
            return KeycloakUsers.signedInMember(realmUrl, group(kind), id);
        }

        RequestSpecification as() {
            return Market.as(manager);
        }

        void suspend() {
            handled(new OrganizationSuspended(id, kind, region, "SUSPENDED", "tekshiruv", "admin", Instant.now()));
        }

        void verify() {
            handled(new OrganizationVerified(id, kind, region, "VERIFIED", null, "admin", Instant.now()));
        }

        void handOverTo(String userToken) {
            handled(new OrganizationManagerChanged(id, kind, region, "VERIFIED", subject(userToken), managerId, Instant.now()));
        }
    }

    Org enterprise(String region) {
        return organization("ENTERPRISE", region, true, "326020012345");
    }

    Org provider(String region) {
        return organization("PROVIDER", region, true, null);
    }

    /** Registered but not (yet) verified by the administration. */
    Org pendingEnterprise(String region) {
        return organization("ENTERPRISE", region, false, null);
    }

    private Org organization(String kind, String region, boolean verified, String vatCode) {
        UUID id = UUID.randomUUID();
        String manager = KeycloakUsers.signedInMember(realmUrl, group(kind), id);
        String stir = String.valueOf(ThreadLocalRandom.current().nextInt(200_000_000, 699_999_999));
        String name = ("ENTERPRISE".equals(kind) ? "Sinov Zavodi " : "Sinov Soft ") + id.toString().substring(0, 6) + " MChJ";
        handled(new OrganizationRegistered(id, kind, name, stir, region, region + "201", "INDUSTRIAL_ZONE", "Sinov sanoat zonasi",
                "ENTERPRISE".equals(kind) ? List.of("TEXTILE_AND_GARMENTS") : List.of(), "ENTERPRISE".equals(kind) ? List.of() : List.of("ERP"),
                "+998901234567", "info@" + id.toString().substring(0, 6) + ".uz", "Sinov ko'chasi, 7-uy", vatCode,
                subject(manager), "PENDING", Instant.now()));
        Org org = new Org(id, kind, region, stir, name, manager);
        if (verified) {
            org.verify();
        }
        return org;
    }

    /** A published product of {@code seller}: priced per unit, with quantity tiers and a minimum order. */
    UUID product(Org seller, String unit, String price, String minimum, String ikpuCode, ProductPublished.Tier... tiers) {
        UUID id = UUID.randomUUID();
        handled(new ProductPublished(id, seller.id, Map.of("uz-Latn", "Paxta ipi", "ru", "Хлопковая пряжа"), "TEXTILE_AND_GARMENTS", "520512",
                ikpuCode, unit, new BigDecimal(price), List.of(tiers), new BigDecimal(minimum), 5, false, seller.region, Instant.now()));
        return id;
    }

    void reprice(UUID product, Org seller, String price) {
        handled(new ProductUpdated(product, seller.id, Map.of("uz-Latn", "Paxta ipi (yangi)"), "TEXTILE_AND_GARMENTS", "520512", null, "KILOGRAM",
                new BigDecimal(price), List.of(), BigDecimal.ONE, 5, false, seller.region, 2, Instant.now()));
    }

    void withdrawProduct(UUID product, Org seller) {
        handled(new ProductWithdrawn(product, seller.id, Instant.now()));
    }

    UUID offer(Org provider, String pricingModel, String price, String... regions) {
        UUID id = UUID.randomUUID();
        handled(new OfferPublished(id, provider.id, "ERP", Map.of("uz-Latn", "ERP joriy etish", "en", "ERP roll-out"),
                "62010000100000000", pricingModel, new BigDecimal(price), 30, List.of(regions), Instant.now()));
        return id;
    }

    void withdrawOffer(UUID offer, Org provider) {
        handled(new OfferWithdrawn(offer, provider.id, Instant.now()));
    }

    static ProductPublished.Tier tier(String from, String price) {
        return new ProductPublished.Tier(new BigDecimal(from), new BigDecimal(price));
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Publishes the event and waits until orders has applied it (its id is in the inbox). */
    void handled(IntegrationEvent event) {
        awaitHandled(PlatformEvents.publish(kafka, event), event);
    }

    /** Runs {@code check} until it passes, for up to 15 s: for what the sweep or a consumer does in its own time. */
    static void eventually(Runnable check) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The token's subject: the Keycloak user id. */
    static String subject(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        int at = payload.indexOf("\"sub\":\"") + 7;
        return payload.substring(at, payload.indexOf('"', at));
    }

    private static String group(String kind) {
        return "ENTERPRISE".equals(kind) ? "enterprises" : "providers";
    }
    static final String CONTRACTS = "/api/orders/contracts";

    /** offers' award of {@code provider}'s bid on a new request of {@code buyer}, at {@code price} so'm. */
    static RequestAwarded award(Org buyer, Org provider, String price) {
        return new RequestAwarded(UUID.randomUUID(), buyer.id, "ERP", Map.of("uz-Latn", "1C joriy etish", "ru", "Внедрение 1С"),
                List.of(buyer.region), UUID.randomUUID(), provider.id, new BigDecimal(price), 60, "LOWEST_PRICE", true, 3, null,
                Instant.now());
    }

    /** Publishes the award as offers would and waits until orders has handled it; returns its event id. */
    String awarded(RequestAwarded award) {
        String eventId = PlatformEvents.publish(kafka, award);
        awaitHandled(eventId, award);
        return eventId;
    }

    /** Delivers the award again under an event id it already had, as a broker does after a lost commit. */
    void redeliver(String eventId, RequestAwarded award) {
        PlatformEvents.publishAs(kafka, Topic.SERVICE_REQUESTS, eventId, award, Topic.SERVICE_REQUESTS.source(),
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    private void awaitHandled(String eventId, IntegrationEvent event) {
        EntityManager entityManager = Arc.container().instance(EntityManager.class).get();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select count(*) from inbox_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).toString().equals("0")) {
            if (System.nanoTime() > deadline) {
                fail("orders never applied " + event.getClass().getSimpleName() + " " + eventId);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
