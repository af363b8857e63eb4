package uz.aqlli.orders;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Map;

/**
 * Test-only route: answers the way a service answers a creation (a Location built from the request)
 * and says which client address it believes, so a test sees what the forwarded headers changed.
 */
@Path("/test/forwarded")
@PermitAll
public class ForwardedEcho {

    @POST
    public Response create(@Context UriInfo uri, @Context HttpServerRequest request) {
        return Response.created(uri.getAbsolutePathBuilder().path("1").build())
                .entity(Map.of("remoteAddress", request.remoteAddress().hostAddress()))
                .type("application/json")
                .build();
    }
}
