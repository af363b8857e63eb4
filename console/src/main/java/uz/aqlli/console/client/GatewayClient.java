package uz.aqlli.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

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
import java.util.StringJoiner;

/**
 * The console's one way to the platform: the gateway's public API, with the signed-in user's access
 * token when there is one, so every check (roles, organization, region, sealing) stays where it is
 * and the console sees exactly what its user may see. Answers become maps and lists for the
 * templates; a problem document becomes an {@link ApiProblem}; a gateway that cannot be reached
 * becomes a problem of the console's own, never an exception on the page.
 */
@ApplicationScoped
public class GatewayClient {

    private static final Logger LOG = Logger.getLogger(GatewayClient.class);

    private final HttpClient http;
    private final URI gateway;
    private final Duration timeout;
    private final ObjectMapper json;

    @Inject
    GatewayClient(@ConfigProperty(name = "aqlli.console.gateway-url") URI gateway,
                  @ConfigProperty(name = "aqlli.console.api-timeout", defaultValue = "10s") Duration timeout,
                  ObjectMapper json) {
        this.gateway = gateway;
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** GET a path under the gateway with the query's non-empty values, as the user whose token it is (or anonymously). */
    public ApiAnswer get(String path, Map<String, String> query, Optional<String> accessToken) {
        URI uri = URI.create(gateway.toString().replaceAll("/+$", "") + path + queryString(query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .GET();
        accessToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return answer(response.statusCode(), response.body(), path);
        } catch (IOException e) {
            LOG.warnf("GET %s failed: %s", path, e.toString());
            return new ApiAnswer(503, null, ApiProblem.unavailable(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ApiAnswer(503, null, ApiProblem.unavailable("interrupted"));
        }
    }

    private ApiAnswer answer(int status, byte[] body, String path) throws IOException {
        JsonNode tree;
        try {
            tree = body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            tree = null;
        }
        if (status >= 200 && status < 300) {
            return new ApiAnswer(status, tree == null ? null : json.treeToValue(tree, Object.class), null);
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        String type = null;
        String detail = null;
        if (tree != null && tree.isObject()) {
            type = tree.path("type").asText(null);
            detail = tree.path("detail").asText(null);
            for (JsonNode error : tree.path("errors")) {
                errors.add(new ApiProblem.FieldError(error.path("field").asText(null), error.path("message").asText(null)));
            }
        }
        if (status >= 500) {
            LOG.warnf("GET %s answered %d: %s", path, status, detail);
        }
        return new ApiAnswer(status, null, new ApiProblem(status, type, detail, List.copyOf(errors)));
    }

    static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        joined.setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        });
        return joined.toString();
    }
}
