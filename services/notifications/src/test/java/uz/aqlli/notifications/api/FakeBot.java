package uz.aqlli.notifications.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server speaking the two Bot API methods as Telegram does ({@code {"ok":true,"result":…}},
 * 429 with {@code parameters.retry_after}), for the service under test. The test drives it over
 * HTTP too ({@code /test/…}), since a test resource and the test may not share a class loader.
 */
public class FakeBot implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "123456:TEST-token";
    private static HttpServer server;
    private final List<String> updates = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private int nextUpdate = 1;

    @Override
    public synchronized Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/bot" + TOKEN + "/getUpdates", this::getUpdates);
        server.createContext("/bot" + TOKEN + "/sendMessage", this::sendMessage);
        server.createContext("/test/update", this::addUpdate);
        server.createContext("/test/sent", exchange -> answer(exchange, 200, json(sent())));
        server.createContext("/test/refuse", exchange -> {
            refusals.set(Integer.parseInt(query(exchange.getRequestURI(), "times")));
            answer(exchange, 200, "{}");
        });
        server.start();
        return Map.of("aqlli.notifications.telegram.api-url", url(), "aqlli.notifications.telegram.token", TOKEN,
                "aqlli.notifications.telegram.bot-name", "AqlliSinovBot", "aqlli.notifications.telegram.poll-timeout", "1s",
                "aqlli.notifications.telegram.poll-every", "0.2s", "aqlli.notifications.telegram.sweep-every", "0.5s",
                "aqlli.notifications.telegram.first-backoff", "0.2s");
    }

    static String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private synchronized List<String> sent() {
        return List.copyOf(sent);
    }

    private void getUpdates(HttpExchange exchange) throws IOException {
        long offset = Long.parseLong(query(exchange.getRequestURI(), "offset"));
        List<String> pending;
        synchronized (this) {
            pending = updates.stream().filter(update -> Long.parseLong(update.replaceAll("^\\{\"update_id\":(\\d+).*", "$1")) >= offset)
                    .toList();
        }
        if (pending.isEmpty()) {
            sleep(300);
        }
        answer(exchange, 200, "{\"ok\":true,\"result\":[" + String.join(",", pending) + "]}");
    }

    private void sendMessage(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                    + "\"parameters\":{\"retry_after\":1}}");
            return;
        }
        synchronized (this) {
            sent.add(body);
        }
        answer(exchange, 200, "{\"ok\":true,\"result\":{\"message_id\":" + sent.size() + "}}");
    }

    /** {@code /test/update?chat=…&text=…}: a message the bot receives. */
    private void addUpdate(HttpExchange exchange) throws IOException {
        String chat = query(exchange.getRequestURI(), "chat");
        String text = query(exchange.getRequestURI(), "text");
        synchronized (this) {
            updates.add("{\"update_id\":" + nextUpdate++ + ",\"message\":{\"message_id\":1,\"chat\":{\"id\":" + chat
                    + ",\"type\":\"private\"},\"text\":" + json(List.of(text)).replaceAll("^\\[|]$", "") + "}}");
        }
        answer(exchange, 200, "{}");
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("no " + name + " in " + uri);
    }

    private static String json(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String value : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        }
        return out.append(']').toString();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
