package uz.aqlli.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;
import uz.aqlli.gateway.problem.GatewayProblem;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * When a service cannot be asked or does not answer, the gateway answers for it with a problem
 * document (HttpProxy alone sends an empty 502): 502 unreachable, 503 too many requests already
 * waiting for it, 504 no answer in time.
 */
record UpstreamFailures(String upstream, Duration connectTimeout, Duration responseTimeout) implements ProxyInterceptor {

    /** Set on the proxy context once a connection to the service is in hand. */
    static final String CONNECTED = "aqlli.connected";

    private static final Logger LOG = Logger.getLogger(UpstreamFailures.class);

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            ProxyRequest request = context.request();
            GatewayProblem problem = problemFor(failure, Boolean.TRUE.equals(context.get(CONNECTED, Boolean.class)));
            LOG.warnf("%s %s: %d from the gateway (%s service: %s; request %s)", request.getMethod(),
                    request.proxiedRequest().path(), problem.status(), upstream, failure.getMessage(),
                    request.proxiedRequest().getHeader(GatewayRoutes.REQUEST_ID));
            request.release();
            ProxyResponse response = request.response()
                    .setStatusCode(problem.status())
                    .putHeader("Content-Type", GatewayProblem.MEDIA_TYPE)
                    .setBody(Body.body(problem.body(request.proxiedRequest())));
            if (problem.status() == 503) {
                response.putHeader("Retry-After", "1");
            }
            return Future.succeededFuture(response);
        });
    }

    GatewayProblem problemFor(Throwable failure, boolean connected) {
        if (failure instanceof ConnectionPoolTooBusyException) {
            return new GatewayProblem(503, "urn:aqlli:problem:service-busy", "Service unavailable",
                    "The " + upstream + " service has too many requests waiting; try again shortly");
        }
        if (isTimeout(failure)) {
            return new GatewayProblem(504, "urn:aqlli:problem:service-timeout", "Gateway timeout", connected
                    ? "The " + upstream + " service did not answer within " + seconds(responseTimeout)
                    : "The " + upstream + " service could not be reached within " + seconds(connectTimeout));
        }
        return new GatewayProblem(502, "urn:aqlli:problem:service-unreachable", "Bad gateway",
                "The " + upstream + " service cannot be reached");
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
