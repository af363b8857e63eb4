package uz.aqlli.catalog.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.catalog.Organization;
import uz.aqlli.catalog.OrganizationKind;
import uz.aqlli.catalog.Person;
import uz.aqlli.catalog.identity.KeycloakAccounts;
import uz.aqlli.catalog.service.Onboarding;
import uz.aqlli.platform.testing.MovableClock;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.catalog.api.Registrations.PASSWORD;
import static uz.aqlli.catalog.api.Registrations.newStir;
import static uz.aqlli.catalog.api.Registrations.registerEnterprise;

/**
 * Onboarding and the directory tell time by the service's one clock (platform/runtime's
 * {@code ServerClock}, here {@link MovableClock}): moving it moves what they decide.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ServerTimeTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Inject
    EntityManager entityManager;

    @Inject
    KeycloakAccounts accounts;

    @Inject
    Onboarding onboarding;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.backToRealTime();
    }

    @Test
    void aRegistrationIsAbandonedOnceTheServersClockSaysSo() {
        // Started just now and left half-way: its lease has only just run out.
        String stir = newStir();
        UUID organizationId = UUID.randomUUID();
        String email = "abandoned-" + stir + "@korxona.uz";
        UUID keycloakOrganization = accounts.ensureOrganization(organizationId, "Yarim yo'lda MChJ", stir);
        accounts.ensureUser(organizationId, OrganizationKind.ENTERPRISE, new Person("Yarim", "Yo'l", email, PASSWORD));
        Instant leaseEnded = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into registration (id, stir, fingerprint, organization_id, manager_email, state,
                                                  keycloak_organization_id, lease_until, started_at)
                        values (gen_random_uuid(), :stir, 'x', :organization, :email, 'STARTED', :keycloak, :lease, :lease)""")
                .setParameter("stir", stir).setParameter("organization", organizationId).setParameter("email", email)
                .setParameter("keycloak", keycloakOrganization).setParameter("lease", leaseEnded)
                .executeUpdate());

        onboarding.workDue();
        assertEquals(1, registrations(stir), "a registration within the abandon period was undone");
        assertFalse(accounts.findOrganization(organizationId).isEmpty());

        clock.moveAhead(Duration.ofHours(1));
        onboarding.workDue();
        assertEquals(0, registrations(stir), "an hour later by the server's clock the registration is still there");
        assertTrue(accounts.findOrganization(organizationId).isEmpty(), "the Keycloak organization outlived its registration");
        assertTrue(accounts.findUser(email).isEmpty(), "the Keycloak user outlived its registration");
    }

    @Test
    void aMailedCodeExpiresByTheServersClockAndARepeatedRegistrationMailsANewOne() {
        String stir = newStir();
        String email = "manager-" + stir + "@korxona.uz";
        var body = Registrations.enterprise(stir, "1724");
        Registrations.post(body).statusCode(202);
        String code = Registrations.code(email, 1);

        clock.moveAhead(Duration.ofHours(24).plusMinutes(1));
        Registrations.confirm(code, PASSWORD).statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("code"));
        given().formParam("grant_type", "password").formParam("client_id", "aqlli-web").formParam("username", email)
                .formParam("password", PASSWORD).post(realmUrl + "/protocol/openid-connect/token").then()
                .statusCode(org.hamcrest.Matchers.not(200));

        Registrations.post(body).statusCode(202);
        Registrations.confirm(Registrations.code(email, 2), PASSWORD).statusCode(200);
        Tokens.password(realmUrl, "aqlli-web", email, PASSWORD);
    }

    @Test
    void aTakenAddresssReservationOfItsStirEndsWhenACodeWouldHave() {
        String stir = newStir();
        var taken = Registrations.with(Registrations.enterprise(stir, "1724"), "user", "email", "provider2@demo.aqlli.uz");
        Registrations.post(taken).statusCode(202);
        var other = Registrations.with(Registrations.enterprise(stir, "1724"), "organization", "legalName", "Haqiqiy egasi MChJ");
        Registrations.post(other).statusCode(409); // reserved, as a new address's registration would be
        onboarding.expireReservations();
        assertEquals(1, registrations(stir), "a reservation younger than a code's validity ended");

        clock.moveAhead(Duration.ofHours(24).plusMinutes(1));
        onboarding.expireReservations();
        assertEquals(0, registrations(stir));
        // The STIR is free again: its organization registers with its own manager's address.
        String email = "manager-" + stir + "@korxona.uz";
        Registrations.post(other).statusCode(202);
        Registrations.confirm(Registrations.code(email, 1), PASSWORD).statusCode(200);
    }

    @Test
    void theAdministrationsDecisionIsStampedWithTheServersTime() {
        String id = registerEnterprise(newStir(), "1703");
        clock.moveAhead(Duration.ofDays(1));
        Instant before = clock.instant();
        given().auth().oauth2(Tokens.demoUser(realmUrl, "admin1")).contentType(ContentType.JSON)
                .body(Map.of("decision", "VERIFY")).post("/api/catalog/organizations/" + id + "/decisions")
                .then().statusCode(200);
        Instant decidedAt = QuarkusTransaction.requiringNew().call(() -> entityManager
                .find(Organization.class, UUID.fromString(id)).statusChangedAt());
        assertFalse(decidedAt.isBefore(before), "decided at " + decidedAt + ", before the server's " + before);
        assertTrue(decidedAt.isBefore(clock.instant().plusSeconds(1)), decidedAt.toString());
    }

    private long registrations(String stir) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select count(*) from registration where stir = :stir")
                .setParameter("stir", stir).getSingleResult())).longValue();
    }
}
