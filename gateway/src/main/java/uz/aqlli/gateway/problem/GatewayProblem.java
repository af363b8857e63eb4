package uz.aqlli.gateway.problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * An RFC 9457 problem document the gateway answers by itself, in the shape of the services'
 * ({@code uz.aqlli.platform.runtime.problem.Problem}): the gateway has no REST layer to share theirs.
 */
public record GatewayProblem(int status, String type, String title, String detail, JsonArray errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final int MAX_INSTANCE_LENGTH = 1000;

    public GatewayProblem(int status, String type, String title, String detail) {
        this(status, type, title, detail, new JsonArray());
    }

    /** The same problem, naming a rejected part of the request (as the services name fields). */
    public GatewayProblem withError(String field, String message) {
        return new GatewayProblem(status, type, title, detail,
                errors.copy().add(new JsonObject().put("field", field).put("message", message)));
    }

    /**
     * The document for this request: its path as {@code instance} (unless the path is what is too
     * long), its request id when it has one.
     */
    public Buffer body(HttpServerRequest request) {
        JsonObject problem = new JsonObject()
                .put("type", type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        String path = request.path();
        if (path != null && path.length() <= MAX_INSTANCE_LENGTH) {
            problem.put("instance", path);
        }
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        String requestId = request.getHeader("X-Request-Id");
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem.toBuffer();
    }

    /** Answers the request with this problem, unless an answer is already on its way. */
    public void send(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(body(context.request()));
    }
}
