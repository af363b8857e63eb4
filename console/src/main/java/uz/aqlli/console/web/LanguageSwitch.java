package uz.aqlli.console.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import uz.aqlli.console.i18n.Language;

import java.net.URI;

/**
 * The language switch: plain links (so it works without JavaScript) that remember the choice in a
 * cookie for a year and bring the reader back to the page they were on. Only a path on this site is
 * followed back, so the switch cannot be used to send someone elsewhere.
 */
@Path("/language")
public class LanguageSwitch {

    static final long ONE_YEAR_SECONDS = 365L * 24 * 3600;

    @Inject
    HttpServerResponse response;

    @ConfigProperty(name = "aqlli.console.secure-cookies", defaultValue = "false")
    boolean secureCookies;

    @GET
    public Response choose(@QueryParam("to") String to, @QueryParam("back") String back) {
        Language language = Language.ofTag(to).orElse(Language.DEFAULT);
        response.addCookie(Cookie.cookie(Visitor.LANGUAGE_COOKIE, language.tag()).setPath("/").setMaxAge(ONE_YEAR_SECONDS)
                .setHttpOnly(true).setSecure(secureCookies).setSameSite(CookieSameSite.LAX));
        return Response.seeOther(localPath(back)).build();
    }

    /** The page to go back to, as the switch's link gave it (the page's own request URI): a path here, else home. */
    static URI localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")) {
            return URI.create("/");
        }
        try {
            URI uri = new URI(back);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? uri : URI.create("/");
        } catch (java.net.URISyntaxException e) {
            return URI.create("/");
        }
    }
}
