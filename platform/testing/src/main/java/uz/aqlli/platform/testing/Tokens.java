package uz.aqlli.platform.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import uz.aqlli.launcher.Secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Real access tokens from Keycloak, and the broken ones every service must refuse. */
public final class Tokens {

    private Tokens() {
    }

    /** A token for a demo user (their password is their user name). */
    public static String demoUser(String realmUrl, String username) {
        return password(realmUrl, "aqlli-web", username, username);
    }

    public static String password(String realmUrl, String clientId, String username, String password) {
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("username", username)
                .formParam("password", password)
                .post(realmUrl + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** The same token with one character of its signature changed: a forgery Keycloak never issued. */
    public static String tampered(String token) {
        int last = token.length() - 2;
        char changed = token.charAt(last) == 'A' ? 'B' : 'A';
        return token.substring(0, last) + changed + token.charAt(last + 1);
    }

    /** The token's claims under an {@code alg: none} header and no signature at all. */
    public static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    /**
     * A token of a demo user issued by a new public client of the realm that lives
     * {@code lifespanSeconds} (at least 1) and carries the platform's audience or not.
     */
    public static String fromNewClient(String realmUrl, String username, int lifespanSeconds, boolean platformAudience) {
        String keycloak = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
        String realm = realmUrl.substring(realmUrl.indexOf("/realms/") + "/realms/".length());
        String admin = keycloakAdmin(realmUrl);
        String clientId = "test-" + (platformAudience ? "" : "foreign-") + System.nanoTime();
        Map<String, Object> client = new java.util.HashMap<>(Map.of("clientId", clientId, "publicClient", true,
                "directAccessGrantsEnabled", true, "attributes", Map.of("access.token.lifespan", String.valueOf(lifespanSeconds))));
        if (platformAudience) {
            client.put("protocolMappers", List.of(Map.of("name", "aqlli-api audience", "protocol", "openid-connect",
                    "protocolMapper", "oidc-audience-mapper",
                    "config", Map.of("included.custom.audience", "aqlli-api", "access.token.claim", "true"))));
        }
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(client)
                .post(keycloak + "/admin/realms/" + realm + "/clients").then().statusCode(201);
        return password(realmUrl, clientId, username, username);
    }

    /** A token of a demo user that has already expired. */
    public static String expired(String realmUrl, String username) {
        String token = fromNewClient(realmUrl, username, 2, true);
        try {
            Thread.sleep(4000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return token;
    }

    /** The Keycloak master-realm admin token (the test Keycloak's administrator has a generated password). */
    public static String keycloakAdmin(String realmUrl) {
        String keycloak = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
        return password(keycloak + "/realms/master", "admin-cli", Secrets.KEYCLOAK_ADMIN_USER, TestInfrastructure.keycloakAdminPassword());
    }
}
