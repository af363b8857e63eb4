package uz.aqlli.console.web;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uz.aqlli.console.client.ApiAnswer;
import uz.aqlli.console.client.GatewayClient;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Signing in and out, and the signed-in user's own pages. Sign-in is Keycloak's code flow (PKCE)
 * run by quarkus-oidc on {@code /sign-in}; sign-out is a form (so it carries the CSRF token) that
 * ends the console's session and then Keycloak's.
 */
@Path("/")
public class SignedInPages {

    @Inject
    GatewayClient gateway;

    @Inject
    PageRenderer pages;

    @Inject
    Visitor visitor;

    @Inject
    OidcSession session;

    @Inject
    OidcConfigurationMetadata provider;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    @Inject
    Template my;

    /** quarkus-oidc has run the code flow by the time this answers; the reader goes on to their page. */
    @GET
    @Path("sign-in")
    @Authenticated
    public Response signIn() {
        return Response.seeOther(URI.create("/my")).build();
    }

    @POST
    @Path("sign-out")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut(@Context UriInfo uri) {
        String idToken = session.getIdToken() == null ? null : session.getIdToken().getRawToken();
        // Back to the console's home after Keycloak has ended its own session too.
        URI home = uri.getBaseUriBuilder().replacePath("/").replaceQuery(null).build();
        UriBuilder endSession = UriBuilder.fromUri(provider.getEndSessionUri())
                .queryParam("client_id", clientId)
                .queryParam("post_logout_redirect_uri", home);
        if (idToken != null) {
            endSession.queryParam("id_token_hint", idToken);
        }
        return session.logout().replaceWith(Response.seeOther(endSession.build()).build());
    }

    @GET
    @Path("my")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    public Response my() {
        ApiAnswer me = gateway.get("/api/catalog/me", Map.of(), visitor.accessToken());
        if (!me.ok()) {
            return pages.failed(me);
        }
        List<Object> products = List.of();
        ApiAnswer listed = me;
        if (visitor.hasRole("enterprise")) {
            listed = gateway.get("/api/catalog/products/mine", Map.of("size", String.valueOf(PublicPages.PAGE_SIZE)), visitor.accessToken());
            products = listed.items();
        }
        return pages.respond(listed, pages.page(my).data("me", me.object()).data("products", products)
                .data("problems", pages.problems(listed)));
    }
}
