package uz.aqlli.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import uz.aqlli.platform.testing.PlatformTestResource;
import uz.aqlli.platform.testing.Tokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The gateway with real Keycloak tokens: what it decides by itself. Catalog, offers and datalake
 * are down (their ports are closed); orders is a real peer on loopback ({@link UpstreamPeer}) that
 * shows what the gateway sent it, or never answers. Routing to live services is covered end to
 * end (deploy/e2e).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(UpstreamPeer.class)
class GatewayTest {

    private static final Pattern GENERATED_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

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
    void contractsAndPublishedRatingsArePublicToReadOnlyAndOrdersStayPrivate() {
        // orders is the echoing peer here: 200 means the gateway let the request through.
        for (String path : List.of("/api/orders/contracts", "/api/orders/contracts/a1b2c3d4-0000-4000-8000-0000000000cc",
                "/api/orders/ratings", "/api/orders/ratings/contracts/a1b2c3d4-0000-4000-8000-0000000000cc")) {
            given().get(path).then().statusCode(200).body("uri", equalTo(path));
        }
        given().get("/api/orders/orders/a1b2c3d4-0000-4000-8000-0000000000cc").then().statusCode(401);
        given().get("/api/orders/purchasing-policy").then().statusCode(401);
        given().contentType("application/json").body("{}")
                .post("/api/orders/contracts/a1b2c3d4-0000-4000-8000-0000000000cc/signature").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/json").body("{}")
                .post("/api/orders/ratings/contracts/a1b2c3d4-0000-4000-8000-0000000000cc").then().statusCode(401);
        given().auth().oauth2(Tokens.demoUser(realmUrl, "provider1")).contentType("application/json").body("{}")
                .post("/api/orders/contracts/a1b2c3d4-0000-4000-8000-0000000000cc/signature").then().statusCode(200);
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
    void redFlagsAreTheAdministrationsAndOpenDataIsPublicToReadOnly() {
        given().get("/api/integrity/red-flags").then().statusCode(401);
        given().auth().oauth2(Tokens.demoUser(realmUrl, "enterprise1")).get("/api/integrity/red-flags")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.demoUser(realmUrl, "admin1")).get("/api/integrity/red-flags")
                .then().statusCode(502).body("detail", containsString("integrity"));
        // Open data needs no login to read, and nobody writes it through the API.
        given().get("/api/open-data").then().statusCode(502).body("detail", containsString("opendata"));
        given().get("/api/open-data/releases").then().statusCode(502);
        given().contentType("application/json").body("{}").post("/api/open-data/releases").then().statusCode(401);
        given().get("/api/notifications/feed").then().statusCode(401);
    }

    @Test
    void theLakesCheckpointsAndPublicKeyArePublicAndTheRestOfAnalyticsIsNot() {
        given().get("/api/analytics/transparency/checkpoints").then().statusCode(502).body("detail", containsString("datalake"));
        given().get("/api/analytics/transparency/public-key").then().statusCode(502);
        given().post("/api/analytics/transparency/checkpoints").then().statusCode(401);
        given().post("/api/analytics/transparency/verifications").then().statusCode(401);
        given().get("/api/analytics/transparency/verifications").then().statusCode(401);
        given().get("/api/analytics/transparency/checkpoints/1").then().statusCode(401);
        given().auth().oauth2(Tokens.demoUser(realmUrl, "enterprise1")).post("/api/analytics/transparency/checkpoints")
                .then().statusCode(403);
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
                .contentType("application/problem+json")
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("urn:aqlli:problem:service-unreachable"))
                .body("detail", containsString("datalake"));
    }

    @Test
    void theServiceGetsTheGatewaysHostAndForwardedHeadersNotTheClients() {
        JsonObject received = received(given().auth().oauth2(Tokens.demoUser(realmUrl, "admin1"))
                .header("Host", "evil.example")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Port", "6666")
                .header("X-Forwarded-Prefix", "/evil")
                .header("X-Forwarded-Proto", "gopher")
                .header("X-Forwarded-Ssl", "on")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("Forwarded", "for=203.0.113.9;host=evil.example;proto=gopher")
                .get("/api/orders/orders?page=0"));
        JsonObject headers = received.getJsonObject("headers");
        assertThat(received.getString("uri"), equalTo("/api/orders/orders?page=0"));
        assertThat(headers.getString("host"), equalTo("market.aqlli.test"));
        assertThat(headers.getString("x-forwarded-host"), equalTo("market.aqlli.test"));
        // The configured public scheme (the test connection itself is plain http).
        assertThat(headers.getString("x-forwarded-proto"), equalTo("https"));
        assertThat(headers.getString("x-forwarded-for"), equalTo("127.0.0.1"));
        assertThat(headers.getString("x-forwarded-port"), nullValue());
        assertThat(headers.getString("x-forwarded-prefix"), nullValue());
        assertThat(headers.getString("x-forwarded-ssl"), nullValue());
        assertThat(headers.getString("forwarded"), nullValue());
        assertThat(headers.encode(), not(containsString("evil")));
        assertThat(headers.encode(), not(containsString("gopher")));
        assertThat(headers.encode(), not(containsString("203.0.113.9")));
    }

    @Test
    void aHostTheGatewayAnswersForIsPassedOn() {
        JsonObject headers = received(given().auth().oauth2(Tokens.demoUser(realmUrl, "admin1"))
                .header("Host", "mirror.aqlli.test:8443")
                .get("/api/orders/orders")).getJsonObject("headers");
        assertThat(headers.getString("host"), equalTo("mirror.aqlli.test:8443"));
        assertThat(headers.getString("x-forwarded-host"), equalTo("mirror.aqlli.test:8443"));
    }

    @Test
    void aShortSafeRequestIdIsKept() throws IOException {
        RawAnswer answer = rawGet("/api/orders/orders", "X-Request-Id: order-flow_42.A");
        assertThat(answer.status, equalTo(200));
        assertThat(answer.header("X-Request-Id"), equalTo("order-flow_42.A"));
        assertThat(answer.json().getJsonObject("headers").getString("x-request-id"), equalTo("order-flow_42.A"));
    }

    @Test
    void anUnsafeRequestIdIsReplacedByAGeneratedOne() throws IOException {
        List<String> unsafe = List.of(
                "X-Request-Id: " + "a".repeat(65),
                "X-Request-Id: two words",
                "X-Request-Id: abc\r\n Set-Cookie: session=stolen",
                "X-Request-Id: заказ-1",
                "X-Request-Id: <script>");
        for (String header : unsafe) {
            RawAnswer answer = rawGet("/api/orders/orders", header);
            assertThat(header, answer.status, equalTo(200));
            String generated = answer.header("X-Request-Id");
            assertThat(header, generated, matchesPattern(GENERATED_ID));
            // The service got the same, generated id, and only it.
            assertThat(header, answer.json().getJsonObject("headers").getString("x-request-id"), equalTo(generated));
            assertThat(header, answer.head, not(containsString("stolen")));
        }
        // A bare CR inside a value does not even get past the HTTP codec.
        RawAnswer answer = rawGet("/api/orders/orders", "X-Request-Id: abc\rSet-Cookie: session=stolen");
        assertThat(answer.status, equalTo(400));
        assertThat(answer.head, not(containsString("stolen")));
    }

    @Test
    void theGatewaysOwnProblemsCarryTheCheckedRequestId() {
        Response response = given().header("X-Request-Id", "not a token").get("/api/orders/orders");
        response.then().statusCode(401).contentType("application/problem+json")
                .body("requestId", matchesPattern(GENERATED_ID))
                .body("requestId", equalTo(response.header("X-Request-Id")));
    }

    @Test
    void aServiceThatNeverAnswersIsA504ProblemWithinTheTimeout() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + UpstreamPeer.SILENT_PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + Tokens.demoUser(realmUrl, "admin1")).build();
        long started = System.nanoTime();
        HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(answer.statusCode(), equalTo(504));
        assertThat(answer.headers().firstValue("Content-Type").orElse(""), equalTo("application/problem+json"));
        JsonObject problem = new JsonObject(answer.body());
        assertThat(problem.getString("type"), equalTo("urn:aqlli:problem:service-timeout"));
        assertThat(problem.getInteger("status"), equalTo(504));
        assertThat(problem.getString("detail"), equalTo("The orders service did not answer within 1 s"));
        assertThat(problem.getString("instance"), equalTo(UpstreamPeer.SILENT_PATH));
        assertThat(problem.getString("requestId"), equalTo(answer.headers().firstValue("X-Request-Id").orElseThrow()));
        // The configured 1 s (test configuration), not the default 30 s.
        assertThat(tookMillis, greaterThanOrEqualTo(900L));
        assertThat(tookMillis, lessThan(5_000L));
    }

    @Test
    void requestsBeyondAServicesQueueAreA503ProblemAtOnce() {
        // One connection to orders and one request waiting for it (test configuration): of three
        // requests to a service that hangs, one finds the queue full.
        String token = Tokens.demoUser(realmUrl, "admin1");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + UpstreamPeer.SILENT_PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).build();
        List<CompletableFuture<HttpResponse<String>>> answers = List.of(
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString()),
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString()),
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
        assertThat(statuses, hasItem(503));
        HttpResponse<String> busy = answers.stream().map(CompletableFuture::join).filter(a -> a.statusCode() == 503).findFirst().orElseThrow();
        assertThat(busy.headers().firstValue("Content-Type").orElse(""), equalTo("application/problem+json"));
        assertThat(new JsonObject(busy.body()).getString("type"), equalTo("urn:aqlli:problem:service-busy"));
        assertThat(statuses.stream().filter(status -> status != 503).toList(), everyItem(equalTo(504)));
    }

    @Test
    void openNotificationStreamsDoNotTakeTheApisConnections() throws Exception {
        // One API connection to the service and two streams (test configuration): N + 1 streams open, the API still answers.
        String token = Tokens.demoUser(realmUrl, "admin1");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest stream = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + UpstreamPeer.STREAM_PATH))
                .timeout(Duration.ofSeconds(10)).header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build();
        HttpRequest feed = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/notifications/feed"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).build();
        List<HttpResponse<InputStream>> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                HttpResponse<InputStream> live = client.send(stream, HttpResponse.BodyHandlers.ofInputStream());
                assertThat(live.statusCode(), equalTo(200));
                open.add(live);
                assertThat(new String(live.body().readNBytes(": open".length()), StandardCharsets.UTF_8), equalTo(": open"));
            }
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> answer = client.send(feed, HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode(), equalTo(200));
                assertThat(new JsonObject(answer.body()).getString("uri"), equalTo("/api/notifications/feed"));
            }
            // Streams are bounded too, on their own: one more is refused at once, and the API goes on.
            HttpResponse<String> refused = client.send(stream, HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode(), equalTo(503));
            assertThat(new JsonObject(refused.body()).getString("type"), equalTo("urn:aqlli:problem:service-busy"));
            assertThat(client.send(feed, HttpResponse.BodyHandlers.ofString()).statusCode(), equalTo(200));
        } finally {
            for (HttpResponse<InputStream> live : open) {
                live.body().close();
            }
        }
    }

    @Test
    void aClientAskingForHttp2IsAnsweredInHttp11() throws Exception {
        // java.net.http asks for an h2c upgrade first; the proxy cannot relay HTTP/2 to the services.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/orders/orders"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + Tokens.demoUser(realmUrl, "admin1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode(), equalTo(200));
        assertThat(answer.version(), equalTo(HttpClient.Version.HTTP_1_1));
    }

    @Test
    void aTooLongQueryIsA414ProblemNamingTheQuery() {
        given().queryParam("q", "x".repeat(100_000)).get("/api/catalog/products")
                .then().statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:aqlli:problem:uri-too-long"))
                .body("status", equalTo(414))
                .body("errors[0].field", equalTo("query"))
                .body("detail", containsString("query"))
                .body("instance", equalTo("/api/catalog/products"))
                .body("requestId", matchesPattern(GENERATED_ID));
        // Before the token check: without a token, still the 414.
        given().queryParam("q", "x".repeat(100_000)).get("/api/orders/orders")
                .then().statusCode(414).contentType("application/problem+json");
        given().get("/api/catalog/" + "p".repeat(5_000))
                .then().statusCode(414).contentType("application/problem+json")
                .body("errors[0].field", equalTo("path"));
        // Below the limit the request goes on (to a catalog that is down here).
        given().queryParam("q", "x".repeat(3_000)).get("/api/catalog/products").then().statusCode(502);
    }

    private static JsonObject received(Response response) {
        response.then().statusCode(200);
        return new JsonObject(response.asString());
    }

    /**
     * A request written byte for byte, for header values an HTTP client library would refuse to
     * send (line breaks, non-ASCII), as an attacker's own client would.
     */
    private RawAnswer rawGet(String path, String header) throws IOException {
        String token = Tokens.demoUser(realmUrl, "admin1");
        String head = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n"
                + header + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String answer = all.toString(StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            return new RawAnswer(answer.substring(0, end), answer.substring(end + 4));
        }
    }

    private record RawAnswer(String head, String body, int status) {

        RawAnswer(String head, String body) {
            this(head, body, Integer.parseInt(head.substring(9, 12)));
        }

        String header(String name) {
            return head.lines().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }

        JsonObject json() {
            return new JsonObject(body);
        }
    }

    @Test
    void everyPathOutsideApiAndQIsTheConsolesWithoutAToken() {
        // The echoing peer stands in for the console: each of these reached it, unchanged, with no token.
        for (String uri : List.of("/", "/products?q=paxta", "/sign-in", "/language?to=ru&back=%2F",
                "/static/console.css", "/apiary", "/quality")) {
            JsonObject received = new JsonObject(given().urlEncodingEnabled(false).redirects().follow(false).get(uri)
                    .then().statusCode(200).extract().asString());
            assertThat(uri, received.getString("uri"), equalTo(uri));
            assertThat(received.getJsonObject("headers").getString("x-forwarded-host"), equalTo("market.aqlli.test"));
        }
        // The console's forms (sign-out carries its own CSRF token) pass too.
        given().contentType("application/x-www-form-urlencoded").formParam("aqlli-csrf", "x").post("/sign-out").then().statusCode(200);
        // The API and the gateway's own paths are never the console's.
        given().get("/api/orders/orders").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/no-such-service").then().statusCode(401).contentType("application/problem+json");
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theGatewayIsNotReadyWhileItsServicesAreDown() {
        given().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'upstream services' }.data.catalog", startsWith("DOWN"));
    }
}
