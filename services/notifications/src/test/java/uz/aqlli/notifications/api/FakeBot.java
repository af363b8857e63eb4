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
    private final AtomicInteger retryAfter = new AtomicInteger(1);
    private final List<String> calls = new ArrayList<>();
    private final java.util.Set<String> blocked = java.util.concurrent.ConcurrentHashMap.newKeySet();
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
            String retry = exchange.getRequestURI().getRawQuery().contains("retry=") ? query(exchange.getRequestURI(), "retry") : "1";
            retryAfter.set(Integer.parseInt(retry));
            refusals.set(Integer.parseInt(query(exchange.getRequestURI(), "times")));
            answer(exchange, 200, "{}");
        });
        server.createContext("/test/block", exchange -> {
            blocked.add(query(exchange.getRequestURI(), "chat"));
            answer(exchange, 200, "{}");
        });
        server.createContext("/test/calls", exchange -> answer(exchange, 200, json(calls())));
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

    /** Every sendMessage call as {@code <epoch millis> <chat id> <status>}, in the order they came. */
    private synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private synchronized void called(String chat, int status) {
        calls.add(System.currentTimeMillis() + " " + chat + " " + status);
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
        String chat = body.replaceAll("(?s).*\"chat_id\":(-?\\d+).*", "$1");
        if (blocked.contains(chat)) {
            called(chat, 403);
            answer(exchange, 403, "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}");
            return;
        }
        if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            called(chat, 429);
            int wait = retryAfter.get();
            answer(exchange, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + wait + "\","
                    + "\"parameters\":{\"retry_after\":" + wait + "}}");
            return;
        }
        called(chat, 200);
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
