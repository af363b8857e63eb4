package uz.aqlli.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's own settings: where each service is, the address clients reach it by, and how long it waits. */
@ConfigMapping(prefix = "aqlli.gateway")
public interface UpstreamsConfig {

    /** Service name (catalog, offers, orders, datalake) to base URL. */
    Map<String, URI> upstreams();

    /**
     * The gateway's address as clients use it ({@code host[:port]}): the Host the services get, and so
     * the address their links (Location) name, whatever Host a client sent.
     */
    String publicHost();

    /**
     * The scheme clients use ({@code https} behind a balancer that ends TLS), sent as
     * {@code X-Forwarded-Proto} so that the services' links name it; the scheme the gateway itself
     * was reached by when unset (the local run: {@code http}).
     */
    Optional<String> publicScheme();

    /**
     * Further {@code host[:port]} values the gateway answers for (another name of the same
     * deployment); a client's Host that is one of these is passed on instead of {@link #publicHost()}.
     */
    Optional<List<String>> allowedHosts();

    /** The longest path and query accepted; below the services' own 4096-byte request line. */
    @WithDefault("4000")
    int maxUriLength();

    /** To open a connection to a service, or to get one from its pool when all are busy. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** The longest a service may keep the gateway waiting for its answer, or for the next part of it (then 504). */
    @WithDefault("30s")
    Duration responseTimeout();

    /** A kept-alive connection to a service unused this long is closed. */
    @WithDefault("60s")
    Duration connectionIdleTimeout();

    /** Open connections to one service at most. */
    @WithDefault("50")
    int maxConnectionsPerUpstream();

    /**
     * Open streams ({@link Route#STREAMS}) to one service at most, in a pool apart from its API's;
     * beyond that, 503 at once (a console's EventSource tries again).
     */
    @WithDefault("1000")
    int maxStreamsPerUpstream();

    /** Requests waiting for a connection to one service at most; beyond that, 503 at once. */
    @WithDefault("200")
    int maxQueuePerUpstream();
}
