package uz.aqlli.gateway.routing;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.util.Map;

/** The gateway's own settings: the base URL of each service it routes to, and its public routes. */
@ConfigMapping(prefix = "aqlli.gateway")
public interface UpstreamsConfig {

    /** Service name (catalog, offers, orders, datalake) to base URL. */
    Map<String, URI> upstreams();

    /** "METHOD /path" or "METHOD /prefix/*": routes anyone may call without a token. */
    java.util.Optional<java.util.List<String>> publicRoutes();
}
