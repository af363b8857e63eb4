package uz.aqlli.gateway.routing;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.util.Map;

/** The gateway's own settings: the base URL of each service it routes to. */
@ConfigMapping(prefix = "aqlli.gateway")
public interface UpstreamsConfig {

    /** Service name (catalog, offers, orders, datalake) to base URL. */
    Map<String, URI> upstreams();
}
