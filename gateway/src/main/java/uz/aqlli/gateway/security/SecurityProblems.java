package uz.aqlli.gateway.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import uz.aqlli.gateway.problem.GatewayProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers the gateway's own 401 and 403 as RFC 9457 problem details, the same shape the services use.
 */
@ApplicationScoped
public class SecurityProblems {

    private static final String PERMISSION = "quarkus.http.auth.permission.";

    /** "METHOD path" or "METHOD prefix/*" ("*" for every method), from the permissions whose policy is permit. */
    private final List<String[]> publicRoutes = new ArrayList<>();

    @Inject
    SecurityProblems(Config config) {
        // Read from the same permissions that let the request through, so the two never disagree.
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(PERMISSION) || !name.endsWith(".policy")
                    || !"permit".equals(config.getOptionalValue(name, String.class).orElse(""))) {
                continue;
            }
            String permission = name.substring(0, name.length() - ".policy".length());
            List<String> methods = config.getOptionalValues(permission + ".methods", String.class).orElse(List.of("*"));
            for (String path : config.getOptionalValues(permission + ".paths", String.class).orElse(List.of())) {
                // Only the API's own permissions say which API routes are public: the console's
                // permit on /* is beaten by the more specific /api/* (authenticated) in Quarkus,
                // and must not make every API route look public here.
                if (!path.strip().startsWith("/api/")) {
                    continue;
                }
                for (String method : methods) {
                    publicRoutes.add(new String[] {method.strip(), path.strip()});
                }
            }
        }
    }

    boolean isPublic(String method, String path) {
        for (String[] route : publicRoutes) {
            if (!route[0].equals("*") && !route[0].equalsIgnoreCase(method)) {
                continue;
            }
            String pattern = route[1];
            boolean matches = pattern.endsWith("/*")
                    ? path.startsWith(pattern.substring(0, pattern.length() - 1))
                    : path.equals(pattern);
            if (matches) {
                return true;
            }
        }
        return false;
    }

    void install(@Observes Router router) {
        // Every /api route needs a token (application.properties); without one Quarkus would send a
        // bare challenge, so the gateway answers first, in the problem shape.
        // Right after the gateway's own first look at the request (GatewayRoutes.admit).
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(context -> {
            if (context.request().getHeader("Authorization") == null
                    && !isPublic(context.request().method().name(), context.normalizedPath())) {
                context.response().putHeader("WWW-Authenticate", "Bearer");
                respond(context, 401, "urn:aqlli:problem:unauthenticated", "Unauthorized", "A valid bearer token is required");
            } else {
                context.next();
            }
        });
        router.route().failureHandler(SecurityProblems::handle);
    }

    static void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            respond(context, 401, "urn:aqlli:problem:unauthenticated", "Unauthorized", "A valid bearer token is required");
        } else if (failure instanceof ForbiddenException) {
            respond(context, 403, "urn:aqlli:problem:forbidden", "Forbidden", "Your role does not allow this operation");
        } else {
            context.next();
        }
    }

    private static void respond(RoutingContext context, int status, String type, String title, String detail) {
        new GatewayProblem(status, type, title, detail).send(context);
    }
}
