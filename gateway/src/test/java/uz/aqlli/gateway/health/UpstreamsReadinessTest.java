package uz.aqlli.gateway.health;

import com.sun.net.httpserver.HttpServer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.aqlli.gateway.routing.Route;
import uz.aqlli.gateway.routing.UpstreamsConfig;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which services the gateway's readiness waits for, against real HTTP servers on loopback: one
 * that is ready, one that answers 503, and a closed port.
 */
class UpstreamsReadinessTest {

    private HttpServer ready;
    private HttpServer notReady;

    @BeforeEach
    void startServers() throws IOException {
        ready = server(200);
        notReady = server(503);
    }

    @AfterEach
    void stopServers() {
        ready.stop(0);
        notReady.stop(0);
    }

    @Test
    void theConsoleBeingDownLeavesTheApiReady() throws IOException {
        Map<String, URI> upstreams = everyApiAt(url(ready));
        upstreams.put("console", closedPort());

        HealthCheckResponse answer = new UpstreamsReadiness(config(upstreams)).call();

        assertEquals(HealthCheckResponse.Status.UP, answer.getStatus(), String.valueOf(answer.getData()));
        // Still reported, so an operator sees it.
        assertEquals("DOWN (unreachable)", answer.getData().orElseThrow().get("console"));
    }

    @Test
    void anyApiServiceNotReadyMakesTheGatewayNotReady() throws IOException {
        for (String down : List.of("catalog", "notifications")) {
            Map<String, URI> upstreams = everyApiAt(url(ready));
            upstreams.put("console", url(ready));
            upstreams.put(down, url(notReady));

            HealthCheckResponse answer = new UpstreamsReadiness(config(upstreams)).call();

            assertEquals(HealthCheckResponse.Status.DOWN, answer.getStatus(), down);
            assertEquals("DOWN (HTTP 503)", answer.getData().orElseThrow().get(down));
        }
        Map<String, URI> upstreams = everyApiAt(url(ready));
        upstreams.put("console", url(ready));
        upstreams.put("orders", closedPort());
        assertEquals(HealthCheckResponse.Status.DOWN, new UpstreamsReadiness(config(upstreams)).call().getStatus());
    }

    private static Map<String, URI> everyApiAt(URI base) {
        Map<String, URI> upstreams = new HashMap<>();
        for (Route route : Route.ALL) {
            if (!route.catchAll()) {
                upstreams.put(route.upstream(), base);
            }
        }
        assertTrue(upstreams.size() >= 7, "the API routes: " + upstreams.keySet());
        return upstreams;
    }

    private static HttpServer server(int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    /** Readiness needs only where each service is; any other setting asked for fails the test. */
    private static UpstreamsConfig config(Map<String, URI> upstreams) {
        return (UpstreamsConfig) Proxy.newProxyInstance(UpstreamsConfig.class.getClassLoader(), new Class<?>[]{UpstreamsConfig.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("upstreams")) {
                        return upstreams;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
