package uz.aqlli.notifications.api;

import uz.aqlli.platform.events.OrganizationRegistered;
import uz.aqlli.platform.events.OrganizationVerified;
import uz.aqlli.platform.testing.KeycloakUsers;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.TestInfrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;

/** Organizations of the directory with a real signed-in member each, as the tests' market. */
final class People {

    /** One organization and one of its users, who has used the API once (so the service knows them). */
    record Member(UUID organizationId, String token, String userId, String email) {
    }

    private People() {
    }

    static String kafka() {
        return TestInfrastructure.kafka().bootstrapServers();
    }

    static String realm() {
        return TestInfrastructure.keycloak().realmUrl();
    }

    /** A verified organization of the directory, with a member who has opened their feed. */
    static Member organization(String kind, String region, List<String> categories) {
        UUID id = UUID.randomUUID();
        String token = KeycloakUsers.signedInMember(realm(), "ENTERPRISE".equals(kind) ? "enterprises" : "providers", id);
        Member member = new Member(id, token, subject(token), claim(token, "email"));
        given().auth().oauth2(token).get("/api/notifications/feed").then().statusCode(200);
        Instant now = Instant.now();
        PlatformEvents.publish(kafka(), new OrganizationRegistered(id, kind, "Sinov " + kind, "30" + (int) (Math.random() * 1e7),
                region, region + "401", "NONE", null, "ENTERPRISE".equals(kind) ? categories : List.of(),
                "ENTERPRISE".equals(kind) ? List.of() : categories, "+998710000000", "info-" + id + "@sinov.uz", null, null, member.userId(),
                "PENDING", now));
        PlatformEvents.publish(kafka(), new OrganizationVerified(id, kind, region, "VERIFIED", null, "test", now));
        // Known once the verification reached them.
        eventually(() -> unread(token) >= 1, "the verification of " + id + " in its member's feed");
        return member;
    }

    /** An administration user of {@code region} who has opened their feed. */
    static Member administrator(String region) {
        String token = KeycloakUsers.signedInAdministrator(realm(), region);
        given().auth().oauth2(token).get("/api/notifications/feed").then().statusCode(200);
        return new Member(null, token, subject(token), claim(token, "email"));
    }

    static long unread(String token) {
        return given().auth().oauth2(token).get("/api/notifications/feed/unread-count").then().statusCode(200).extract().jsonPath().getLong("unread");
    }

    static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String subject(String token) {
        return claim(token, "sub");
    }

    /** A numeric claim ({@code exp}, {@code iat}) as text. */
    static String claimNumber(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        var matcher = java.util.regex.Pattern.compile("\"" + name + "\":(\\d+)").matcher(payload);
        return matcher.find() ? matcher.group(1) : null;
    }

    static String claim(String token, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        var matcher = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(payload);
        return matcher.find() ? matcher.group(1) : null;
    }
}
