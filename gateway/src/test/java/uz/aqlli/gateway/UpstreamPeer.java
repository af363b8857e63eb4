package uz.aqlli.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP peer on loopback standing in for the orders and notifications services and the web console: it
 * answers with what it received (URI and headers), so a test sees exactly what the gateway sent upstream, it never
 * answers under {@link #SILENT_PATH}, like a service that hangs, and keeps {@link #STREAM_PATH} open as a live stream.
 */
public class UpstreamPeer implements QuarkusTestResourceLifecycleManager {

    static final String SILENT_PATH = "/api/orders/silent";
    static final String STREAM_PATH = "/api/notifications/stream";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().startsWith(SILENT_PATH)) {
                return;
            }
            if (request.path().equals(STREAM_PATH)) {
                // A live stream as the notifications service keeps one: open until the client leaves,
                // a comment now and then within the gateway's (test) response timeout.
                request.response().setChunked(true).putHeader("Content-Type", "text/event-stream").write(": open\n\n");
                long timer = vertx.setPeriodic(300, id -> request.response().write(": still here\n\n"));
                request.connection().closeHandler(closed -> vertx.cancelTimer(timer));
                return;
            }
            // Every value a header arrived with, in order, so a second (client's) value would show.
            Map<String, String> headers = new TreeMap<>();
            request.headers().forEach(header -> headers.merge(header.getKey().toLowerCase(Locale.ROOT), header.getValue(),
                    (first, second) -> first + ", " + second));
            JsonObject received = new JsonObject();
            headers.forEach((name, value) -> received.put(name, value));
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("uri", request.uri()).put("headers", received).encode());
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the upstream peer did not start", e);
        }
        return Map.of("aqlli.gateway.upstreams.orders", "http://127.0.0.1:" + server.actualPort(),
                "aqlli.gateway.upstreams.console", "http://127.0.0.1:" + server.actualPort(),
                "aqlli.gateway.upstreams.notifications", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
