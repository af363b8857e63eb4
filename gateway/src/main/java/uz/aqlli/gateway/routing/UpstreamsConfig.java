package uz.aqlli.gateway.routing;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.util.Map;

/** The base URL of each service the gateway routes to. */
@ConfigMapping(prefix = "aqlli.gateway")
public interface UpstreamsConfig {

    /** Service name (catalog, offers, orders, datalake) to base URL. */
    Map<String, URI> upstreams();
}
