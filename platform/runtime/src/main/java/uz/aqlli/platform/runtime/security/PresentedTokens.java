package uz.aqlli.platform.runtime.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A token that is sent is checked, on every route, public ones included: a forged, expired or
 * foreign-audience token is a 401 even where no token would have been fine.
 *
 * <p>Authentication is lazy in the services (so that failures come out as problem details); a
 * public route that never asks who is calling would otherwise never look at the token.
 */
public class PresentedTokens {

    private final CurrentIdentityAssociation identity;

    PresentedTokens(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Void> checkPresentedToken(HttpHeaders headers) {
        if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity().replaceWithVoid();
    }
}
