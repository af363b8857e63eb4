package uz.aqlli.catalog.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uz.aqlli.catalog.api.Registrations.enterprise;
import static uz.aqlli.catalog.api.Registrations.newStir;
import static uz.aqlli.catalog.api.Registrations.post;

/** Keycloak's Admin API unreachable (closed port): a clear 503, and nothing written. */
@QuarkusTest
@TestProfile(OnboardingWithoutKeycloakTest.KeycloakAdminDown.class)
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class OnboardingWithoutKeycloakTest {

    public static class KeycloakAdminDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aqlli.catalog.keycloak-admin-url", "http://127.0.0.1:1/admin/realms/aqlli");
        }
    }

    @Inject
    EntityManager entityManager;

    @Test
    void registrationAnswers503AndLeavesNoRecord() {
        String stir = newStir();
        post(enterprise(stir, "1722")).statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:aqlli:problem:identity-provider-unavailable"))
                .body("status", equalTo(503));
        assertEquals(0, ((Number) entityManager.createNativeQuery("select count(*) from organization where stir = :s")
                .setParameter("s", stir).getSingleResult()).intValue());
        assertEquals(0, ((Number) entityManager.createNativeQuery("select count(*) from outbox_event where payload ->> 'stir' = :s")
                .setParameter("s", stir).getSingleResult()).intValue());
        // Whether Keycloak saw a request cannot be known, so the registration stays, released, for the
        // sweeper to undo (or for a retry of the same registration to finish) once Keycloak answers.
        assertEquals(1, ((Number) entityManager.createNativeQuery(
                        "select count(*) from registration where stir = :s and state = 'STARTED' and lease_until < now()")
                .setParameter("s", stir).getSingleResult()).intValue());
    }
}
