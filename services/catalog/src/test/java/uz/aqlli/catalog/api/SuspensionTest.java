package uz.aqlli.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.Contention;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.catalog.api.ProductCatalogueTest.PRODUCTS;
import static uz.aqlli.catalog.api.ProductCatalogueTest.as;
import static uz.aqlli.catalog.api.ProductCatalogueTest.product;
import static uz.aqlli.catalog.api.Registrations.PASSWORD;
import static uz.aqlli.catalog.api.Registrations.enterprise;
import static uz.aqlli.catalog.api.Registrations.newStir;
import static uz.aqlli.catalog.api.Registrations.post;

/** A suspended enterprise's products leave public view and come back, as they were, on reinstatement. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class SuspensionTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aSuspendedEnterprisesProductsLeaveTheSearchAndComeBackOnReinstatement() {
        String word = word();
        Verified verified = verifiedEnterprise();
        String enterprise = verified.id();
        String admin = verified.admin();
        String manager = verified.manager();

        String listed = draft(manager, word + " ipi");
        as(manager).header("If-Match", "\"0\"").post(PRODUCTS + "/" + listed + "/publication").then().statusCode(200);
        String publishedAt = given().get(PRODUCTS + "/" + listed).then().statusCode(200).extract().path("publishedAt");
        String cheaper = draft(manager, word + " matosi");
        as(manager).header("If-Match", "\"0\"").post(PRODUCTS + "/" + cheaper + "/publication").then().statusCode(200);
        as(manager).header("If-Match", "\"1\"").post(PRODUCTS + "/" + cheaper + "/withdrawal").then().statusCode(200);
        String draft = draft(manager, word + " qoralama");
        found(word).body("items.id", containsInAnyOrder(listed));

        decide(admin, enterprise, "SUSPEND").statusCode(200);
        found(word).body("items", empty()).body("total", equalTo(0));
        given().get(PRODUCTS + "/" + listed).then().statusCode(404);
        // Its members still see it, and why it is off the list; changing it waits for the reinstatement.
        as(manager).get(PRODUCTS + "/" + listed).then().statusCode(200).body("status", equalTo("SUSPENDED"));
        as(manager).header("If-Match", "\"2\"").body(product(word + " ipi", "1000")).put(PRODUCTS + "/" + listed)
                .then().statusCode(403).body("type", equalTo("urn:aqlli:problem:organization-not-verified"));

        decide(admin, enterprise, "REINSTATE").statusCode(200);
        found(word).body("items.id", containsInAnyOrder(listed));
        var back = given().get(PRODUCTS + "/" + listed).then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .extract();
        assertEquals(publishedAt, back.path("publishedAt"), "the reinstated product lost its place in the newest-first order");
        as(manager).get(PRODUCTS + "/" + cheaper).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        as(manager).get(PRODUCTS + "/" + draft).then().statusCode(200).body("status", equalTo("DRAFT"));
        given().get("/api/catalog/organizations/" + enterprise + "/products").then().statusCode(200)
                .body("items.id", hasItem(listed));
    }

    /**
     * A publish in flight when the enterprise is suspended: the test holds the product's row, so
     * the publish has checked the enterprise and waits to write; the suspension then runs. Whichever
     * commits first, the product must not end up on show under a suspended enterprise.
     */
    @Test
    void aPublicationRacingTheSuspensionDoesNotStayOnShow() throws Exception {
        String word = word();
        Verified verified = verifiedEnterprise();
        String enterprise = verified.id();
        String admin = verified.admin();
        String manager = verified.manager();
        String product = draft(manager, word + " poyga");

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from product where id = ? for update")) {
                lock.setObject(1, UUID.fromString(product));
                lock.executeQuery().close();
            }
            Future<Integer> publication = threads.submit(() -> as(manager).header("If-Match", "\"0\"")
                    .post(PRODUCTS + "/" + product + "/publication").statusCode());
            Contention.awaitWaiting(dataSource, "product", 1);
            Future<Integer> suspension = threads.submit(() -> decide(admin, enterprise, "SUSPEND").extract().statusCode());
            // Unlocked, the suspension finishes here while the publication still waits; locked, it waits for it.
            Thread.sleep(1500);
            holder.commit();
            assertEquals(200, suspension.get(30, TimeUnit.SECONDS));
            int published = publication.get(30, TimeUnit.SECONDS);
            String status = as(manager).get(PRODUCTS + "/" + product).then().statusCode(200).extract().path("status");
            assertEquals(published == 200 ? "SUSPENDED" : "DRAFT", status, "publication answered " + published);
            found(word).body("items", empty());
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * A handover in flight when the organization is suspended: the test holds the manager's member
     * row, so the handover has read the organization and waits to write; the suspension then runs.
     * Every standing takes the directory's last event on the topic as the organization's status, so
     * the last one must say SUSPENDED: a handover announcing the VERIFIED it read after the
     * suspension would let the organization trade again everywhere but in catalog.
     */
    @Test
    void aHandoverRacingTheSuspensionDoesNotAnnounceTheOldStatusAfterIt() throws Exception {
        Verified verified = verifiedEnterprise();
        String enterprise = verified.id();
        String self = OnboardingTest.claims(verified.manager()).path("sub").asText();
        String stir = given().auth().oauth2(verified.manager()).get("/api/catalog/organizations/" + enterprise).then()
                .statusCode(200).extract().path("stir");
        String successor = given().auth().oauth2(verified.manager()).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Voris", "lastName", "Karimov", "email", "voris-" + stir + "@korxona.uz",
                        "password", PASSWORD))
                .post("/api/catalog/organizations/" + enterprise + "/members").then().statusCode(201).extract().path("userId");

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from member where user_id = ? for update")) {
                lock.setObject(1, UUID.fromString(self));
                lock.executeQuery().close();
            }
            Future<Integer> handover = threads.submit(() -> given().auth().oauth2(verified.manager()).contentType(ContentType.JSON)
                    .body(Map.of("userId", successor)).post("/api/catalog/organizations/" + enterprise + "/manager-handover")
                    .statusCode());
            Contention.awaitWaiting(dataSource, "member", 1);
            Future<Integer> suspension = threads.submit(() -> decide(verified.admin(), enterprise, "SUSPEND").extract().statusCode());
            // Unlocked, the suspension commits here while the handover still waits; locked, it waits for it.
            Thread.sleep(1500);
            holder.commit();
            assertEquals(200, suspension.get(30, TimeUnit.SECONDS));
            assertEquals(200, handover.get(30, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }

        Set<String> seen = new HashSet<>();
        var events = EventTopics.all(kafka, Topic.ORGANIZATIONS.topicName(), Duration.ofSeconds(15),
                        r -> enterprise.equals(r.key()) && seen.add(EventTopics.header(r, "ce_type"))
                                && seen.containsAll(Set.of("OrganizationManagerChanged", "OrganizationSuspended")))
                .stream().filter(r -> enterprise.equals(r.key())).toList();
        assertTrue(seen.containsAll(Set.of("OrganizationManagerChanged", "OrganizationSuspended")), "events of " + enterprise + ": " + seen);
        JsonNode last = new ObjectMapper().readTree(events.get(events.size() - 1).value());
        assertEquals("SUSPENDED", last.path("status").asText(), "the directory's last word on " + enterprise + ": " + last);
    }

    /** A newly registered enterprise in Navoi, verified by the republic's administration, and its manager's token. */
    private Verified verifiedEnterprise() {
        String stir = newStir();
        String id = Registrations.registerAndConfirm(enterprise(stir, "1712"));
        String admin = Tokens.demoUser(realmUrl, "admin1");
        decide(admin, id, "VERIFY").statusCode(200);
        return new Verified(id, admin, Tokens.password(realmUrl, "aqlli-web", "manager-" + stir + "@korxona.uz", PASSWORD));
    }

    private record Verified(String id, String admin, String manager) {
    }

    private String draft(String token, String name) {
        return as(token).body(product(name, "52000.00")).post(PRODUCTS).then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.ValidatableResponse found(String word) {
        return given().queryParam("q", word).get(PRODUCTS).then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse decide(String token, String id, String decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "reason", "tekshiruv"))
                .post("/api/catalog/organizations/" + id + "/decisions").then();
    }

    /** A word no other product has, so that the search answers about these products alone. */
    private static String word() {
        StringBuilder word = new StringBuilder("tekshir");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }
}
