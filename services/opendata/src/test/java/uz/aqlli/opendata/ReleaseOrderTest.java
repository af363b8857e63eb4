package uz.aqlli.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import uz.aqlli.opendata.repository.ProcessRepository;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two writers publishing at once, the first committing last, while a harvester pages the release list
 * and keeps its cursor: the harvester must still get every release. With publication numbers drawn
 * freely, the second writer's numbers (drawn later, committed first) would be paged past before the
 * first writer's lower number became visible, and that release would never be listed to this harvester.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "opendata"))
class ReleaseOrderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ProcessRepository processes;

    @Inject
    EntityManager entityManager;

    @Test
    void aReleaseCommittedAfterALaterOneIsNotPagedPast() throws Exception {
        long start = QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select coalesce(max(sequence_no), 0) from ocds_release").getSingleResult()).longValue());
        String first = UUID.randomUUID().toString();
        String secondA = UUID.randomUUID().toString();
        String secondB = UUID.randomUUID().toString();
        CountDownLatch firstStored = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);

        // Threads of their own: the common pool may have one thread only, which the first writer holds.
        ExecutorService writers = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> firstWriter = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            publish(first);
            firstStored.countDown();
            try {
                assertTrue(firstMayCommit.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }), writers);
        List<String> harvested = new ArrayList<>();
        long cursor;
        try {
            assertTrue(firstStored.await(30, TimeUnit.SECONDS), "the first writer did not store its release");
            CompletableFuture<Void> secondWriter = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                publish(secondA);
                publish(secondB);
            }), writers);
            // The second writer has committed, or waits for the first: either way it has done all it can before the first commits.
            Instant until = Instant.now().plus(Duration.ofSeconds(20));
            while (!secondWriter.isDone() && waitingForTheOrderLock() == 0) {
                assertTrue(Instant.now().isBefore(until), "the second writer neither committed nor waited");
                Thread.sleep(50);
            }

            // A harvester pages now, one release a page, following links.next, and keeps the last cursor it was given.
            cursor = harvest(start, harvested);
            firstMayCommit.countDown();
            firstWriter.get(60, TimeUnit.SECONDS);
            secondWriter.get(60, TimeUnit.SECONDS);
        } finally {
            // Never leave the first writer holding the order lock for the tests after this one.
            firstMayCommit.countDown();
            writers.shutdown();
        }
        // And again later, from where it stopped.
        harvest(cursor, harvested);

        for (String release : List.of(first, secondA, secondB)) {
            assertTrue(harvested.contains(release), "release " + release + " was never listed to the harvester: " + harvested);
        }
        List<String> ours = harvested.stream().filter(List.of(first, secondA, secondB)::contains).distinct().toList();
        assertEquals(List.of(first, secondA, secondB), ours, "listed in the order they became visible");
    }

    /** Walks the list from {@code cursor} to its end; the cursor of the last page it was sent to. */
    private static long harvest(long cursor, List<String> harvested) {
        String next = "/api/open-data/releases?limit=1&cursor=" + cursor;
        while (next != null) {
            var response = given().get(next);
            if (response.statusCode() == 204) {
                break; // nothing after this cursor yet
            }
            JsonNode page = response.then().statusCode(200).extract().as(JsonNode.class);
            OcdsSchemas.releasePackage(page);
            page.get("releases").forEach(release -> harvested.add(release.get("id").asText()));
            if (page.at("/links/next").isMissingNode()) {
                next = null;
            } else {
                next = page.at("/links/next").asText();
                cursor = Long.parseLong(next.replaceAll(".*[?&]cursor=(\\d+).*", "$1"));
            }
        }
        return cursor;
    }

    private void publish(String releaseId) {
        UUID request = UUID.randomUUID();
        String ocid = "ocds-xxxxxx-aq-" + request;
        processes.lock(ocid, request);
        ObjectNode release = JSON.createObjectNode().put("ocid", ocid).put("id", releaseId).put("date", Instant.now().toString())
                .put("initiationType", "tender");
        release.putArray("tag").add("planning");
        assertTrue(processes.publish(ocid, release));
    }

    private long waitingForTheOrderLock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from pg_locks where locktype = 'advisory' and not granted"
                        + " and database = (select oid from pg_database where datname = current_database())").getSingleResult()).longValue());
    }
}
