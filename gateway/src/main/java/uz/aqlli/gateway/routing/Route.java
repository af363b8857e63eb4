package uz.aqlli.gateway.routing;

import java.util.List;

/** A public path prefix of the gateway and the service behind it. */
public record Route(String pathPrefix, String upstream) {

    /**
     * The routing table. Services serve their API under the same prefix the gateway exposes, so
     * paths pass through unchanged (and each service's OpenAPI document matches the public paths).
     */
    public static final List<Route> ALL = List.of(
            new Route("/api/catalog", "catalog"),
            new Route("/api/offers", "offers"),
            new Route("/api/orders", "orders"),
            new Route("/api/analytics", "datalake"),
            new Route("/api/integrity", "integrity"),
            new Route("/api/open-data", "opendata"),
            new Route("/api/notifications", "notifications"),
            // Last: every other path but /q is the web console's (its pages, its sign-in, its static files).
            new Route("/", "console"));

    /**
     * Long-lived responses (Server-Sent Events), each holding a connection while a console is open:
     * proxied before {@link #ALL}, through a pool of their own.
     */
    public static final List<Route> STREAMS = List.of(new Route("/api/notifications/stream", "notifications"));

    /** The console's route takes what no API route and no /q path does, so it is matched by exclusion. */
    public boolean catchAll() {
        return pathPrefix.equals("/");
    }
}
