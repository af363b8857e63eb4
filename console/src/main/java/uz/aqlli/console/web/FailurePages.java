package uz.aqlli.console.web;

import io.quarkus.logging.Log;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The console's own failures as its pages, in the reader's language and with the site's navigation:
 * an address with no page, a malformed one (a path that is not an id), a refused form (a missing
 * CSRF token), and anything unexpected. Never the framework's bare error page or a stack trace.
 */
public class FailurePages {

    @Inject
    PageRenderer pages;

    @ServerExceptionMapper
    public Response noSuchPage(NotFoundException notFound) {
        return pages.failed(404, "no-page");
    }

    @ServerExceptionMapper
    public Response refused(WebApplicationException refused) {
        int status = refused.getResponse().getStatus();
        if (status >= 500) {
            Log.error("A console page failed", refused);
            return pages.failed(500, "console-failed");
        }
        return pages.failed(status, "other");
    }

    @ServerExceptionMapper
    public Response unexpected(Exception failure) {
        Log.error("A console page failed", failure);
        return pages.failed(500, "console-failed");
    }
}
