package uz.aqlli.platform.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What every service shows from its first day: readiness that covers its database and Kafka,
 * liveness, an OpenAPI document, and its own database migrated with the outbox and inbox.
 * A service's test extends it and adds {@code @QuarkusTest} with its {@link PlatformTestResource}.
 */
public abstract class ServiceSkeletonContract {

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void livenessAndOpenApiAreServed() {
        given().get("/q/health/live").then().statusCode(200);
        given().accept("application/json").get("/q/openapi").then().statusCode(200).body("openapi", notNullValue());
    }
}
