package uz.aqlli.catalog.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.catalog.api.Registrations.PASSWORD;
import static uz.aqlli.catalog.api.Registrations.newStir;
import static uz.aqlli.catalog.api.Registrations.registerEnterprise;

/**
 * Verification by the right region's administration, and the access matrix: every catalog route
 * that takes an id or returns private data, against every kind of caller. A new route joins
 * {@link #routes()}.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class AccessControlTest {

    /** Demo organization of enterprise1 (verified, Bukhara); enterprise2 acts for another one. */
    static final String BUKHARA_TEXTILE = "a1b2c3d4-0000-4000-8000-000000000001";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeEach
    void signIn() {
        for (String user : List.of("enterprise1", "enterprise2", "provider1", "admin1", "admin-bukhara", "admin-navoi")) {
            tokens.computeIfAbsent(user, u -> Tokens.demoUser(realmUrl, u));
        }
    }

    @Test
    void aPendingOrganizationIsVerifiedByItsRegionsAdministrationOnly() {
        String id = registerEnterprise(newStir(), "1706");

        // Not public, and invisible to the wrong region's administration.
        given().get("/api/catalog/organizations/" + id).then().statusCode(404).contentType("application/problem+json");
        as("admin-navoi").get("/api/catalog/organizations/" + id).then().statusCode(404);
        as("admin-navoi").queryParam("status", "PENDING").get("/api/catalog/organizations")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        decide("admin-navoi", id, "VERIFY", null).statusCode(404);
        as("admin-navoi").queryParam("regionCode", "1706").get("/api/catalog/organizations").then().statusCode(403);

        // The Bukhara administration sees it among its pending organizations and verifies it.
        as("admin-bukhara").queryParam("status", "PENDING").queryParam("size", 100).get("/api/catalog/organizations")
                .then().statusCode(200).body("items.id", hasItem(id));
        decide("admin-bukhara", id, "VERIFY", null).statusCode(200).body("status", equalTo("VERIFIED"));
        decide("admin-bukhara", id, "VERIFY", null).statusCode(409).body("type", equalTo("urn:aqlli:problem:invalid-status-transition"));

        var verified = EventTopics.await(kafka, Topic.ORGANIZATIONS.topicName(),
                r -> id.equals(r.key()) && "OrganizationVerified".equals(EventTopics.header(r, "ce_type")), Duration.ofSeconds(10));
        assertTrue(verified.isPresent(), "no OrganizationVerified on the topic");

        // Now public; suspension needs a reason and is an event too; the republic level reinstates.
        given().get("/api/catalog/organizations/" + id).then().statusCode(200).body("status", equalTo("VERIFIED"))
                .body("statusReason", equalTo(null));
        decide("admin-bukhara", id, "SUSPEND", " ").statusCode(400).body("errors.field", hasItem("reason"));
        decide("admin-bukhara", id, "SUSPEND", "Soliq qarzi").statusCode(200).body("status", equalTo("SUSPENDED"));
        as("admin-bukhara").get("/api/catalog/organizations/" + id).then().statusCode(200).body("statusReason", equalTo("Soliq qarzi"));
        given().get("/api/catalog/organizations/" + id).then().statusCode(404);
        decide("admin1", id, "REINSTATE", null).statusCode(200).body("status", equalTo("VERIFIED"));
        var reinstated = EventTopics.await(kafka, Topic.ORGANIZATIONS.topicName(),
                r -> id.equals(r.key()) && "OrganizationReinstated".equals(EventTopics.header(r, "ce_type")), Duration.ofSeconds(10));
        assertTrue(reinstated.isPresent(), "no OrganizationReinstated on the topic");
    }

    @Test
    void aRejectionTellsTheOrganizationWhyAndIsFinal() {
        String stir = newStir();
        String id = registerEnterprise(stir, "1712");
        decide("admin-navoi", id, "REJECT", null).statusCode(400).body("errors.field", hasItem("reason"));
        decide("admin-navoi", id, "REJECT", "STIR boshqa korxonaga tegishli").statusCode(200).body("status", equalTo("REJECTED"));
        String manager = Tokens.password(realmUrl, "aqlli-web", "manager-" + stir + "@korxona.uz", PASSWORD);
        given().auth().oauth2(manager).get("/api/catalog/organizations/" + id).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("statusReason", equalTo("STIR boshqa korxonaga tegishli"));
        decide("admin-navoi", id, "VERIFY", null).statusCode(409);
    }

    @Test
    void theManagerAddsUsersWhoActForTheSameOrganization() throws Exception {
        String email = "xodim-" + System.nanoTime() + "@buxoro-textile.uz";
        Map<String, Object> person = Map.of("firstName", "Shahlo", "lastName", "Ahmedova", "email", email, "password", PASSWORD);

        // Another organization's manager, a provider, the administration: none adds users here.
        as("enterprise2").contentType(ContentType.JSON).body(person).post(members(BUKHARA_TEXTILE)).then().statusCode(404);
        as("admin-bukhara").contentType(ContentType.JSON).body(person).post(members(BUKHARA_TEXTILE)).then().statusCode(403);

        as("enterprise1").contentType(ContentType.JSON).body(person).post(members(BUKHARA_TEXTILE))
                .then().statusCode(201).body("role", equalTo("MEMBER")).body("organizationId", equalTo(BUKHARA_TEXTILE));
        String member = Tokens.password(realmUrl, "aqlli-web", email, PASSWORD);
        assertEquals(BUKHARA_TEXTILE, OnboardingTest.claims(member).path("organization_id").asText());

        // A member who is not the manager cannot add; the same e-mail twice is a conflict.
        given().auth().oauth2(member).contentType(ContentType.JSON)
                .body(Map.of("firstName", "A", "lastName", "B", "email", "other-" + email, "password", PASSWORD))
                .post(members(BUKHARA_TEXTILE)).then().statusCode(403).body("type", equalTo("urn:aqlli:problem:not-organization-manager"));
        as("enterprise1").contentType(ContentType.JSON).body(person).post(members(BUKHARA_TEXTILE)).then().statusCode(409);
        as("enterprise1").get(members(BUKHARA_TEXTILE)).then().statusCode(200).body("email", hasItem(email));
        given().auth().oauth2(member).get(members(BUKHARA_TEXTILE)).then().statusCode(200).body("email", hasItem(email));
    }

    /** One row of the matrix: a route, with a request body when it takes one. */
    record Route(String method, String path, Object body) {
    }

    private List<Route> routes(String pendingId) {
        Map<String, Object> person = Map.of("firstName", "M", "lastName", "N", "email", "matrix-" + System.nanoTime() + "@x.uz",
                "password", PASSWORD);
        return List.of(
                new Route("GET", "/api/catalog/organizations/" + pendingId, null),
                new Route("GET", members(pendingId), null),
                new Route("POST", members(pendingId), person),
                new Route("POST", "/api/catalog/organizations/" + pendingId + "/decisions", Map.of("decision", "REJECT", "reason", "matrix")),
                new Route("GET", members(BUKHARA_TEXTILE), null),
                new Route("POST", members(BUKHARA_TEXTILE), person),
                new Route("GET", "/api/catalog/me", null));
    }

    @Test
    void theAccessMatrix() {
        String pending = registerEnterprise(newStir(), "1706");
        String admin = tokens.get("admin1");
        Map<String, String> broken = Map.of(
                "no token", "",
                "tampered", Tokens.tampered(admin),
                "unsigned", Tokens.unsigned(admin),
                "another audience", Tokens.fromNewClient(realmUrl, "admin1", 300, false),
                "expired", Tokens.expired(realmUrl, "admin1"));
        List<String> failures = new ArrayList<>();
        List<Route> routes = routes(pending);
        for (Route route : routes) {
            for (var entry : broken.entrySet()) {
                // Reading one organization is public: without a token the pending one simply does not exist.
                int expected = entry.getValue().isEmpty() && route == routes.get(0) ? 404 : 401;
                int status = call(route, entry.getValue());
                if (status != expected) {
                    failures.add(route + " with " + entry.getKey() + " token: " + status + " instead of " + expected);
                }
            }
        }
        // Signed-in callers who are neither members of the pending organization nor its administration.
        Map<String, Integer> pendingRoutes = Map.of("GET " + routes.get(0).path(), 404, "GET " + routes.get(1).path(), 404,
                "POST " + routes.get(2).path(), 404);
        for (String outsider : List.of("enterprise1", "enterprise2", "provider1")) {
            for (Route route : routes.subList(0, 3)) {
                expect(failures, route, outsider, pendingRoutes.get(route.method() + " " + route.path()));
            }
            expect(failures, routes.get(3), outsider, 403);
        }
        for (Route route : routes.subList(0, 2)) {
            expect(failures, route, "admin-navoi", 404);
            expect(failures, route, "admin-bukhara", 200);
            expect(failures, route, "admin1", 200);
        }
        expect(failures, routes.get(2), "admin-bukhara", 403);
        expect(failures, routes.get(3), "admin-navoi", 404);
        // Organization B against organization A's private data.
        expect(failures, routes.get(4), "enterprise2", 404);
        expect(failures, routes.get(4), "provider1", 404);
        expect(failures, routes.get(4), "enterprise1", 200);
        expect(failures, routes.get(5), "enterprise2", 404);
        expect(failures, routes.get(5), "provider1", 404);
        expect(failures, routes.get(6), "provider1", 200);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private void expect(List<String> failures, Route route, String user, int expected) {
        int status = call(route, tokens.get(user));
        if (status != expected) {
            failures.add(route.method() + " " + route.path() + " as " + user + ": " + status + " instead of " + expected);
        }
    }

    private int call(Route route, String token) {
        RequestSpecification request = given();
        if (!token.isEmpty()) {
            request = request.auth().oauth2(token);
        }
        if (route.body() != null) {
            request = request.contentType(ContentType.JSON).body(route.body());
        }
        var response = request.request(route.method(), route.path());
        if (response.statusCode() >= 400) {
            // Every refusal is a problem document, whoever refused.
            response.then().contentType("application/problem+json");
        }
        return response.statusCode();
    }

    private RequestSpecification as(String user) {
        return given().auth().oauth2(tokens.get(user));
    }

    private io.restassured.response.ValidatableResponse decide(String user, String id, String decision, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        if (reason != null) {
            body.put("reason", reason);
        }
        return as(user).contentType(ContentType.JSON).body(body).post("/api/catalog/organizations/" + id + "/decisions").then();
    }

    private static String members(String organizationId) {
        return "/api/catalog/organizations/" + organizationId + "/members";
    }
}
