package uz.aqlli.console.web;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import uz.aqlli.console.i18n.Language;

import java.util.Optional;

/**
 * Who is looking at the page: in which language (the switch's cookie, else the browser's
 * Accept-Language on a first visit), and, when signed in, as whom and with which access token
 * (the one the console sends to the gateway on their behalf).
 */
@RequestScoped
@TemplateData
public class Visitor {

    public static final String LANGUAGE_COOKIE = "aqlli-lang";

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    private Language language;

    public Language language() {
        if (language == null) {
            Cookie chosen = request.getCookie(LANGUAGE_COOKIE);
            language = Optional.ofNullable(chosen).flatMap(cookie -> Language.ofTag(cookie.getValue()))
                    .orElseGet(() -> Language.fromAcceptLanguage(request.getHeader("Accept-Language")));
        }
        return language;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    public boolean hasRole(String role) {
        return signedIn() && identity.hasRole(role);
    }

    public Optional<String> accessToken() {
        if (!signedIn()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getCredential(AccessTokenCredential.class)).map(AccessTokenCredential::getToken);
    }

    /** The page's path and query, where the language switch brings the reader back to. */
    public String here() {
        return request.uri();
    }

    /** {@link #here()} as a query parameter's value. */
    public String hereParam() {
        return java.net.URLEncoder.encode(request.uri(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
