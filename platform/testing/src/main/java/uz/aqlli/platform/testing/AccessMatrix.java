package uz.aqlli.platform.testing;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routes against callers: each expectation is one request with a real token, and every refusal
 * must be a problem document. Failures are collected, so one run shows the whole matrix's holes.
 */
public final class AccessMatrix {

    /** One route of the matrix, with a request body when it takes one. */
    public record Route(String method, String path, Object body) {

        public static Route get(String path) {
            return new Route("GET", path, null);
        }

        public static Route post(String path, Object body) {
            return new Route("POST", path, body);
        }

        public static Route put(String path, Object body) {
            return new Route("PUT", path, body);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final String realmUrl;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private Map<String, String> broken;

    public AccessMatrix(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** A demo user's token, signed in once per matrix. */
    public String token(String user) {
        return tokens.computeIfAbsent(user, u -> Tokens.demoUser(realmUrl, u));
    }

    /** {@code route} as {@code user} must answer {@code expected}. */
    public AccessMatrix expect(Route route, String user, int expected) {
        check(route, token(user), user, expected);
        return this;
    }

    /**
     * {@code route} without a token must answer {@code withoutToken}; with a tampered, unsigned,
     * expired or other-audience token, 401.
     */
    public AccessMatrix expectRefusedWithBrokenTokens(Route route, int withoutToken) {
        for (var entry : brokenTokens().entrySet()) {
            check(route, entry.getValue(), entry.getKey() + " token", entry.getValue().isEmpty() ? withoutToken : 401);
        }
        return this;
    }

    public void verify() {
        assertTrue(failures.isEmpty(), "access matrix:\n" + String.join("\n", failures));
    }

    private Map<String, String> brokenTokens() {
        if (broken == null) {
            String admin = token("admin1");
            broken = new LinkedHashMap<>();
            broken.put("no", "");
            broken.put("tampered", Tokens.tampered(admin));
            broken.put("unsigned", Tokens.unsigned(admin));
            broken.put("another audience's", Tokens.fromNewClient(realmUrl, "admin1", 300, false));
            broken.put("expired", Tokens.expired(realmUrl, "admin1"));
        }
        return broken;
    }

    private void check(Route route, String token, String who, int expected) {
        RequestSpecification request = given();
        if (!token.isEmpty()) {
            request = request.auth().oauth2(token);
        }
        if (route.body() != null) {
            request = request.contentType(ContentType.JSON).body(route.body());
        }
        var response = request.request(route.method(), route.path());
        int status = response.statusCode();
        if (status != expected) {
            failures.add(route + " as " + who + ": " + status + " instead of " + expected);
        } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            failures.add(route + " as " + who + ": " + status + " without a problem document");
        }
    }
}
