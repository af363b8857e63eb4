package uz.aqlli.catalog.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.Topic;
import uz.aqlli.platform.testing.AccessMatrix;
import uz.aqlli.platform.testing.AccessMatrix.Route;
import uz.aqlli.platform.testing.EventTopics;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.catalog.api.Registrations.PASSWORD;
import static uz.aqlli.catalog.api.Registrations.newStir;
import static uz.aqlli.catalog.api.Registrations.registerEnterprise;
import static uz.aqlli.platform.testing.Demo.BUKHARA_TEXTILE;

/**
 * Verification by the right region's administration, and the access matrix: every catalog route
 * that takes an id or returns private data, against every kind of caller. A new route joins
 * {@link #routes()}.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class AccessControlTest {


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

    @Test
    void theManagerRemovesUsersAndHandsTheRoleOver() throws Exception {
        String stir = newStir();
        String id = registerEnterprise(stir, "1706");
        String manager = Tokens.password(realmUrl, "aqlli-web", "manager-" + stir + "@korxona.uz", PASSWORD);
        String leaver = addMember(manager, id, "ketuvchi");
        String successor = addMember(manager, id, "vorisi");
        String successorToken = Tokens.password(realmUrl, "aqlli-web", "vorisi-" + stir + "@korxona.uz", PASSWORD);

        // Only the manager removes, and only in its own organization.
        given().auth().oauth2(successorToken).delete(members(id) + "/" + leaver).then().statusCode(403)
                .body("type", equalTo("urn:aqlli:problem:not-organization-manager"));
        as("enterprise2").delete(members(id) + "/" + leaver).then().statusCode(404);
        as("enterprise1").delete(members(BUKHARA_TEXTILE) + "/" + leaver).then().statusCode(404);

        given().auth().oauth2(manager).delete(members(id) + "/" + leaver).then().statusCode(204);
        given().auth().oauth2(manager).get(members(id)).then().statusCode(200).body("userId", not(hasItem(leaver)));
        // The account is closed: no new token.
        io.restassured.RestAssured.given().formParam("grant_type", "password").formParam("client_id", "aqlli-web")
                .formParam("username", "ketuvchi-" + stir + "@korxona.uz").formParam("password", PASSWORD)
                .post(realmUrl + "/protocol/openid-connect/token").then().statusCode(400).body("error", equalTo("invalid_grant"));

        // The manager cannot leave without a successor; the handover goes to a member only.
        String self = OnboardingTest.claims(manager).path("sub").asText();
        given().auth().oauth2(manager).delete(members(id) + "/" + self).then().statusCode(409)
                .body("type", equalTo("urn:aqlli:problem:manager-cannot-leave"));
        handOver(manager, id, "5e5e0000-0000-4000-8000-000000000001").statusCode(400).body("errors.field", hasItem("userId"));
        handOver(successorToken, id, self).statusCode(403);
        handOver(manager, id, successor).statusCode(200).body("role", equalTo("MANAGER"));

        // Other services (orders: who approves) learn who manages now; the refused handovers said nothing.
        var changes = EventTopics.all(kafka, Topic.ORGANIZATIONS.topicName(), Duration.ofSeconds(15),
                        r -> id.equals(r.key()) && "OrganizationManagerChanged".equals(EventTopics.header(r, "ce_type")))
                .stream().filter(r -> id.equals(r.key()) && "OrganizationManagerChanged".equals(EventTopics.header(r, "ce_type")))
                .toList();
        assertEquals(1, changes.size(), "OrganizationManagerChanged records of " + id);
        JsonNode change = new ObjectMapper().readTree(changes.get(0).value());
        assertEquals(successor, change.path("managerUserId").asText());
        assertEquals(self, change.path("previousManagerUserId").asText());
        assertEquals("PENDING", change.path("status").asText());
        assertEquals("1706", change.path("regionCode").asText());
        assertEquals("ENTERPRISE", change.path("kind").asText());

        // Now the successor manages and the former manager is a member.
        given().auth().oauth2(manager).delete(members(id) + "/" + successor).then().statusCode(403);
        given().auth().oauth2(successorToken).get(members(id)).then().statusCode(200)
                .body("find { it.userId == '" + self + "' }.role", equalTo("MEMBER"))
                .body("find { it.userId == '" + successor + "' }.role", equalTo("MANAGER"));
        given().auth().oauth2(successorToken).delete(members(id) + "/" + self).then().statusCode(204);

        // Who joined and who left, for the services that tell an organization's users (notifications).
        var membership = EventTopics.all(kafka, Topic.ORGANIZATIONS.topicName(), Duration.ofSeconds(15),
                        r -> id.equals(r.key()) && "MemberLeft".equals(EventTopics.header(r, "ce_type"))
                                && r.value() != null && new String(r.value()).contains(self))
                .stream().filter(r -> id.equals(r.key()) && String.valueOf(EventTopics.header(r, "ce_type")).startsWith("Member")).toList();
        List<String> joined = new java.util.ArrayList<>();
        List<String> left = new java.util.ArrayList<>();
        for (var record : membership) {
            JsonNode event = new ObjectMapper().readTree(record.value());
            assertEquals(id, event.path("organizationId").asText());
            ("MemberJoined".equals(EventTopics.header(record, "ce_type")) ? joined : left).add(event.path("userId").asText());
            if ("MemberJoined".equals(EventTopics.header(record, "ce_type"))) {
                assertTrue(event.path("email").asText().endsWith(stir + "@korxona.uz"), event.toString());
            }
        }
        assertEquals(List.of(leaver, successor), joined, "MemberJoined of " + id);
        assertEquals(List.of(leaver, self), left, "MemberLeft of " + id + " (none for the refused removals)");
    }

    @Test
    void theAccessMatrix() {
        String pending = registerEnterprise(newStir(), "1706");
        Map<String, Object> person = Map.of("firstName", "M", "lastName", "N", "email", "matrix-" + System.nanoTime() + "@x.uz",
                "password", PASSWORD);
        Route readPending = Route.get("/api/catalog/organizations/" + pending);
        Route pendingMembers = Route.get(members(pending));
        Route addToPending = Route.post(members(pending), person);
        Route decideOnPending = Route.post("/api/catalog/organizations/" + pending + "/decisions", Map.of("decision", "REJECT", "reason", "matrix"));
        Route removeFromPending = new Route("DELETE", members(pending) + "/" + UUID.randomUUID(), null);
        Route handOverPending = Route.post("/api/catalog/organizations/" + pending + "/manager-handover", Map.of("userId", UUID.randomUUID()));
        Route bukharaMembers = Route.get(members(BUKHARA_TEXTILE));
        Route addToBukhara = Route.post(members(BUKHARA_TEXTILE), person);
        Route removeFromBukhara = new Route("DELETE", members(BUKHARA_TEXTILE) + "/5e5e0000-0000-4000-8000-000000000001", null);
        Route handOverBukhara = Route.post("/api/catalog/organizations/" + BUKHARA_TEXTILE + "/manager-handover",
                Map.of("userId", "5e5e0000-0000-4000-8000-000000000002"));
        Route me = Route.get("/api/catalog/me");

        var matrix = new AccessMatrix(realmUrl);
        // Reading one organization is public: without a token the pending one simply does not exist.
        matrix.expectRefusedWithBrokenTokens(readPending, 404);
        for (Route route : List.of(pendingMembers, addToPending, decideOnPending, removeFromPending, handOverPending,
                bukharaMembers, addToBukhara, removeFromBukhara, handOverBukhara, me)) {
            matrix.expectRefusedWithBrokenTokens(route, 401);
        }
        // Signed-in callers who are neither members of the pending organization nor its administration.
        for (String outsider : List.of("enterprise1", "enterprise2", "provider1")) {
            for (Route route : List.of(readPending, pendingMembers, addToPending, removeFromPending, handOverPending)) {
                matrix.expect(route, outsider, 404);
            }
            matrix.expect(decideOnPending, outsider, 403);
        }
        for (Route route : List.of(readPending, pendingMembers)) {
            matrix.expect(route, "admin-navoi", 404).expect(route, "admin-bukhara", 200).expect(route, "admin1", 200);
        }
        // The administration reads an organization's users but never changes them.
        for (Route route : List.of(addToPending, removeFromPending, handOverPending)) {
            matrix.expect(route, "admin-bukhara", 403);
        }
        matrix.expect(decideOnPending, "admin-navoi", 404);
        // Organization B against organization A's users.
        for (String other : List.of("enterprise2", "provider1")) {
            for (Route route : List.of(bukharaMembers, addToBukhara, removeFromBukhara, handOverBukhara)) {
                matrix.expect(route, other, 404);
            }
        }
        matrix.expect(bukharaMembers, "enterprise1", 200).expect(me, "provider1", 200).verify();
    }

    private String addMember(String managerToken, String organizationId, String name) {
        String stirOfOrganization = given().auth().oauth2(managerToken).get("/api/catalog/organizations/" + organizationId)
                .then().statusCode(200).extract().path("stir");
        return given().auth().oauth2(managerToken).contentType(ContentType.JSON)
                .body(Map.of("firstName", name, "lastName", "Karimov", "email", name + "-" + stirOfOrganization + "@korxona.uz",
                        "password", PASSWORD))
                .post(members(organizationId)).then().statusCode(201).extract().path("userId");
    }

    private io.restassured.response.ValidatableResponse handOver(String token, String organizationId, String userId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("userId", userId))
                .post("/api/catalog/organizations/" + organizationId + "/manager-handover").then();
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
