package uz.aqlli.platform.testing;

import io.restassured.RestAssured;

/** Real access tokens from Keycloak, by the password grant of the local realm's web client. */
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
}
