package uz.aqlli.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The gateway on its own, with real Keycloak tokens and no service behind it (the upstreams'
 * ports are closed): what it decides by itself. Routing to live services is covered end to end
 * (deploy/e2e).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class GatewayTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Test
    void aMissingTokenIsAProblemDetail() {
        given().get("/api/orders/orders")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void registrationAndTheDirectoryArePublicButNothingElseOfTheCatalogIs() {
        // Passed through without a token (the service behind is down here, hence 502, not 401).
        given().contentType("application/json").body("{}").post("/api/catalog/registrations").then().statusCode(502);
        given().get("/api/catalog/organizations").then().statusCode(502);
        given().get("/api/catalog/organizations/a1b2c3d4-0000-4000-8000-000000000001").then().statusCode(502);
        given().queryParam("q", "paxta").get("/api/catalog/products").then().statusCode(502);
        given().contentType("application/json").body("{}").post("/api/catalog/products").then().statusCode(401);
        // Same paths, other methods, and other catalog routes still need a token.
        given().contentType("application/json").body("{}").post("/api/catalog/organizations/a1b2c3d4-0000-4000-8000-000000000001/decisions")
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/api/catalog/registrations").then().statusCode(401);
        given().get("/api/catalog/me").then().statusCode(401);
        given().get("/api/catalog/organizationsX").then().statusCode(401);
        // Other methods on the directory's paths reach the service with a token (502: it is down here).
        given().auth().oauth2(Tokens.demoUser(realmUrl, "admin1")).contentType("application/json").body("{}")
                .post("/api/catalog/organizations/a1b2c3d4-0000-4000-8000-000000000001/decisions").then().statusCode(502);
        // A token sent to a public route is still checked.
        given().auth().oauth2(Tokens.tampered(Tokens.demoUser(realmUrl, "admin1"))).get("/api/catalog/organizations")
                .then().statusCode(401);
    }

    @Test
    void theMarketBoardIsPublicToReadOnly() {
        given().get("/api/offers/offers").then().statusCode(502);
        given().get("/api/offers/offers/a1b2c3d4-0000-4000-8000-0000000000aa").then().statusCode(502);
        given().get("/api/offers/requests").then().statusCode(502);
        given().get("/api/offers/requests/a1b2c3d4-0000-4000-8000-0000000000aa/questions").then().statusCode(502);
        given().contentType("application/json").body("{}").post("/api/offers/offers").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/json").body("{}").post("/api/offers/requests/x/bids").then().statusCode(401);
        given().auth().oauth2(Tokens.demoUser(realmUrl, "provider1")).contentType("application/json").body("{}")
                .post("/api/offers/offers").then().statusCode(502);
    }

    @Test
    void analyticsNeedsTheAdministrationRole() {
        given().auth().oauth2(Tokens.demoUser(realmUrl, "enterprise1"))
                .get("/api/analytics/organizations/by-region")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aForgedTokenIsRefused() {
        given().auth().oauth2(Tokens.tampered(Tokens.demoUser(realmUrl, "admin1")))
                .get("/api/analytics/organizations/by-region")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anAllowedRequestIsForwardedWithARequestIdAndAnUnreachableServiceIsA502() {
        given().auth().oauth2(Tokens.demoUser(realmUrl, "admin1"))
                .get("/api/analytics/organizations/by-region")
                .then().statusCode(502)
                .header("X-Request-Id", notNullValue());
    }

    @Test
    void theGatewayIsNotReadyWhileItsServicesAreDown() {
        given().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'upstream services' }.data.catalog", startsWith("DOWN"));
    }
}
