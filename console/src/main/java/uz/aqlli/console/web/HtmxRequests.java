package uz.aqlli.console.web;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A request htmx made (a boosted link or form) is a script's request: when its session has ended,
 * OIDC answers 499 rather than redirecting it to Keycloak (quarkus.oidc.authentication.java-script-auto-redirect),
 * and console.js sends the browser there itself.
 */
@ApplicationScoped
public class HtmxRequests implements JavaScriptRequestChecker {

    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        return "true".equals(context.request().getHeader("HX-Request"));
    }
}
