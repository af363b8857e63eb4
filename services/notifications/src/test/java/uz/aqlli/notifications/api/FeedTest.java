package uz.aqlli.notifications.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.events.QuestionAnswered;
import uz.aqlli.platform.events.RequestPublished;
import uz.aqlli.platform.testing.PlatformEvents;
import uz.aqlli.platform.testing.PlatformTestResource;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uz.aqlli.notifications.api.People.eventually;
import static uz.aqlli.notifications.api.People.kafka;

/** The feed's routes are the caller's own; the live stream resumes after a disconnect with exactly what it missed. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class FeedTest {

    static final String FEED = "/api/notifications/feed";
    static People.Member buyer;
    static People.Member provider;
    static People.Member otherProvider;

    @jakarta.inject.Inject
    uz.aqlli.platform.testing.MovableClock clock;

    /** Once per class, when the application (and so RestAssured's port) is up; not in @BeforeAll, which runs before. */
    @BeforeEach
    void market() {
        if (buyer != null) {
            return;
        }
        buyer = People.organization("ENTERPRISE", "1703", List.of("TEXTILES"));
        provider = People.organization("PROVIDER", "1703", List.of("CRM"));
        otherProvider = People.organization("PROVIDER", "1703", List.of("CRM"));
    }

    @Test
    void oneUserNeitherReadsNorMarksAnothersNotification() {
        String id = given().auth().oauth2(provider.token()).get(FEED).then().statusCode(200).extract().path("items[0].id");
        given().auth().oauth2(otherProvider.token()).get(FEED + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(otherProvider.token()).post(FEED + "/" + id + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(provider.token()).get(FEED + "/" + id).then().statusCode(200).body("read", equalTo(false));
        // Marking all one's own leaves another's unread.
        given().auth().oauth2(otherProvider.token()).post(FEED + "/read").then().statusCode(200).body("unread", equalTo(0));
        given().auth().oauth2(provider.token()).get(FEED + "/" + id).then().statusCode(200).body("read", equalTo(false));
        long unread = People.unread(provider.token());
        long after = given().auth().oauth2(provider.token()).post(FEED + "/" + id + "/read").then().statusCode(200)
                .extract().jsonPath().getLong("unread");
        assertTrue(after < unread || unread == 0, "marking one read lowers the count: " + unread + " -> " + after);
        given().auth().oauth2(provider.token()).get(FEED + "/" + id).then().statusCode(200).body("read", equalTo(true));

        for (String path : List.of(FEED, FEED + "/unread-count", FEED + "/" + id, "/api/notifications/stream")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
        given().post(FEED + "/" + id + "/read").then().statusCode(401).contentType("application/problem+json");
        given().post(FEED + "/read").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(provider.token()).get(FEED + "/not-an-id").then().statusCode(404);
    }

    @Test
    void badPagesAreProblemsNamingTheField() {
        given().auth().oauth2(provider.token()).queryParam("size", 0).get(FEED).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().auth().oauth2(provider.token()).queryParam("page", -1).get(FEED).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        given().auth().oauth2(provider.token()).queryParam("page", 5000).queryParam("size", 100).get(FEED).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("page"));
    }

    @Test
    void theStreamResumesAfterADisconnectWithExactlyTheMissedNotifications() throws Exception {
        UUID request = UUID.randomUUID();
        Stream live = Stream.open(provider.token(), null);
        PlatformEvents.publish(kafka(), new RequestPublished(request, buyer.organizationId(), "CRM", Map.of("uz-Latn", "CRM tizimi"),
                List.of("1703"), null, Instant.now().plus(Duration.ofDays(7)), "LOWEST_PRICE", 100, 0, Instant.now()));
        Event first = live.next();
        assertNotNull(first, "the new request, live");
        assertTrue(first.data.contains("REQUEST_PUBLISHED") && first.data.contains(request.toString()), first.data);
        live.close();

        // While disconnected, two more.
        for (int i = 0; i < 2; i++) {
            PlatformEvents.publish(kafka(), new QuestionAnswered(request, UUID.randomUUID(), "Savol " + i, "Javob", Instant.now()));
        }
        eventually(() -> given().auth().oauth2(provider.token()).get(FEED).then().extract().jsonPath()
                .getList("items.findAll { it.kind == 'QUESTION_ANSWERED' && it.subjectId == '" + request + "' }").size() == 2,
                "both answers in the feed");

        Stream resumed = Stream.open(provider.token(), first.id);
        List<Event> missed = new ArrayList<>();
        missed.add(resumed.next());
        missed.add(resumed.next());
        assertNull(resumed.next(Duration.ofSeconds(2)), "nothing else, and the first not again");
        resumed.close();
        long firstSequence = Long.parseLong(first.id);
        assertTrue(Long.parseLong(missed.get(0).id) > firstSequence && Long.parseLong(missed.get(1).id) > Long.parseLong(missed.get(0).id));
        assertTrue(missed.stream().allMatch(e -> e.data.contains("QUESTION_ANSWERED")), missed.toString());
        List<Long> feed = given().auth().oauth2(provider.token()).get(FEED).then().extract().jsonPath().getList("items.sequence", Long.class);
        assertEquals(List.of(Long.parseLong(missed.get(1).id), Long.parseLong(missed.get(0).id), firstSequence), feed.subList(0, 3),
                "the stream's ids are the feed's sequences");
        // Another user resuming from before these ids gets their own notifications only.
        Stream others = Stream.open(otherProvider.token(), "0");
        List<Long> theirs = new ArrayList<>();
        for (Event event; (event = others.next(Duration.ofSeconds(2))) != null; ) {
            theirs.add(Long.parseLong(event.id));
        }
        others.close();
        List<Long> ownFeed = given().auth().oauth2(otherProvider.token()).get(FEED + "?size=100").then().extract().jsonPath()
                .getList("items.sequence", Long.class);
        assertTrue(!theirs.isEmpty() && ownFeed.containsAll(theirs), theirs + " not all in " + ownFeed);
        assertTrue(theirs.stream().noneMatch(feed::contains), "another user's notification on a stream");
    }

    @Test
    void theStreamEndsWhenItsTokenExpires() throws Exception {
        Stream live = Stream.open(provider.token(), null);
        assertFalse(live.ended(Duration.ofSeconds(2)), "open while the token is valid");
        try {
            clock.passBeyond(Instant.ofEpochSecond(Long.parseLong(People.claimNumber(provider.token(), "exp"))));
            assertTrue(live.ended(Duration.ofSeconds(5)), "the stream outlived its token");
        } finally {
            clock.backToRealTime();
            live.close();
        }
    }

    record Event(String id, String data) {
    }

    /** A Server-Sent Events client reading on its own thread, as a browser's EventSource does. */
    static final class Stream {

        private final BlockingQueue<Event> events = new ArrayBlockingQueue<>(100);
        private final InputStream body;
        private final Thread reader;
        private final java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);

        private Stream(InputStream body) {
            this.body = body;
            this.reader = new Thread(this::read, "sse-test");
            reader.setDaemon(true);
            reader.start();
        }

        static Stream open(String token, String lastEventId) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/notifications/stream"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
            return new Stream(response.body());
        }

        private void read() {
            try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String id = null;
                StringBuilder data = new StringBuilder();
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    } else if (line.isEmpty() && id != null) {
                        events.add(new Event(id, data.toString()));
                        id = null;
                        data.setLength(0);
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
            end.countDown();
        }

        /** Whether the server ended the stream within {@code wait}. */
        boolean ended(Duration wait) throws InterruptedException {
            return end.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        Event next() throws InterruptedException {
            return next(Duration.ofSeconds(30));
        }

        Event next(Duration wait) throws InterruptedException {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        void close() throws Exception {
            body.close();
            reader.interrupt();
        }
    }
}
