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

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.catalog.api.Registrations.enterprise;
import static uz.aqlli.catalog.api.Registrations.newStir;
import static uz.aqlli.catalog.api.Registrations.post;
import static uz.aqlli.catalog.api.Registrations.with;

/**
 * Keycloak's Admin API unreachable (closed port). A registration is answered before Keycloak is
 * called, so a new address and a taken one are answered alike even now (before the registration
 * worker, the new one was a 503 and the taken one a 202: a way to tell them apart), and the new one
 * waits, stored, for the worker to make it once Keycloak answers.
 */
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
    void aNewAndATakenAddressAreAnsweredAlikeAndTheNewOneWaitsForKeycloak() throws InterruptedException {
        String newStir = newStir();
        String takenStir = newStir();
        String newAddress = "manager-" + newStir + "@korxona.uz";
        String taken = "enterprise1@demo.aqlli.uz"; // a demo organization's manager
        var fresh = post(with(with(enterprise(newStir, "1722"), "organization", "address", "Sanoat ko'chasi, 1-uy"),
                "user", "email", newAddress)).extract();
        var takenAnswer = post(with(with(enterprise(takenStir, "1722"), "organization", "address", "Sanoat ko'chasi, 1-uy"),
                "user", "email", taken)).extract();

        assertEquals(202, fresh.statusCode());
        assertEquals(fresh.statusCode(), takenAnswer.statusCode());
        assertEquals(fresh.asString().replace(newAddress, "ADDRESS").replace(newStir, "STIR"),
                takenAnswer.asString().replace(takenStir, "STIR").replace(taken, "ADDRESS"));

        // Nothing is in the directory yet; the registration waits, with what the worker needs and no password.
        assertEquals(0, count("select count(*) from organization where stir = :s", newStir));
        assertEquals(0, count("select count(*) from outbox_event where payload ->> 'stir' = :s", newStir));
        String tried = "select count(*) from registration where stir = :s and state = 'STARTED' and attempts >= 1 and last_error is not null";
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (count(tried, newStir) == 0 && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertEquals(1, count(tried, newStir), "the worker did not try Keycloak");
        String request = (String) entityManager.createNativeQuery("select request from registration where stir = :s")
                .setParameter("s", newStir).getSingleResult();
        assertTrue(request.contains(newAddress) && request.contains("\"password\":null"), request);
        // After a failed attempt it waits out a back-off before the next.
        assertEquals(1, count("select count(*) from registration where stir = :s and lease_until > now()", newStir));
    }

    private int count(String sql, String stir) {
        return ((Number) entityManager.createNativeQuery(sql).setParameter("s", stir).getSingleResult()).intValue();
    }
}
