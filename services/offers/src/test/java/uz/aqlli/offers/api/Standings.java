package uz.aqlli.offers.api;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import uz.aqlli.platform.runtime.standing.OrganizationStandings;
import uz.aqlli.platform.runtime.standing.Standing;
import uz.aqlli.platform.testing.DirectoryEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;

/** Tells the offers service what the directory says of an organization, and waits until it has heard. */
final class Standings {

    private Standings() {
    }

    static void announce(String kafka, String organizationId, String kind, String region, String type, String status, Instant asOf) {
        DirectoryEvents.announce(kafka, organizationId, kind, region, type, status, asOf);
        await(organizationId, status);
    }

    static void verified(String kafka, String organizationId, String kind, String region) {
        announce(kafka, organizationId, kind, region, "Verified", "VERIFIED", Instant.now());
    }

    static void await(String organizationId, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!status.equals(of(organizationId))) {
            if (System.nanoTime() > deadline) {
                fail("standing of " + organizationId + " is " + of(organizationId) + ", not " + status);
            }
            sleep(100);
        }
    }

    static String of(String organizationId) {
        OrganizationStandings standings = Arc.container().instance(OrganizationStandings.class).get();
        return QuarkusTransaction.requiringNew().call(() ->
                standings.of(UUID.fromString(organizationId)).map(Standing::status).orElse(null));
    }

    /** Waits until the offers service has handled the event (its id is in the inbox). */
    static void awaitHandled(String eventId) {
        EntityManager entityManager = Arc.container().instance(EntityManager.class).get();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select count(*) from inbox_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).toString().equals("0")) {
            if (System.nanoTime() > deadline) {
                fail("event " + eventId + " was never handled");
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
