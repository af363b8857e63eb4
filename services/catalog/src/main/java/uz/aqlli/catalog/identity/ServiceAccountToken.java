package uz.aqlli.catalog.identity;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.runtime.TokensHelper;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import java.time.Duration;

/** Puts the catalog's own service-account token (client credentials, cached until near expiry) on each admin call. */
final class ServiceAccountToken implements ClientRequestFilter {

    private final OidcClient client;
    private final TokensHelper tokens = new TokensHelper();

    ServiceAccountToken(OidcClient client) {
        this.client = client;
    }

    @Override
    public void filter(ClientRequestContext request) {
        String token = tokens.getTokens(client).await().atMost(Duration.ofSeconds(10)).getAccessToken();
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
}
