package uz.aqlli.orders;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.runtime.idempotency.IdempotencyPurge;
import uz.aqlli.platform.testing.MovableClock;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * platform/runtime's {@code IdempotentRequests} in a real service ({@link IdempotencyProbe}):
 * real tokens, the real REST layer and PostgreSQL, the work and the stored answer in one
 * transaction.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "orders"))
class IdempotencyTest {

    static final String PROBE = "/api/orders/test/idempotency";
    static final String BODY = "{\"title\": \"Atlas mato\", \"details\": {\"region\": \"1706\", \"address\": {\"city\": \"Buxoro\", \"street\": \"Mustaqillik 5\"}}, \"tags\": [\"a\", \"b\"]}";
    /** {@link #BODY} with its keys in another order and other whitespace: the same request. */
    static final String SAME_BODY = "{\n  \"tags\" : [ \"a\", \"b\" ],\n  \"details\" : { \"address\" : { \"street\" : \"Mustaqillik 5\", \"city\" : \"Buxoro\" }, \"region\" : \"1706\" },\n  \"title\" : \"Atlas mato\"\n}";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Inject
    EntityManager entityManager;

    @Inject
    MovableClock clock;

    @Inject
    IdempotencyPurge purge;

    @BeforeEach
    void probeTable() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                create table if not exists idempotency_probe_effect (id uuid primary key, idempotency_key text not null)""")
                .executeUpdate());
    }

    @AfterEach
    void realTime() {
        clock.backToRealTime();
        IdempotencyProbe.release.countDown();
    }

    @Test
    void theSameKeyTwiceAnswersTheFirstAnswerAndTheWorkRunsOnce() {
        String buyer = Tokens.demoUser(realmUrl, "enterprise1");
        String key = newKey();
        ExtractableResponse<Response> first = post(buyer, key, BODY).then().statusCode(201).extract();
        assertNull(first.header("Idempotent-Replayed"));
        assertThatLocationNames(first);
        ExtractableResponse<Response> again = post(buyer, key, SAME_BODY).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();
        assertArrayEquals(first.asByteArray(), again.asByteArray());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals("\"1\"", again.header("ETag"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(first.contentType(), again.contentType());
        assertTrue(first.contentType().startsWith("application/json"), first.contentType());
        assertEquals(1, effects(key));
        assertEquals(1, storedAnswers(key));
        assertTrue(replays() >= 1, "replays are counted");
    }

    @Test
    void withoutAKeyEveryRequestRuns() {
        String buyer = Tokens.demoUser(realmUrl, "enterprise1");
        String first = given().auth().oauth2(buyer).contentType(ContentType.JSON).body(BODY).post(PROBE).then()
                .statusCode(201).extract().path("id");
        String second = given().auth().oauth2(buyer).contentType(ContentType.JSON).body(BODY).post(PROBE).then()
                .statusCode(201).extract().path("id");
        assertNotEquals(first, second);
    }

    @Test
    void theKeyWithAnotherBodyOrOnAnotherRouteIs422() {
        String buyer = Tokens.demoUser(realmUrl, "enterprise1");
        String key = newKey();
        post(buyer, key, BODY).then().statusCode(201);
        refusedAsReused(post(buyer, key, BODY.replace("Atlas mato", "Atlas  mato")));
        refusedAsReused(post(buyer, key, BODY.replace("\"1706\"", "1706")));
        refusedAsReused(post(buyer, key, "{}"))
                .body("detail", equalTo("This Idempotency-Key was already used for POST /test/idempotency with a different body; send a new key for a new request"));
        refusedAsReused(given().auth().oauth2(buyer).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(BODY).post(PROBE + "/other"))
                .body("detail", startsWith("This Idempotency-Key was already used for POST /test/idempotency;"));
        assertEquals(1, effects(key));
        // Still the first answer for the first request.
        post(buyer, key, BODY).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void whileTheFirstRequestRunsTheSecondIs409AndAfterItTheFirstAnswer() throws Exception {
        String buyer = Tokens.demoUser(realmUrl, "enterprise1");
        String key = newKey();
        IdempotencyProbe.entered = new CountDownLatch(1);
        IdempotencyProbe.release = new CountDownLatch(1);
        CompletableFuture<ExtractableResponse<Response>> held = CompletableFuture.supplyAsync(() ->
                given().auth().oauth2(buyer).header("Idempotency-Key", key).queryParam("hold", true)
                        .contentType(ContentType.JSON).body(BODY).post(PROBE).then().extract());
        assertTrue(IdempotencyProbe.entered.await(30, TimeUnit.SECONDS), "the first request's work never started");

        post(buyer, key, BODY).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:aqlli:problem:idempotency-key-in-use"));
        // The lock comes before the comparison: a different body is told the same while the first runs.
        post(buyer, key, "{}").then().statusCode(409).body("type", equalTo("urn:aqlli:problem:idempotency-key-in-use"));

        IdempotencyProbe.release.countDown();
        ExtractableResponse<Response> first = held.get(30, TimeUnit.SECONDS);
        assertEquals(201, first.statusCode());
        ExtractableResponse<Response> after = post(buyer, key, BODY).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();
        assertArrayEquals(first.asByteArray(), after.asByteArray());
        assertEquals(1, effects(key));
    }

    @Test
    void anotherUsersSameKeyIsAnotherKey() {
        String key = newKey();
        String firstId = post(Tokens.demoUser(realmUrl, "enterprise1"), key, BODY).then().statusCode(201).extract().path("id");
        ExtractableResponse<Response> other = post(Tokens.demoUser(realmUrl, "provider1"), key, BODY).then().statusCode(201).extract();
        assertNull(other.header("Idempotent-Replayed"));
        assertNotEquals(firstId, other.path("id"));
        assertEquals(2, effects(key));
        // And another body is not "reused" across users either.
        post(Tokens.demoUser(realmUrl, "provider2"), key, "{}").then().statusCode(201);
    }

    @Test
    void aKeyThatIsNotOneTo255PrintableAsciiCharactersIs400NamingTheHeader() throws IOException {
        String buyer = Tokens.demoUser(realmUrl, "enterprise1");
        // The REST layer hands a route an empty header as none at all (seen: @HeaderParam is null), so
        // the runtime looks at the request itself.
        long unkeyed = effects("(no key)");
        String emptyKey = rawPost(buyer, "POST " + PROBE, BODY);
        assertTrue(emptyKey.startsWith("HTTP/1.1 400") && emptyKey.contains("\"field\":\"Idempotency-Key\""), emptyKey);
        assertEquals(unkeyed, effects("(no key)"), "a request with an empty key did not run as one without a key");
        assertEquals(0, effects(""));
        for (String bad : new String[]{"two words", "k".repeat(256)}) {
            post(buyer, bad, BODY).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("Idempotency-Key"))
                    .body("detail", startsWith("Idempotency-Key: must be 1 to 255 printable ASCII characters"));
            assertEquals(0, effects(bad));
        }
        String longest = "k".repeat(240) + UUID.randomUUID().toString().substring(0, 15);
        post(buyer, longest, BODY).then().statusCode(201);
        post(buyer, longest, BODY).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void aFailedRequestStoresNothingAndItsRetryRuns() {
        String buyer = Tokens.demoUser(realmUrl, "enterprise1");
        String key = newKey();
        given().auth().oauth2(buyer).header("Idempotency-Key", key).queryParam("refuse", true)
                .contentType(ContentType.JSON).body(BODY).post(PROBE).then()
                .statusCode(409).body("type", equalTo("urn:aqlli:problem:probe-refused"));
        assertEquals(0, effects(key), "the failed work was rolled back");
        assertEquals(0, storedAnswers(key), "a failure is not an answer to replay");
        ExtractableResponse<Response> retry = post(buyer, key, BODY).then().statusCode(201).extract();
        assertNull(retry.header("Idempotent-Replayed"));
        assertEquals(1, effects(key));
    }

    @Test
    void aKeyIsKeptForTheRetentionAndIsANewKeyAfterIt() {
        String buyer = Tokens.demoUser(realmUrl, "enterprise1");
        String key = newKey();
        String firstId = post(buyer, key, BODY).then().statusCode(201).extract().path("id");

        clock.moveAhead(Duration.ofHours(23).plusMinutes(59));
        post(buyer, key, BODY).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(firstId));
        post(buyer, key, "{}").then().statusCode(422);

        clock.moveAhead(Duration.ofMinutes(2));
        ExtractableResponse<Response> anew = post(buyer, key, "{\"title\": \"another\"}").then().statusCode(201).extract();
        assertNull(anew.header("Idempotent-Replayed"));
        assertNotEquals(firstId, anew.path("id"));
        post(buyer, key, "{\"title\": \"another\"}").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(anew.path("id")));
        assertEquals(2, effects(key));
        assertEquals(1, storedAnswers(key));
    }

    @Test
    void thePurgeDeletesKeysPastTheRetentionOnly() {
        String buyer = Tokens.demoUser(realmUrl, "enterprise1");
        String old = newKey();
        String kept = newKey();
        post(buyer, old, BODY).then().statusCode(201);
        clock.moveAhead(Duration.ofHours(25));
        post(buyer, kept, BODY).then().statusCode(201);

        assertTrue(purge.purge() >= 1);
        assertEquals(0, storedAnswers(old));
        assertEquals(1, storedAnswers(kept));
    }

    /**
     * A request with the header present and empty, written by hand: whatever a client library does
     * with an empty header, this sends {@code Idempotency-Key:} with nothing after it. Returns the
     * whole answer.
     */
    private static String rawPost(String token, String requestLine, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length
                    + "\r\nIdempotency-Key:\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static Response post(String token, String key, String body) {
        RequestSpecification request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        return request.header("Idempotency-Key", key).post(PROBE);
    }

    private static ValidatableResponse refusedAsReused(Response response) {
        return response.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:aqlli:problem:idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    private static void assertThatLocationNames(ExtractableResponse<Response> created) {
        assertTrue(created.header("Location").endsWith("/api/orders/test/idempotency/" + created.path("id")), created.header("Location"));
    }

    private static double replays() {
        return given().get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("aqlli_idempotency_repeats_total{") && line.contains("outcome=\"replayed\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private long effects(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from idempotency_probe_effect where idempotency_key = :key")
                .setParameter("key", key).getSingleResult()).longValue());
    }

    private long storedAnswers(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from idempotency_key where idempotency_key = :key")
                .setParameter("key", key).getSingleResult()).longValue());
    }
}
