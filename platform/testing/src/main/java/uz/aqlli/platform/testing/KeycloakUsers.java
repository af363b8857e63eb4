package uz.aqlli.platform.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Users made in the test realm directly, for when a test needs more organizations than the demo has. */
public final class KeycloakUsers {

    /** Meets the realm's password policy. */
    public static final String PASSWORD = "Sinov-Parol-2026";

    private KeycloakUsers() {
    }

    /**
     * A user in {@code group} ({@code enterprises} or {@code providers}) acting for
     * {@code organizationId}, as catalog's onboarding would make them; returns their access token.
     */
    public static String signedInMember(String realmUrl, String group, UUID organizationId) {
        String keycloak = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
        String realm = realmUrl.substring(realmUrl.indexOf("/realms/") + "/realms/".length());
        String username = "test-" + group + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = Map.of(
                "username", username,
                "email", username + "@sinov.uz",
                "firstName", "Sinov",
                "lastName", "Foydalanuvchi",
                "enabled", true,
                "emailVerified", true,
                "groups", List.of("/" + group),
                "attributes", Map.of("organization_id", List.of(organizationId.toString())),
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        RestAssured.given().auth().oauth2(Tokens.keycloakAdmin(realmUrl)).contentType(ContentType.JSON).body(user)
                .post(keycloak + "/admin/realms/" + realm + "/users").then().statusCode(201);
        return Tokens.password(realmUrl, "aqlli-web", username, PASSWORD);
    }

    /** An administration user scoped to {@code regionCode} ({@code 17} for the republic); returns their access token. */
    public static String signedInAdministrator(String realmUrl, String regionCode) {
        String keycloak = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
        String realm = realmUrl.substring(realmUrl.indexOf("/realms/") + "/realms/".length());
        String username = "test-admin-" + regionCode + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = Map.of(
                "username", username,
                "email", username + "@sinov.uz",
                "firstName", "Sinov",
                "lastName", "Hokimiyat",
                "enabled", true,
                "emailVerified", true,
                "groups", List.of("/administration"),
                "attributes", Map.of("region_code", List.of(regionCode)),
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        RestAssured.given().auth().oauth2(Tokens.keycloakAdmin(realmUrl)).contentType(ContentType.JSON).body(user)
                .post(keycloak + "/admin/realms/" + realm + "/users").then().statusCode(201);
        return Tokens.password(realmUrl, "aqlli-web", username, PASSWORD);
    }
}
