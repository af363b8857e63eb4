package uz.aqlli.gateway.routing;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Clients speak HTTP/1.1 to the gateway. Vert.x HttpProxy cannot relay an HTTP/2 request (h2c
 * upgrade) to the services' HTTP/1.1: its body has no length, the write to the service fails and
 * the client waits forever. Refusing the upgrade makes such a client carry on in HTTP/1.1.
 */
@ApplicationScoped
public class Http1Only implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.setUseAlpn(false);
    }
}
