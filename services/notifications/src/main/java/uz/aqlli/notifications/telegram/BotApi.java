package uz.aqlli.notifications.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import uz.aqlli.notifications.service.NotificationConfig;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two Bot API methods the platform uses, over HTTPS to {@code aqlli.notifications.telegram.api-url}
 * ({@code https://api.telegram.org}): {@code getUpdates} (long polling) and {@code sendMessage}.
 * Answers are {@code {"ok": true, "result": …}}, or {@code ok: false} with {@code error_code} and,
 * for 429, {@code parameters.retry_after} (seconds).
 */
@ApplicationScoped
public class BotApi {

    /** One update: a text a chat sent the bot. */
    public record Update(long updateId, long chatId, String text) {
    }

    /**
     * A refused or failed call; {@code retryAfter} set when Telegram asked to wait (429), {@code errorCode}
     * Telegram's {@code error_code} when it answered (0 when it could not be reached).
     */
    public static final class BotApiException extends RuntimeException {
        private final Duration retryAfter;
        private final int errorCode;

        BotApiException(String message, Duration retryAfter) {
            this(message, retryAfter, 0);
        }

        BotApiException(String message, Duration retryAfter, int errorCode) {
            super(message);
            this.retryAfter = retryAfter;
            this.errorCode = errorCode;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        /**
         * Whether sending the same message again can never work: the user blocked the bot or left the
         * chat (403), or the chat does not exist (400). Anything else (429, 5xx, no answer) may pass later.
         */
        public boolean permanent() {
            return errorCode == 403 || errorCode == 400;
        }

        /** Whether the chat itself can no longer be written to (blocked, left, deleted), not just this message. */
        public boolean chatGone() {
            return errorCode == 403 || (errorCode == 400 && String.valueOf(getMessage()).contains("chat not found"));
        }
    }

    private final NotificationConfig config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    BotApi(NotificationConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    public boolean configured() {
        return config.telegram().token().isPresent();
    }

    /** The updates from {@code offset} on, waiting up to the poll timeout for one. */
    public List<Update> updates(long offset) {
        Duration wait = config.telegram().pollTimeout();
        JsonNode result = call("getUpdates?offset=" + offset + "&timeout=" + wait.toSeconds()
                + "&allowed_updates=" + URLEncoder.encode("[\"message\"]", StandardCharsets.UTF_8), null, wait.plusSeconds(10));
        List<Update> updates = new ArrayList<>();
        for (JsonNode update : result) {
            JsonNode message = update.path("message");
            updates.add(new Update(update.path("update_id").asLong(), message.path("chat").path("id").asLong(),
                    message.path("text").asText("")));
        }
        return updates;
    }

    public void sendMessage(long chatId, String text) {
        call("sendMessage", Map.of("chat_id", chatId, "text", text, "link_preview_options", Map.of("is_disabled", true)),
                Duration.ofSeconds(10));
    }

    private JsonNode call(String method, Object body, Duration timeout) {
        String token = config.telegram().token().orElseThrow(() -> new BotApiException("no bot token configured", null));
        String base = config.telegram().apiUrl().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/bot" + token + "/" + method)).timeout(timeout);
        try {
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer = json.readTree(response.body());
            if (answer != null && answer.path("ok").asBoolean(false)) {
                return answer.path("result");
            }
            String description = answer == null ? "" : answer.path("description").asText("");
            JsonNode retry = answer == null ? null : answer.path("parameters").get("retry_after");
            int errorCode = answer == null ? response.statusCode() : answer.path("error_code").asInt(response.statusCode());
            // The token is in the URL: never in a message.
            throw new BotApiException(method.replaceAll("\\?.*", "") + " answered " + response.statusCode() + " " + description,
                    retry == null ? null : Duration.ofSeconds(retry.asLong()), errorCode);
        } catch (IOException e) {
            throw new BotApiException(method.replaceAll("\\?.*", "") + " failed: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BotApiException("interrupted", null);
        }
    }
}
