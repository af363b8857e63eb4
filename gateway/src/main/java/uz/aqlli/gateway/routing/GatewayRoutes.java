package uz.aqlli.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.UUID;

/**
 * Puts a reverse proxy (Vert.x HttpProxy) in front of each service. Token and role checks have
 * already run by the time a request gets here (Quarkus HTTP permissions, application.properties);
 * the upstream's responses, problem details included, go back unchanged.
 */
@ApplicationScoped
public class GatewayRoutes {

    public static final String REQUEST_ID = "X-Request-Id";

    void install(@Observes Router router, Vertx vertx, UpstreamsConfig config) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(2000)
                .setMaxPoolSize(50)
                .setKeepAlive(true));
        for (Route route : Route.ALL) {
            URI upstream = config.upstreams().get(route.upstream());
            if (upstream == null) {
                throw new IllegalStateException("no URL configured for upstream " + route.upstream()
                        + " (aqlli.gateway.upstreams." + route.upstream() + ")");
            }
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(upstream.getPort(), upstream.getHost());
            router.route(route.pathPrefix() + "/*").handler(GatewayRoutes::tagRequest).handler(ProxyHandler.create(proxy));
            router.route(route.pathPrefix()).handler(GatewayRoutes::tagRequest).handler(ProxyHandler.create(proxy));
        }
    }

    /** Gives every request an id (or keeps the caller's), sent upstream and echoed back, to follow it through the logs. */
    static void tagRequest(RoutingContext context) {
        String requestId = context.request().getHeader(REQUEST_ID);
        if (requestId == null || requestId.isBlank() || requestId.length() > 100) {
            requestId = UUID.randomUUID().toString();
            context.request().headers().set(REQUEST_ID, requestId);
        }
        context.response().putHeader(REQUEST_ID, requestId);
        // The services build links (Location) from these, so that clients see the gateway's address.
        var headers = context.request().headers();
        headers.set("X-Forwarded-Host", context.request().authority() != null
                ? context.request().authority().toString() : headers.get("Host"));
        headers.set("X-Forwarded-Proto", context.request().scheme());
        headers.set("X-Forwarded-For", context.request().remoteAddress().hostAddress());
        context.next();
    }
}
