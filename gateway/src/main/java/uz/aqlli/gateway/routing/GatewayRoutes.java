package uz.aqlli.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import uz.aqlli.gateway.problem.GatewayProblem;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Puts a reverse proxy (Vert.x HttpProxy) in front of each service. Token and role checks have
 * already run by the time a request gets here (Quarkus HTTP permissions, application.properties);
 * the upstream's responses, problem details included, go back unchanged. What the gateway answers
 * itself (a URI too long, a service unreachable, slow or saturated) is a problem document too.
 */
@ApplicationScoped
public class GatewayRoutes {

    public static final String REQUEST_ID = "X-Request-Id";
    static final String FORWARDED_HOST = "X-Forwarded-Host";

    /**
     * A caller's own request id is kept only when it is a short token: it goes into every log line
     * and problem document of the request, so it must not be able to split or forge either.
     */
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Every path that is neither under /api nor under /q, for the catch-all route (the console). */
    static final String CONSOLE_PATHS = "^/(?!(?:api|q)(?:/|$)).*";

    private String publicHost;
    private final Set<String> answeredHosts = new HashSet<>();
    private int maxUriLength;
    private String publicScheme;

    void install(@Observes Router router, Vertx vertx, UpstreamsConfig config) {
        publicHost = config.publicHost().strip();
        if (HostAndPort.parseAuthority(publicHost, -1) == null) {
            throw new IllegalStateException("aqlli.gateway.public-host is not a host[:port]: " + publicHost);
        }
        answeredHosts.add(publicHost.toLowerCase(Locale.ROOT));
        config.allowedHosts().orElse(List.of()).forEach(host -> answeredHosts.add(host.strip().toLowerCase(Locale.ROOT)));
        maxUriLength = config.maxUriLength();
        publicScheme = config.publicScheme().map(String::strip).map(scheme -> scheme.toLowerCase(Locale.ROOT)).orElse(null);
        if (publicScheme != null && !publicScheme.equals("http") && !publicScheme.equals("https")) {
            throw new IllegalStateException("aqlli.gateway.public-scheme is http or https, not " + publicScheme);
        }

        // Before the token check (SecurityProblems), so that its problems carry the checked request id.
        router.route().order(Integer.MIN_VALUE).handler(this::admit);

        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.connectionIdleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setKeepAlive(true);
        // A stream holds its connection for as long as a console is open: streams get a pool of their
        // own, bounded, with no queue (503 at once beyond it), so open consoles never take the API's.
        for (Route stream : Route.STREAMS) {
            URI upstream = config.upstreams().get(stream.upstream());
            HttpClient client = vertx.createHttpClient(options, new PoolOptions()
                    .setHttp1MaxSize(config.maxStreamsPerUpstream())
                    .setMaxWaitQueueSize(0));
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                    .origin(context -> openRequest(context, client, upstream, config))
                    .addInterceptor(new UpstreamFailures(stream.upstream(), config.connectTimeout(), config.responseTimeout()));
            router.route(stream.pathPrefix()).handler(ProxyHandler.create(proxy));
        }
        for (Route route : Route.ALL) {
            URI upstream = config.upstreams().get(route.upstream());
            if (upstream == null) {
                throw new IllegalStateException("no URL configured for upstream " + route.upstream()
                        + " (aqlli.gateway.upstreams." + route.upstream() + ")");
            }
            // A client (pool and wait queue) per service: a slow service fills its own queue, not the others'.
            HttpClient client = vertx.createHttpClient(options, new PoolOptions()
                    .setHttp1MaxSize(config.maxConnectionsPerUpstream())
                    .setMaxWaitQueueSize(config.maxQueuePerUpstream()));
            // No service speaks WebSocket, and an upgrade would bypass the interceptor below.
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                    .origin(context -> openRequest(context, client, upstream, config))
                    .addInterceptor(new UpstreamFailures(route.upstream(), config.connectTimeout(), config.responseTimeout()));
            if (route.catchAll()) {
                // Not /api (an unknown API path stays the gateway's 401 or 404) and not /q (the gateway's own health).
                router.routeWithRegex(CONSOLE_PATHS).handler(ProxyHandler.create(proxy));
                continue;
            }
            router.route(route.pathPrefix() + "/*").handler(ProxyHandler.create(proxy));
            router.route(route.pathPrefix()).handler(ProxyHandler.create(proxy));
        }
    }

    /**
     * The gateway's first look at every request: a URI it will not pass on, the request id, and the
     * forwarded headers, which are the gateway's to set (a client's would be trusted by the services).
     */
    void admit(RoutingContext context) {
        HttpServerRequest request = context.request();
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId == null || !SAFE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        request.headers().set(REQUEST_ID, requestId);
        context.response().putHeader(REQUEST_ID, requestId);

        if (request.uri().length() > maxUriLength) {
            refuseLongUri(context);
            return;
        }

        MultiMap headers = request.headers();
        List<String> fromClient = headers.names().stream()
                .filter(name -> name.equalsIgnoreCase("Forwarded") || name.regionMatches(true, 0, "X-Forwarded-", 0, 12))
                .toList();
        fromClient.forEach(headers::remove);
        // The services build links (Location) from these, so that clients see the gateway's address.
        headers.set(FORWARDED_HOST, publicAuthority(request));
        headers.set("X-Forwarded-Proto", publicScheme != null ? publicScheme : request.scheme());
        headers.set("X-Forwarded-For", request.remoteAddress().hostAddress());
        context.next();
    }

    /** The Host the client used when the gateway answers for it, else the gateway's public one. */
    private String publicAuthority(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority != null) {
            String used = authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
            if (answeredHosts.contains(used.toLowerCase(Locale.ROOT))) {
                return used;
            }
        }
        return publicHost;
    }

    private void refuseLongUri(RoutingContext context) {
        String uri = context.request().uri();
        int queryStart = uri.indexOf('?');
        int pathLength = queryStart < 0 ? uri.length() : queryStart;
        String part = pathLength > maxUriLength ? "path" : "query";
        int partLength = part.equals("path") ? pathLength : uri.length() - pathLength - 1;
        new GatewayProblem(414, "urn:aqlli:problem:uri-too-long", "URI too long",
                "The " + part + " makes the request's path and query " + uri.length()
                        + " characters long; at most " + maxUriLength + " are accepted")
                .withError(part, "is " + partLength + " characters long")
                .send(context);
    }

    private static Future<HttpClientRequest> openRequest(ProxyContext context, HttpClient client, URI upstream,
                                                         UpstreamsConfig config) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        int port = upstream.getPort() >= 0 ? upstream.getPort() : 80;
        RequestOptions options = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, upstream.getHost()))
                .setHost(upstream.getHost())
                .setPort(port)
                .setMethod(incoming.method())
                .setURI(incoming.uri())
                // Counts the wait for a pooled connection too, so a full pool does not hold a request forever.
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.responseTimeout().toMillis());
        return client.request(options).map(request -> {
            context.set(UpstreamFailures.CONNECTED, Boolean.TRUE);
            // The Host the service sees is the one admit() chose, never a client's it does not answer for.
            HostAndPort authority = HostAndPort.parseAuthority(incoming.getHeader(FORWARDED_HOST), -1);
            return authority == null ? request : request.authority(authority);
        });
    }
}
