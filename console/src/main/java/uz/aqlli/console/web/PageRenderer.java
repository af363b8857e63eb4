package uz.aqlli.console.web;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import uz.aqlli.console.client.ApiAnswer;
import uz.aqlli.console.i18n.Bundles;
import uz.aqlli.console.i18n.Labels;
import uz.aqlli.console.i18n.Language;

/** What every page gets (the labels as {@code t}, the visitor, the languages for the switch) and its status. */
@RequestScoped
public class PageRenderer {

    @Inject
    Bundles bundles;

    @Inject
    Visitor visitor;

    @Inject
    Template failure;

    public Labels labels() {
        return bundles.of(visitor.language());
    }

    public TemplateInstance page(Template template) {
        return template.data("t", labels()).data("visitor", visitor).data("languages", Language.values());
    }

    public Problems problems(ApiAnswer answer) {
        return Problems.of(answer.problem(), labels());
    }

    /**
     * The page with the status the API's answer calls for: a refused filter is the reader's 400 (the
     * page shows it at the field), a platform that failed is a 503; the page is rendered either way.
     */
    public Response respond(ApiAnswer answer, TemplateInstance page) {
        int status = answer.ok() ? 200 : answer.status() >= 500 ? 503 : answer.status();
        return Response.status(status).entity(page).build();
    }

    /** The failure page with that status and the label {@code problem.<key>} as its message. */
    public Response failed(int status, String key) {
        return Response.status(status).type("text/html;charset=UTF-8")
                .entity(page(failure).data("problems", Problems.page(labels().of("problem", key))).data("status", status)).build();
    }

    /** A page whose main object the API would not give (not found, not allowed, unavailable). */
    public Response failed(ApiAnswer answer) {
        int status = answer.status() >= 500 ? 503 : answer.status();
        return Response.status(status).entity(page(failure).data("problems", problems(answer)).data("status", status)).build();
    }
}
